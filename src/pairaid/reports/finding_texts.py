"""Findings of the checks written in the report's language, with names, not codes.

The checks store a finding's rule, the figures it names (its data values) and the numbers it
found; :func:`finding_text` writes it from those with the rule's wording in
``data/findings.yaml`` (English and Chinese): the indicator's name from the codelist, the
subject's name, each figure as offices write it (qualifier and unit in words, money in
million yuan / 万元 and 亿元).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from pairaid.checks.models import Finding
from pairaid.checks.selectors import finding_members
from pairaid.indicators.models import DataValue
from pairaid.registry.selectors import pairings_by_id
from pairaid.reports.labels import is_zh, quantity, say, wording

#: Rules whose first figure is a whole and the others its parts.
_PART_RULES = (
    "parts_exceed_whole",
    "count_against_list",
    "breakdown_does_not_sum",
    "persons_with_person_times",
    "cumulative_with_flows",
)


def _number(values: dict[str, str], label: str) -> Decimal | None:
    try:
        return Decimal(values[label])
    except (KeyError, InvalidOperation):
        return None


def _roles(rule: str, datavalues: list[DataValue]) -> tuple[DataValue, DataValue | None, list[DataValue]]:
    """The finding's first figure, its other one and the parts, by what each is (not by storage order)."""
    datavalues = sorted(datavalues, key=lambda v: v.pk)
    if rule in _PART_RULES:
        ids = {v.pk for v in datavalues}
        whole = next((v for v in datavalues if v.part_of_id not in ids), datavalues[0])
        return whole, None, [v for v in datavalues if v is not whole]
    first = datavalues[0]
    if rule in ("growth_rate_mismatch", "implied_previous_value"):
        first = next((v for v in datavalues if v.change_percent is not None), first)
    elif rule in ("channel_exceeds_total", "channel_total_exceeds_total"):
        first = next((v for v in datavalues if v.indicator.code != "aid_funds"), first)
    elif rule == "annual_exceeds_cumulative":
        first = next((v for v in datavalues if v.period_kind != "cumulative"), first)
    other = next((v for v in datavalues if v is not first), None)
    return first, other, []


def _period(value: DataValue, language: str) -> str:
    start, end = value.period_start.year, value.period_end.year
    if value.period_kind == "cumulative" or start != end:
        return f"{start}–{end}年" if is_zh(language) else f"{start}–{end}"
    return f"{end}年" if is_zh(language) else str(end)


def _subject(value: DataValue, language: str, names: dict[int, str]) -> str:
    if value.activity_id and value.activity is not None:
        activity = value.activity
        return activity.title_zh if is_zh(language) and activity.title_zh else activity.title
    if value.area_id and value.area is not None:
        return value.area.display_name(language)
    if value.pairing_id:
        return names.get(value.pairing_id, "")
    # not resolved to a pairing or an area: the sides as the source wrote them, quoted
    return " → ".join(f"“{side}”" for side in (value.donor_label, value.recipient_label) if side)


def _shown(value: DataValue, language: str) -> str:
    return quantity(value.value, value.unit, language, value.qualifier)


def _change(rate: Decimal, language: str) -> str:
    words = wording("findings")["words"]
    entry = words["change_up"] if rate >= 0 else words["change_down"]
    return say(entry, language).format(n=f"{abs(rate).normalize():f}")


def rule_title(rule: str, language: str) -> str:
    """A rule of the checks in a few words in ``language`` ("the parts add up to more than the whole",
    "分项之和超过总数"), never its code."""
    words = wording("findings")
    found = words["rules"].get(rule)
    return say(found["title"] if found else words["words"]["unknown_rule"], language)


