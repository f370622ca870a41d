from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "pairaid.sources"
    verbose_name = "Sources"
