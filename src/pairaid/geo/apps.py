from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "pairaid.geo"
    verbose_name = "Areas"
