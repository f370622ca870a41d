from django.contrib import admin

from pairaid.geo.models import Area


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "name_pinyin", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name_zh", "name_pinyin", "name_en"]
    raw_id_fields = ["parent"]
