from django.contrib import admin

from pairaid.sources.models import Evidence, SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "report_year", "donor_label", "recipient_label", "media_type", "created"]
    list_filter = ["report_year", "language", "media_type"]
    search_fields = ["title", "filename", "sha256", "donor_label", "recipient_label"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["document", "start", "end", "rule"]
    search_fields = ["document__title", "document__filename"]
    raw_id_fields = ["document"]
