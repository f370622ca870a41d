from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pairaid.registry.models import Organisation, Pairing


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "name_zh", "kind", "area"]
    list_filter = ["kind"]
    search_fields = ["name", "name_zh", "area__name_zh", "area__name_en"]
    raw_id_fields = ["area"]


@admin.register(Pairing)
class PairingAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "key", "level", "programme", "pair_count", "start_year", "end_year", "parent", "basis"]
    list_filter = ["level", "programme", "start_year", "basis"]
    search_fields = [
        "key",
        "name",
        "donor_area__name_zh",
        "donor_area__name_en",
        "recipient_area__name_zh",
        "recipient_area__name_en",
        "donor_organisation__name",
        "recipient_organisation__name",
    ]
    raw_id_fields = ["donor_area", "recipient_area", "donor_organisation", "recipient_organisation", "parent"]
