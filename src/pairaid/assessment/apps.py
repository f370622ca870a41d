from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "pairaid.assessment"
    verbose_name = "Annual assessment"
