"""Template filters: names in the chosen language, money and figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import get_language, pgettext_lazy

register = template.Library()


def _lang() -> str:
    return get_language() or "en"


@register.filter
def name(obj: Any) -> str:
    """The name of an area, indicator, organisation or pairing in the active language."""
    if obj is None:
        return ""
    lang = _lang()
    if hasattr(obj, "display_name"):
        return str(obj.display_name(lang))
    if hasattr(obj, "name_zh") and lang.startswith("zh") and obj.name_zh:
        return str(obj.name_zh)
    return str(obj)


@register.filter
def figure(value: Any) -> str:
    """A Decimal without trailing zeros, with thousands separators: 75800000.0000 → 75,800,000.

    The separator is a comma by threes in every language: Django's Chinese
    format has none, which left 1574000000 unreadable on the Chinese pages.
    """
    if value is None or value == "":
        return "—"
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if value == value.to_integral():
        return f"{int(value):,}"
    whole, _dot, frac = f"{value.normalize():f}".partition(".")
    return f"{int(whole):,}.{frac}" if whole != "-0" else f"-0.{frac}"


#: Unit codes of the indicators (``spec/indicators.csv``) as shown to people.
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


@register.filter
def unit(code: Any) -> str:
    """A unit code in the active language: ``CNY`` → yuan / 元, ``person`` → people / 人; other codes as they are."""
    if not code:
        return ""
    return str(UNIT_NAMES.get(str(code), code))


@register.filter
def percent(value: Any) -> str:
    """A change in percent with its sign, one decimal: +28.2%."""
    if value is None:
        return ""
    return f"{Decimal(value):+.1f}%"


@register.filter
def sector_name(code: str) -> str:
    """A sector code's name in the active language (``spec/sectors.csv``)."""
    from pairaid.core.codelists import sectors

    for sector in sectors():
        if sector.code == code:
            return sector.name_zh if _lang().startswith("zh") else sector.name_en
    return code


@register.filter
def web_address(address: Any) -> str:
    """``address`` when it is an http(s) URL, else "" (a ``javascript:`` address is never made a link)."""
    text = str(address or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""
