"""Extracted figures that state again what is already counted, read out of the roll-ups' statements.

With extracted figures, a roll-up counts each statement once (:mod:`pairaid.indicators.statements`):
an extracted figure that repeats a counted one (:func:`repeated_extracted`), that was read from the words
a confirmed figure cites (:func:`same_quantity`), or that another extracted value of the same figure
outranks (:func:`conflicting_extracted`) is left out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from pairaid.indicators.models import CONFIRMED_STATUSES, DATAVALUE_KEY_FIELDS, DataValue, DataValueStatus


class Year(ExtractYear):
    """The year of a date, as :class:`ExtractYear`; on SQLite read from the stored text (``YYYY-MM-DD``) in SQL
    instead of by Django's Python function called for every row (most of a roll-up's reading there)."""

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.lhs)
        return f"CAST(SUBSTR({sql}, 1, 4) AS INTEGER)", list(params)


def _on_one_branch(a: int, b: int, parent: dict[int, int | None]) -> bool:
    """Whether pairing ``a`` is ``b``, above it or under it."""
    for low, high in ((a, b), (b, a)):
        node: int | None = low
        for _ in range(32):
            if node is None:
                break
            if node == high:
                return True
            node = parent.get(node)
    return False


def repeated_extracted(qs: QuerySet[DataValue], owner: Coalesce, parent: dict[int, int | None]) -> list[int]:
    """Ids of the extracted figures of ``qs`` that tell again a figure counted before them: one of the same
    indicator, kind, year, period kind, unit and value whose pairing (an output's: its activity's) is on
    one branch of the pairing tree with theirs (or, of no pairing, at the same area). A confirmed figure
    is counted first, then the extracted ones in the order they were stored: an entered figure and its
    extracted copy, or two documents telling one figure, are one statement (issue 12)."""
    extracted = list(
        qs.filter(status=DataValueStatus.EXTRACTED, part_of__isnull=True)
        .annotate(year=Year("period_end"), owner=owner)
        .values_list("pk", "indicator_id", "kind", "year", "period_kind", "unit", "value", "owner", "area_id")
        .order_by("pk")
    )
    if not extracted:
        return []
    confirmed = (
        qs.exclude(status=DataValueStatus.EXTRACTED)
        .filter(part_of__isnull=True, value__in={row[6] for row in extracted})
        .annotate(year=Year("period_end"), owner=owner)
        .values_list("pk", "indicator_id", "kind", "year", "period_kind", "unit", "value", "owner", "area_id")
        .order_by()
    )
    counted: dict[tuple[object, ...], list[tuple[int | None, int | None]]] = {}
    for _pk, *same, who, area in confirmed:
        counted.setdefault(tuple(same), []).append((who, area))
    repeated = []
    for pk, *same, who, area in extracted:
        told = counted.setdefault(tuple(same), [])
        if any(
            (who is None and other is None and area == other_area)
            or (who is not None and other is not None and _on_one_branch(who, other, parent))
            for other, other_area in told
        ):
            repeated.append(pk)
        else:
            told.append((who, area))
    return repeated


def same_quantity(qs: QuerySet[DataValue]) -> list[int]:
    """Ids of the extracted figures of ``qs`` whose evidence overlaps, in one document, the evidence of a
    confirmed figure of the same indicator and kind (of any unit, period or disaggregation): one sentence's
    quantity entered and read again (more than 30 leaders entered as person-times, read as persons) is one
    statement, the confirmed one."""
    extracted = list(
        qs.filter(status=DataValueStatus.EXTRACTED, evidence__isnull=False).values_list(
            "pk", "indicator_id", "kind", "evidence__document_id", "evidence__start", "evidence__end"
        )
    )
    if not extracted:
        return []
    confirmed: dict[tuple[object, ...], list[tuple[int, int]]] = {}
    for indicator, kind, document, start, end in DataValue.objects.filter(
        status__in=list(CONFIRMED_STATUSES),
        evidence__document_id__in={row[3] for row in extracted},
        indicator_id__in={row[1] for row in extracted},
    ).values_list("indicator_id", "kind", "evidence__document_id", "evidence__start", "evidence__end"):
        confirmed.setdefault((indicator, kind, document), []).append((start, end))
    return [
        pk
        for pk, indicator, kind, document, start, end in extracted
        if any(s < end and start < e for s, e in confirmed.get((indicator, kind, document), ()))
    ]


def conflicting_extracted(qs: QuerySet[DataValue]) -> list[int]:
    """Ids of the extracted figures of ``qs`` that another extracted figure of the same indicator, subject,
    period, disaggregation, kind and unit outranks: the larger value, else the one stored first. Two values
    of one figure are two statements of it, never added (issue 12)."""
    best: dict[tuple[object, ...], tuple[Decimal, int]] = {}
    dropped: list[int] = []
    rows = (
        qs.filter(status=DataValueStatus.EXTRACTED, part_of__isnull=True)
        .values_list("pk", "value", *_FIGURE_FIELDS)
        .order_by("pk")
    )
    for pk, value, *key in rows:
        same = tuple(key)
        held = best.get(same)
        if held is None:
            best[same] = (value, pk)
        elif value > held[0]:
            dropped.append(held[1])
            best[same] = (value, pk)
        else:
            dropped.append(pk)
    return dropped


#: What makes two figures one (``indicators.models.DATAVALUE_KEY_FIELDS``) and their unit.
_FIGURE_FIELDS = (*DATAVALUE_KEY_FIELDS, "unit")
