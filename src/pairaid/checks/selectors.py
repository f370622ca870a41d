"""Reads for the checks: data values as figures, and stored findings."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Case, F, Q, QuerySet, When
from django.db.models.functions import Substr

from pairaid.checks.models import Finding
from pairaid.core.checks import EvidenceRef, Figure
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueStatus
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids

_CONFIRMED = [str(s) for s in CONFIRMED_STATUSES]
_CHECKED_FIELDS = (
    "indicator__code",
    "pairing",
    "area",
    "activity",
    "organisation",
    "subject_key",
    "period_kind",
    "period_start",
    "period_end",
    "disaggregation",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "change_percent",
    "change_base_year",
    "status",
    "part_of",
    "evidence__document",
    "evidence__start",
    "evidence__end",
    "evidence__sentence_start",
    "evidence__sentence_end",
)


def datavalues_to_check(
    *, pairing: Pairing | None = None, year: int | None = None, include_extracted: bool = False
) -> QuerySet[DataValue]:
    """The data values the checks read: confirmed ones (and extracted ones when asked).

    ``pairing`` takes that pairing and every pairing under it; ``year`` takes the
    values whose period touches ``year`` or the year before (for growth rates).
    Each value is annotated with ``span_text``, its evidence as written.
    """
    statuses = [*_CONFIRMED, DataValueStatus.EXTRACTED] if include_extracted else _CONFIRMED
    qs = DataValue.objects.filter(status__in=statuses).select_related("indicator", "evidence")
    if pairing is not None:
        ids = pairing_descendant_ids(root=pairing)
        qs = qs.filter(Q(pairing_id__in=ids) | Q(activity__pairing_id__in=ids))
    if year is not None:
        qs = qs.filter(period_start__year__lte=year, period_end__year__gte=year - 1)
    # only what the checks read: a national year is ~90,000 values, and whole rows cost seconds
    return (
        qs.only(*_CHECKED_FIELDS)
        .annotate(
            span_text=Substr(
                "evidence__document__text", F("evidence__start") + 1, F("evidence__end") - F("evidence__start")
            )
        )
        .order_by("pk")
    )


def figure_of(value: DataValue) -> Figure:
    """The figure the checks see for one data value (id: the value's pk as text)."""
    evidence = value.evidence
    return Figure(
        id=str(value.pk),
        indicator=value.indicator.code,
        value=value.value,
        value_high=value.value_high,
        unit=value.unit,
        qualifier=value.qualifier,  # type: ignore[arg-type]
        period_kind=value.period_kind,  # type: ignore[arg-type]
        start_year=value.period_start.year,
        end_year=value.period_end.year,
        subject=value.subject_key,
        part_of=str(value.part_of_id) if value.part_of_id is not None else None,
        change_percent=value.change_percent,
        change_base_year=value.change_base_year,
        text=getattr(value, "span_text", None) or "",
        disaggregation=value.disaggregation,
        evidence=EvidenceRef(
            str(evidence.document_id), evidence.start, evidence.end, evidence.sentence_start, evidence.sentence_end
        )
        if evidence is not None
        else None,
    )


def figures_of(values: Sequence[DataValue]) -> tuple[Figure, ...]:
    """Figures of ``values``, leaving out an extracted value whose key has a confirmed value.

    A reviewer's correction stands for the extracted figure it corrects; both
    together would look like one figure told twice.
    """
    confirmed_keys = {
        (v.indicator_id, v.subject_key, v.period_kind, v.period_start, v.period_end, v.disaggregation)
        for v in values
        if v.status in _CONFIRMED
    }
    kept = [
        v
        for v in values
        if v.status in _CONFIRMED
        or (v.indicator_id, v.subject_key, v.period_kind, v.period_start, v.period_end, v.disaggregation)
        not in confirmed_keys
    ]
    return tuple(figure_of(v) for v in kept)


def finding_list(
    *, pairing: Pairing | None = None, year: int | None = None, severity: str | None = None
) -> QuerySet[Finding]:
    """Stored findings, errors first; ``pairing`` includes the pairings under it."""
    qs = Finding.objects.select_related("pairing", "evidence", "evidence__document")
    if pairing is not None:
        qs = qs.filter(pairing_id__in=pairing_descendant_ids(root=pairing))
    if year is not None:
        qs = qs.filter(year=year)
    if severity:
        qs = qs.filter(severity=severity)
    rank = Case(When(severity="error", then=0), When(severity="warning", then=1), default=2)
    return qs.annotate(rank=rank).order_by("rank", "year", "rule", "pk")
