from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "pairaid.reports"
    label = "reports"
    verbose_name = "Reports"
