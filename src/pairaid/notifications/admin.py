from django.contrib import admin

from pairaid.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "subject", "created", "read"]
    list_filter = ["read"]
    search_fields = ["subject", "user__username"]
    raw_id_fields = ["user"]
