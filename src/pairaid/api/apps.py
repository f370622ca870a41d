from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pairaid.api"
    label = "api"
