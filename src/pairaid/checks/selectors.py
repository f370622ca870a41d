"""Reads for the checks: data values as checked values, and stored findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from django.db.models import Case, F, QuerySet, When
from django.db.models.functions import Substr

from pairaid.activities.selectors import of_pairings
from pairaid.checks.models import Finding
from pairaid.core.checks import CheckedValue, EvidenceRef
from pairaid.core.checks.subjects import subject_of
from pairaid.core.read_once import once
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, DataValueStatus
from pairaid.indicators.statements import PairingForest
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids

_CONFIRMED = tuple(str(s) for s in CONFIRMED_STATUSES)
#: What the checks read of a data value (plain rows: a national year is ~90,000
#: values, and model instances cost seconds).
_CHECKED_FIELDS = (
    "pk",
    "indicator__code",
    "pairing_id",
    "activity_id",
    "subject_key",
    "donor_label",
    "recipient_label",
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
    "part_of_id",
    "evidence_id",
    "evidence__document_id",
    "evidence__start",
    "evidence__end",
    "evidence__sentence_start",
    "evidence__sentence_end",
    "span_text",
)


def datavalues_to_check(
    *, pairing: Pairing | None = None, year: int | None = None, include_extracted: bool = False, unpaired: bool = False
) -> QuerySet[DataValue, dict[str, Any]]:
    """The data values the checks read, as rows: confirmed ones (and extracted ones when asked); with
    ``unpaired``, only those of no pairing nor activity (an area's own figures, nationwide ones).

    ``pairing`` takes that pairing and every pairing under it; ``year`` takes the
    values whose period touches ``year`` or the year before (for growth rates).
    Each row is a dict of the fields in ``_CHECKED_FIELDS`` (``pk``,
    ``indicator__code``, ``pairing_id``, ``activity_id``, ``period_end``,
    ``evidence_id``…), ordered by ``pk``; ``span_text`` is its evidence as written.
    """
    statuses = [*_CONFIRMED, DataValueStatus.EXTRACTED] if include_extracted else list(_CONFIRMED)
    qs = DataValue.objects.filter(status__in=statuses, kind=DataValueKind.ACTUAL)  # a plan is not checked as done
    if pairing is not None:
        ids = pairing_descendant_ids(root=pairing)
        qs = qs.filter(of_pairings(ids))
    if unpaired:
        qs = qs.filter(pairing__isnull=True, activity__isnull=True)
    if year is not None:
        qs = qs.filter(period_start__year__lte=year, period_end__year__gte=year - 1)
    return (
        qs.annotate(
            span_text=Substr(
                "evidence__document__text", F("evidence__start") + 1, F("evidence__end") - F("evidence__start")
            )
        )
        .values(*_CHECKED_FIELDS)
        .order_by("pk")
    )


def checked_value_of(row: Mapping[str, Any]) -> CheckedValue:
    """The checked value the checks see for one row of :func:`datavalues_to_check` (id: the value's pk as text)."""
    return CheckedValue(
        id=str(row["pk"]),
        indicator=row["indicator__code"],
        value=row["value"],
        value_high=row["value_high"],
        unit=row["unit"],
        qualifier=row["qualifier"],
        period_kind=row["period_kind"],
        start_year=row["period_start"].year,
        end_year=row["period_end"].year,
        subject=_subject(row),
        part_of=str(row["part_of_id"]) if row["part_of_id"] is not None else None,
        change_percent=row["change_percent"],
        change_base_year=row["change_base_year"],
        text=row["span_text"] or "",
        disaggregation=row["disaggregation"],
        evidence=EvidenceRef(
            str(row["evidence__document_id"]),
            row["evidence__start"],
            row["evidence__end"],
            row["evidence__sentence_start"],
            row["evidence__sentence_end"],
        )
        if row["evidence_id"] is not None
        else None,
    )


def _subject(row: Mapping[str, Any]) -> str:
    """The subject the checks compare on: the stored key, except that a figure about an area
    with a donor named beside it ("Liaoning gave Qinghai …") is about that donor's pairing
    with the area even where no such pairing is registered (as for facts read from a report)."""
    key = _subject_key(row)
    if key.startswith("area:") and row["donor_label"]:
        return subject_of(row["donor_label"], key)
    return key


def _subject_key(row: Mapping[str, Any]) -> str:
    """A figure's subject as stored: its key; with none, its pairing, else its activity, else its donor and
    recipient as written, else the figure alone (issue 12: figures of no pairing and no area were one subject,
    so Liaoning's 2010 funds were compared with another donor's 2011 ones)."""
    key: str = row["subject_key"]
    if key:
        return key
    if row["pairing_id"] is not None:
        return f"pairing:{row['pairing_id']}"
    if row["activity_id"] is not None:
        return f"activity:{row['activity_id']}"
    if row["donor_label"] or row["recipient_label"]:
        return f"written:{subject_of(row['donor_label'], row['recipient_label'])}"
    return f"value:{row['pk']}"


def _datavalue_key(row: Mapping[str, Any]) -> tuple[object, ...]:
    return (
        row["indicator__code"],
        _subject_key(row),
        row["period_kind"],
        row["period_start"],
        row["period_end"],
        row["disaggregation"],
    )


def checked_values_of(rows: Sequence[Mapping[str, Any]]) -> tuple[CheckedValue, ...]:
    """Checked values of ``rows`` (of :func:`datavalues_to_check`), each statement once.

    A reviewer's correction stands for the extracted figure it corrects (an extracted value whose
    key has a confirmed one is left out): both together would look like one figure told twice. An
    extracted figure that tells again a confirmed figure, or another document's, already taken (the same
    indicator, place, period, disaggregation, unit, value and change rate; confirmed figures taken
    first) is that figure, as in the roll-ups: two reports repeating one conflict, or one note, would
    otherwise give the same finding twice (16 vs 15.4 million, then 15.4 vs the other report's 16).
    A part of a figure left out is a part of the figure taken for it.
    """
    confirmed_keys = {_datavalue_key(r) for r in rows if r["status"] in _CONFIRMED}
    kept = [r for r in rows if r["status"] in _CONFIRMED or _datavalue_key(r) not in confirmed_keys]
    recipient = PairingForest.load().recipient_area
    taken: dict[tuple[object, ...], Mapping[str, Any]] = {}
    same: dict[str, str] = {}  # id of a figure left out -> id of the figure taken for it
    for r in sorted(kept, key=lambda r: (r["status"] not in _CONFIRMED, r["pk"])):
        statement = (*_datavalue_key(r)[:1], _place(r, recipient), *_datavalue_key(r)[2:], r["unit"], r["value"])
        first = taken.setdefault((*statement, r["value_high"], r["change_percent"]), r)
        if (
            first is not r
            and r["status"] not in _CONFIRMED
            and (first["status"] in _CONFIRMED or first["evidence__document_id"] != r["evidence__document_id"])
        ):
            same[str(r["pk"])] = str(first["pk"])
    checked_values = [checked_value_of(r) for r in kept if str(r["pk"]) not in same]
    return tuple(replace(f, part_of=same.get(f.part_of, f.part_of)) if f.part_of in same else f for f in checked_values)


def _place(row: Mapping[str, Any], recipient: Mapping[int, int | None]) -> str:
    """Where a figure is: its area, or its pairing's recipient area (a report's Shule GDP, read with the
    pairing, is the county's GDP stored for the area); an activity's figure stays its activity's."""
    key = _subject_key(row)
    if key.startswith("pairing:") and row["pairing_id"] is not None and recipient.get(row["pairing_id"]):
        return f"area:{recipient[row['pairing_id']]}"
    return key


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


def tree_findings(*, pairing: Pairing, year: int) -> list[Finding]:
    """Every stored finding of ``pairing``'s tree in ``year`` (:func:`finding_list`'s order), read once per page
    (:mod:`pairaid.core.read_once`) for its list of findings and its assessment."""
    return once(f"tree_findings:{pairing.pk}:{year}", lambda: list(finding_list(pairing=pairing, year=year)))


def findings_of_year(
    *, year: int, include_extracted: bool, pairing_ids: list[int] | None = None, limit: int | None = None
) -> list[Finding]:
    """The first ``limit`` findings of ``year`` (on confirmed figures, or with ``include_extracted`` on the
    extracted ones too), of these pairings, errors first, then warnings, then notes; with their evidence
    and its document (without its text)."""
    rank = Case(When(severity="error", then=0), When(severity="warning", then=1), default=2)
    qs = (
        Finding.objects.filter(year=year, includes_extracted=include_extracted)
        .select_related("evidence", "evidence__document")
        .defer("evidence__document__text")
        .annotate(rank=rank)
        .order_by("rank", "severity", "rule", "pk")
    )
    if pairing_ids is not None:
        qs = qs.filter(pairing_id__in=pairing_ids)
    return list(qs[:limit] if limit is not None else qs)


def finding_members(*, finding_ids: Iterable[int]) -> dict[int, list[DataValue]]:
    """The data values each finding is about, with their indicators, areas and activities, by finding id
    (one query)."""
    ids = list(finding_ids)
    members: dict[int, list[DataValue]] = {pk: [] for pk in ids}
    links = Finding.data_values.through.objects.filter(finding_id__in=ids).select_related(
        "datavalue__indicator", "datavalue__area", "datavalue__activity"
    )
    for link in links:
        members[link.finding_id].append(link.datavalue)
    return members
