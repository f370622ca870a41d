from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "pairaid.datasets"
    verbose_name = "Datasets and approval"
