"""A small factory of figures for the rule tables, and figures from gold-format JSON and from
``pairaid.core.extract`` results for the checks on the shared corpus (one per fact; a figure's id is
its fact's index, as text)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

from pairaid.core.checks import CheckedValue, EvidenceRef
from pairaid.core.checks.model import PeriodKind, Qualifier
from pairaid.core.checks.subjects import subject_of
from pairaid.core.extract.model import Extraction

_QUALIFIERS = frozenset({"exact", "more_than", "nearly", "about", "less_than", "up_to"})


def fig(id: str, value: str, *, text: str | None = None, **fields: Any) -> CheckedValue:
    """A 2010 ``aid_funds`` figure of pairing A>B in yuan, unless ``fields`` say otherwise."""
    defaults: dict[str, Any] = {
        "indicator": "aid_funds",
        "unit": "CNY",
        "period_kind": "year",
        "start_year": 2010,
        "end_year": 2010,
        "subject": "pairing:a>b",
    }
    defaults.update(fields)
    start = int(id) * 1000 if id.isdigit() else 0
    return CheckedValue(
        id=id,
        value=Decimal(value),
        text=text if text is not None else value,
        evidence=EvidenceRef("doc.txt", start, start + 5),
        **defaults,
    )


def rules_of(findings: tuple[Any, ...]) -> list[str]:
    return [f.rule for f in findings]


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _period(period: Mapping[str, Any] | object, report_year: int) -> tuple[PeriodKind, int, int]:
    get = period.get if isinstance(period, Mapping) else lambda k, d=None: getattr(period, k, d)
    kind = str(get("kind", "year") or "year")
    year = get("year", None)
    start = get("start_year", None)
    end = get("end_year", None)
    if kind == "cumulative":
        end_year = int(end if end is not None else (year if year is not None else report_year))
        start_year = int(start) if start is not None else end_year
        return "cumulative", start_year, end_year
    the_year = int(year if year is not None else (end if end is not None else report_year))
    return ("as_of" if kind == "as_of" else "year"), the_year, the_year


def _qualifier(value: object) -> Qualifier:
    text = str(value or "exact")
    return cast(Qualifier, text) if text in _QUALIFIERS else "exact"


def figures_from_gold(data: Mapping[str, Any], *, document: str | None = None) -> tuple[CheckedValue, ...]:
    """Figures from one gold-format JSON object (``spec/gold-format.md``): one per fact.

    ``document`` names the evidence document (default: the object's ``document``).
    Raises ``KeyError``/``IndexError`` on an object that is not in gold format.
    """
    mentions = data["mentions"]
    report_year = int(data.get("report_year") or 0)
    doc = document or str(data.get("document", ""))
    figures = []
    for index, fact in enumerate(data["facts"]):
        mention = mentions[fact["mention"]]
        kind, start_year, end_year = _period(fact.get("period") or {}, report_year)
        part_of = fact.get("part_of")
        figures.append(
            CheckedValue(
                id=str(index),
                indicator=str(fact["indicator"]),
                value=Decimal(str(mention["value"])),
                value_high=_decimal(mention.get("value_high")),
                unit=str(mention["unit"]),
                qualifier=_qualifier(mention.get("qualifier")),
                period_kind=kind,
                start_year=start_year,
                end_year=end_year,
                subject=subject_of(fact.get("donor"), fact.get("recipient")),
                part_of=str(part_of) if part_of is not None else None,
                change_percent=_decimal(fact.get("change_percent")),
                change_base_year=fact.get("change_base_year"),
                noun=str(mention.get("noun") or ""),
                text=str(mention.get("text", "")),
                evidence=EvidenceRef(doc, int(mention["start"]), int(mention["end"])),
            )
        )
    return tuple(figures)


def figures_from_extraction(extraction: Extraction, *, document: str = "") -> tuple[CheckedValue, ...]:
    """Figures from what :func:`pairaid.core.extract.read_report` found: one per fact.

    Evidence carries the mention's span and its sentence's bounds, so that two
    figures of one sentence are never taken for one figure told twice.
    """
    figures = []
    for index, fact in enumerate(extraction.facts):
        mention = extraction.mentions[fact.mention]
        sentence = extraction.sentences[mention.sentence] if 0 <= mention.sentence < len(extraction.sentences) else None
        period = fact.period
        kind, start_year, end_year = _period(
            {"kind": period.kind, "year": period.year, "start_year": period.start_year, "end_year": period.end_year},
            extraction.report_year,
        )
        figures.append(
            CheckedValue(
                id=str(index),
                indicator=fact.indicator,
                value=mention.value,
                value_high=mention.value_high,
                unit=mention.unit,
                qualifier=_qualifier(mention.qualifier),
                period_kind=kind,
                start_year=start_year,
                end_year=end_year,
                subject=subject_of(fact.donor, fact.recipient),
                part_of=str(fact.part_of) if fact.part_of is not None else None,
                change_percent=fact.change_percent,
                change_base_year=fact.change_base_year,
                noun=mention.noun or "",
                text=mention.text,
                evidence=EvidenceRef(
                    document,
                    mention.start,
                    mention.end,
                    sentence.start if sentence else None,
                    sentence.end if sentence else None,
                ),
            )
        )
    return tuple(figures)
