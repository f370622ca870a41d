from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "pairaid.plans"
    verbose_name = "Plans"
