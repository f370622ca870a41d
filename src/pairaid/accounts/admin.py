from django.contrib import admin

from pairaid.accounts.models import ApiToken, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "created")
    list_filter = ("role",)
    search_fields = ("user__username",)
    filter_horizontal = ("pairings",)
    raw_id_fields = ("user", "areas")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created", "last_used", "revoked")
    list_filter = ("revoked",)
    readonly_fields = ("prefix", "token_hash", "created", "last_used")
