"""Template filters: names in the chosen language, money and figures, who sees the management pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import get_language, gettext

from pairaid.accounts.user_permissions import can_users_manage
from pairaid.indicators.units import unit_name

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
def activity_title(activity: Any) -> str:
    """An activity's title in the active language: its Chinese title on Chinese pages when it has one."""
    if activity is None:
        return ""
    if _lang().startswith("zh") and getattr(activity, "title_zh", ""):
        return str(activity.title_zh)
    return str(activity.title)


@register.filter
def disaggregation(code: Any) -> str:
    """A disaggregation code (``kind:lecture``) in words of the active language, from the codelist."""
    from pairaid.core.codelists import disaggregation_name

    return disaggregation_name(str(code or ""), _lang())


@register.filter
def kept_name(statement: Any) -> str:
    """The pairing or area a total's kept statement is of, named in the active language (the statement's own
    label is "English (中文)"); both read once per page, as the roll-up that made the statement read them."""
    lang = _lang()
    if not lang.startswith("zh"):
        return str(statement.label)
    from pairaid.indicators.statements import AreaTree
    from pairaid.registry.selectors import pairing_index

    if statement.of_area:
        return AreaTree.load().name(statement.node, lang) or str(statement.label)
    pairing = pairing_index().get(statement.node)
    return pairing.display_name(lang) if pairing is not None else str(statement.label)


@register.filter
def number(value: Any) -> str:
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


@register.filter
def qualified(value: Any, qualifier: Any = "exact") -> str:
    """A figure as :func:`number` writes it, with its qualifier in the active language's words (the
    codelist's ``qualifier_words.csv``): more than 810 / 810余."""
    from pairaid.core.codelists import qualifier_words

    shown = number(value)
    words = qualifier_words().get(str(qualifier or "exact"))
    if words is None or words.code == "exact" or shown == "—":
        return shown
    written = words.written_zh if _lang().startswith("zh") else words.written_en
    return written.format(n=shown, unit="").strip()


@register.filter
def unit(code: Any) -> str:
    """A unit code in the active language: ``CNY`` → yuan / 元, ``person`` → people / 人; other codes as they are."""
    return unit_name(code)


@register.filter
def percent(value: Any) -> str:
    """A change in percent with its sign, one decimal: +28.2%."""
    if value is None:
        return ""
    return f"{Decimal(value):+.1f}%"


@register.filter
def change_note(total: Any, year: Any) -> str:
    """Why a total of ``year`` shows no change on last year ("" when it shows one), in the active language:
    the reports' wording ('no change on last year: no figure for 2009'), from the same place."""
    from pairaid.reports.headline import total_change_note

    if not year:
        return ""
    return total_change_note(total, year=int(year), language=_lang())


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


@register.filter
def period(dv: Any) -> str:
    """A figure's period in the active language: 2009, 1996–2009, end of 2009 (exact days when not whole years)."""
    start, end, kind = dv.period_start, dv.period_end, dv.period_kind
    whole = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if kind == "as_of":
        if (end.month, end.day) == (12, 31):
            return str(gettext("end of %(year)s") % {"year": end.year})
        return str(gettext("as of %(date)s") % {"date": end.isoformat()})
    if not whole:
        return f"{start.isoformat()} – {end.isoformat()}"
    if start.year == end.year:
        return str(gettext("%(year)s") % {"year": start.year})
    return str(gettext("%(start)s–%(end)s") % {"start": start.year, "end": end.year})


@register.filter
def uncertain(certainty: Any) -> bool:
    """Whether a reading this certain is uncertain (below the review's confident threshold)."""
    from pairaid.review.selectors import CONFIDENT

    return certainty is not None and Decimal(certainty) < CONFIDENT


@register.filter
def as_read_items(as_read: Any) -> list[tuple[str, str]]:
    """What review changed of a figure, as the report gave it: (field name, value) in the active language."""
    from pairaid.geo.selectors import area_find
    from pairaid.indicators.models import DataValue
    from pairaid.indicators.selectors import indicator_find
    from pairaid.registry.selectors import pairing_find

    lookups: dict[str, Any] = {
        "indicator": lambda v: indicator_find(code=v),
        "area": lambda v: area_find(code=v),
        "pairing": lambda v: pairing_find(pk=v),
    }
    items = []
    for field, value in (as_read or {}).items():
        label = str(DataValue._meta.get_field(field).verbose_name)
        found = lookups[field](value) if field in lookups and value is not None else None
        if value is None:  # the report gave none (a figure read with no place, no pairing)
            items.append((label, "—"))
            continue
        items.append((label, name(found) if found is not None else unit(value) if field == "unit" else str(value)))
    return items


@register.filter
def reason_words(reason: Any) -> str:
    """A reason the audit trail recorded, in the active language ("corrected: indicator" -> "已更正：指标")."""
    from pairaid.web.audit_words import reason_words as words

    return words(str(reason or ""))


@register.filter
def kind_words(kind: Any, fallback: Any = "") -> str:
    """A kind of record of the audit log (a model's name), in the active language ("datavalue" -> "Figure", 数据)."""
    from pairaid.web.audit_words import kind_words as words

    return words(str(kind), str(fallback or kind))


@register.filter
def rule_words(rule: Any) -> str:
    """What an assessment rule scores, in the active language (not its code)."""
    from pairaid.web.criterion_words import rule_words as words

    return words(str(rule))


@register.filter
def reading_rule(rule: Any) -> str:
    """The reading rule that bound an extracted figure, by what it reads and gives in the active language."""
    from pairaid.web.reading_rule_words import rule_label

    return rule_label(str(rule or ""))


@register.filter
def reading_rule_purpose(rule: Any) -> str:
    """A reading rule's purpose (English, as its file states it) on an English page; empty otherwise."""
    from pairaid.web.reading_rule_words import rule_purpose

    return rule_purpose(str(rule or ""))


@register.filter
def params_words(params: Any) -> str:
    """An assessment criterion's parameters in words, in the active language (not a raw dict)."""
    from pairaid.web.criterion_words import params_words as words

    return words(params)


@register.filter
def evidence_words(clauses: Any) -> str:
    """An assessment criterion's evidence in the active language, by names (not codes)."""
    from pairaid.web.criterion_words import evidence_words as words

    return words(clauses or ())


@register.filter
def job_error(text: Any) -> str:
    """A job's (or one file's) error in the active language, where the catalogue says it."""
    from pairaid.jobs.selectors import error_words

    return error_words(str(text or ""))


@register.filter
def file_error(outcome: Any) -> str:
    """Why one file of an upload was not read, in the active language (by its refusal's code)."""
    from pairaid.jobs.selectors import file_error as words

    return words(outcome if isinstance(outcome, dict) else {})


@register.filter
def manages_users(user: Any) -> bool:
    """Whether ``user`` sees the management pages (administrators and the national office)."""
    return can_users_manage(user)
