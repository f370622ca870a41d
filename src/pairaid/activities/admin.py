from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pairaid.activities.models import Activity, Transaction


class TransactionInline(admin.TabularInline):
    model = Transaction
    extra = 0
    raw_id_fields = ["provider_area", "provider_organisation", "receiver_area", "receiver_organisation", "pairing"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["identifier", "title", "sector", "status", "pairing", "is_key_project", "start_date"]
    list_filter = ["sector", "status", "is_key_project", "pairing__level", "start_date"]
    search_fields = ["identifier", "title", "title_zh", "recipient_areas__name_zh", "recipient_areas__name_en"]
    raw_id_fields = ["pairing", "implementing_organisation"]
    filter_horizontal = ["recipient_areas"]
    inlines = [TransactionInline]


@admin.register(Transaction)
class TransactionAdmin(SimpleHistoryAdmin):
    list_display = ["value_date", "transaction_type", "finance_type", "value", "currency", "activity", "pairing"]
    list_filter = ["transaction_type", "finance_type", "value_date"]
    search_fields = ["description", "activity__title", "pairing__name"]
    raw_id_fields = [
        "activity",
        "pairing",
        "provider_area",
        "provider_organisation",
        "receiver_area",
        "receiver_organisation",
    ]
