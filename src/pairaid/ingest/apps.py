from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "pairaid.ingest"
    verbose_name = "Ingest"
