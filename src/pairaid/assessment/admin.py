from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pairaid.assessment.models import Criterion


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_en", "rule", "weight", "position"]
