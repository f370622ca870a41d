"""Unit codes of the indicators (``spec/indicators.csv``) as shown to people, in the active language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext_lazy

#: Unit code -> its name for people (lazy: said in the language active when shown).
UNIT_NAMES = {
    "CNY": pgettext_lazy("unit", "yuan"),
    "CNY/person": pgettext_lazy("unit", "yuan per person"),
    "agreement": pgettext_lazy("unit", "agreements"),
    "batch": pgettext_lazy("unit", "batches"),
    "course": pgettext_lazy("unit", "courses"),
    "enterprise": pgettext_lazy("unit", "enterprises"),
    "event": pgettext_lazy("unit", "events"),
    "facility": pgettext_lazy("unit", "facilities"),
    "ha": pgettext_lazy("unit", "ha"),
    "house": pgettext_lazy("unit", "houses"),
    "household": pgettext_lazy("unit", "households"),
    "item": pgettext_lazy("unit", "items"),
    "km": pgettext_lazy("unit", "km"),
    "m2": pgettext_lazy("unit", "m²"),
    "operation": pgettext_lazy("unit", "operations"),
    "person": pgettext_lazy("unit", "people"),
    "person_time": pgettext_lazy("unit", "person-times"),
    "project": pgettext_lazy("unit", "projects"),
    "school": pgettext_lazy("unit", "schools"),
    "village": pgettext_lazy("unit", "villages"),
}


def unit_name(code: Any) -> str:
    """A unit code in the active language: ``CNY`` → yuan / 元, ``person`` → people / 人; other codes as they are."""
    if not code:
        return ""
    return str(UNIT_NAMES.get(str(code), code))