def finding_text(finding: Finding, datavalues: list[DataValue], *, language: str, names: dict[int, str]) -> str:
    """The finding as one sentence in ``language`` ("Shule County: People trained 1,000 people in
    2009, up 25% on 2008, implies 800 people in 2008; no figure for 2008 is stored.").

    ``datavalues``: the data values the finding names, with indicator, pairing, area and activity
    loaded; ``names``: pairing names in ``language`` by id. A rule the wording does not know, or
    a finding whose figures are gone, is written by the rule's title, never by its code.
    """
    words = wording("findings")
    rule = words["rules"].get(finding.rule)
    if rule is None or not datavalues:
        title = rule_title(finding.rule, language)
        return title[:1].upper() + title[1:] + ("。" if is_zh(language) else ".")
    values = {str(label): str(number) for label, number in finding.values}
    first, other, parts = _roles(finding.rule, datavalues)
    zh = is_zh(language)
    glue = say(words["words"]["list_glue"], language)
    rate = first.change_percent
    base_year = first.change_base_year or first.period_end.year - 1
    fields = {
        "subject": _subject(first, language, names) or (names.get(first.pairing_id or 0, "")),
        "indicator": first.indicator.display_name(language),
        "first": _shown(first, language),
        "second": _shown(other, language) if other is not None else "",
        "year": str(first.period_end.year),
        "base_year": str(base_year),
        "period": _period(first, language),
        "other_period": _period(other, language) if other is not None else "",
        "change": _change(rate, language) if rate is not None else "",
        "computed": "",
        "implied": "",
        "sum": "",
        "parts": glue.join(_parts(parts, first, language)),
        "scope": names.get(finding.pairing_id or 0) or say(words["words"]["nation"], language),
        "total": "",
        "aid_total": "",
    }
    for field, label in (("total", "channel total"), ("aid_total", "aid funds total")):
        number = _number(values, label)
        if number is not None:
            fields[field] = quantity(number, first.unit, language)
    computed = _number(values, "rate from stored values")
    if computed is not None:
        fields["computed"] = f"{computed.normalize():f}"
    implied = _number(values, "implied previous value")
    if implied is not None:
        fields["implied"] = quantity(implied, first.unit, language)
    total = _number(values, "sum of parts")
    if total is not None:
        fields["sum"] = quantity(total, first.unit, language)
    template = say(rule, language)
    text = template.format(**fields)
    if not fields["subject"] and "{subject}" in template:
        text = text.split("：" if zh else ": ", 1)[-1]
        text = text[:1].upper() + text[1:]
    return text


def pairing_names(ids: Iterable[int], language: str) -> dict[int, str]:
    """Each pairing's name in ``language``."""
    return {pk: p.display_name(language) for pk, p in pairings_by_id(ids=set(ids)).items()}


def finding_messages(findings: Sequence[Finding], *, language: str) -> dict[int, str]:
    """Each of ``findings`` as :func:`finding_text` words it in ``language``, by the finding's pk:
    what every page, report and export shows of a finding (never the checks' stored English).

    The figures the findings name are read in one query (with indicator, area and activity), the
    pairing names in another, whatever the number of findings."""
    from django.utils import translation

    members = finding_members(finding_ids=[f.pk for f in findings])
    owners = {f.pairing_id for f in findings if f.pairing_id}
    names = pairing_names({v.pairing_id for m in members.values() for v in m if v.pairing_id} | owners, language)
    with translation.override(language):
        return {f.pk: finding_text(f, members[f.pk], language=language, names=names) for f in findings}


def _parts(parts: Iterable[DataValue], whole: DataValue, language: str) -> list[str]:
    """Each part as shown, named by its breakdown or indicator where that differs from the whole's."""
    from pairaid.core.codelists import disaggregation_name

    shown = []
    for p in parts:
        name = disaggregation_name(p.disaggregation, language) if p.disaggregation else ""
        if not name and p.indicator_id != whole.indicator_id:
            name = p.indicator.display_name(language)
        if p.period_kind != whole.period_kind or p.period_start != whole.period_start:
            name = f"{name} {_period(p, language)}".strip()
        text = _shown(p, language)
        shown.append(f"{name}{text}" if name and is_zh(language) else f"{name} {text}" if name else text)
    return shown
