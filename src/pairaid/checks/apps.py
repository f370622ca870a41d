from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "pairaid.checks"
    label = "checks"
    verbose_name = "Checks and findings"
