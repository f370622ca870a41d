"""Template filters: names in the chosen language, money and figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import get_language

register = template.Library()


def _lang() -> str:
    return get_language() or "en"


@register.filter
def name(obj: Any) -> str:
    """The name of an area, indicator, organisation or pairing in the active language."""
    if obj is None:
        return ""
    lang = _lang()
    if hasattr(obj, "donor_area_id"):
        if obj.name and not lang.startswith("zh"):
            return str(obj.name)
        donor = obj.donor_area or obj.donor_organisation
        recipient = obj.recipient_area or obj.recipient_organisation
        return f"{name(donor)} – {name(recipient)}"
    if hasattr(obj, "display_name"):
        return str(obj.display_name(lang))
    if hasattr(obj, "name_zh") and lang.startswith("zh") and obj.name_zh:
        return str(obj.name_zh)
    return str(obj)


@register.filter
def figure(value: Any) -> str:
    """A Decimal without trailing zeros, with thousands separators: 75800000.0000 → 75,800,000."""
    if value is None or value == "":
        return "—"
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if value == value.to_integral():
        return str(intcomma(int(value)))
    text = f"{value.normalize():f}"
    whole, _, frac = text.partition(".")
    return f"{intcomma(int(whole))}.{frac}"


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
