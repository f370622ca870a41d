from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "pairaid.activities"
    verbose_name = "Activities"
