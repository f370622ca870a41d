from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "pairaid.indicators"
    verbose_name = "Indicators"
