from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pairaid.events.models import CadreBatch, FrameworkAgreement, TradeFair, Visit


class EventAdmin(SimpleHistoryAdmin):
    list_display = ["pairing", "year", "date", "title"]
    list_filter = ["year"]
    search_fields = ["title", "pairing__name"]
    raw_id_fields = ["pairing", "evidence"]


admin.site.register(Visit, EventAdmin)
admin.site.register(CadreBatch, EventAdmin)
admin.site.register(TradeFair, EventAdmin)
admin.site.register(FrameworkAgreement, EventAdmin)
