from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "pairaid.events"
    verbose_name = "Events and exchanges"
