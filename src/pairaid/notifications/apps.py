from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "pairaid.notifications"
    verbose_name = "Notifications"
