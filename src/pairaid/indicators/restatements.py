"""Extracted figures that state again what is already counted, read out of the roll-ups' statements.

With extracted figures, a roll-up counts each statement once (:mod:`pairaid.indicators.statements`):
an extracted figure that repeats a counted one (:func:`repeated_extracted`), that was read from the words
a confirmed figure cites (:func:`same_quantity`), or that another extracted value of the same figure
outranks (:func:`conflicting_extracted`) is left out. Two figures at distinct places of one sentence ("12
trainings for 400 person-times and 15 trainings for 400 person-times") are two figures, not one told twice:
neither leaves the other out (:func:`distinct_in_one_sentence`).
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


#: Where a figure was read: its evidence's document, sentence start and span (None when it has none).
_PLACE = ("evidence__document_id", "evidence__sentence_start", "evidence__start", "evidence__end")
Place = tuple[Any, Any, Any, Any]


def distinct_in_one_sentence(a: Place, b: Place) -> bool:
    """Whether two figures' evidence (:data:`_PLACE`) are distinct spans of one sentence of one document:
    two figures a sentence states side by side, never a restatement of each other (issue 12)."""
    return (
        a[0] is not None
        and a[0] == b[0]
        and a[1] is not None
        and a[1] == b[1]
        and (a[3] <= b[2] or b[3] <= a[2])
    )


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
    extracted copy, or two documents telling one figure, are one statement (issue 12); two figures at distinct
    spans of one sentence are not (:func:`distinct_in_one_sentence`)."""
    extracted = list(
        qs.filter(status=DataValueStatus.EXTRACTED, part_of__isnull=True)
        .annotate(year=Year("period_end"), owner=owner)
        .values_list("pk", "indicator_id", "kind", "year", "period_kind", "unit", "value", "owner", "area_id", *_PLACE)
        .order_by("pk")
    )
    if not extracted:
        return []
    confirmed = (
        qs.exclude(status=DataValueStatus.EXTRACTED)
        .filter(part_of__isnull=True, value__in={row[6] for row in extracted})
        .annotate(year=Year("period_end"), owner=owner)
        .values_list("pk", "indicator_id", "kind", "year", "period_kind", "unit", "value", "owner", "area_id", *_PLACE)
        .order_by()
    )
    counted: dict[tuple[object, ...], list[tuple[int | None, int | None, Place]]] = {}
    for _pk, *same, who, area, d, ss, st, en in confirmed:
        counted.setdefault(tuple(same), []).append((who, area, (d, ss, st, en)))
    # a sentence's figures told side by side are looked at first: a later restatement of one of them is the
    # repeat, never one of them
    sentences: dict[tuple[object, ...], int] = {}
    for _pk, *same, _who, _area, d, ss, _st, _en in extracted:
        if d is not None and ss is not None:
            sentences[(*same, d, ss)] = sentences.get((*same, d, ss), 0) + 1
    extracted.sort(key=lambda row: (sentences.get((*row[1:7], row[9], row[10]), 0) < 2, row[0]))
    repeated = []
    for pk, *same, who, area, d, ss, st, en in extracted:
        told = counted.setdefault(tuple(same), [])
        place = (d, ss, st, en)
        if any(
            not distinct_in_one_sentence(place, other_place)
            and (
                (who is None and other is None and area == other_area)
                or (who is not None and other is not None and _on_one_branch(who, other, parent))
            )
            for other, other_area, other_place in told
        ):
            repeated.append(pk)
        else:
            told.append((who, area, place))
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
    of one figure are two statements of it, never added (issue 12); but two figures at distinct spans of one
    sentence are two figures (:func:`distinct_in_one_sentence`), one statement of their sum: both count, or
    neither when another statement outranks theirs."""
    return [pk for _kept, set_aside in _ranked(qs) for pk in set_aside]


def conflict_groups(qs: QuerySet[DataValue]) -> list[tuple[list[int], list[int]]]:
    """The figures of ``qs`` told with different values that :func:`conflicting_extracted` decides between:
    per figure, the ids of the values kept and of those set aside (for a report to say which it kept)."""
    return [(kept, set_aside) for kept, set_aside in _ranked(qs) if set_aside]


def _ranked(qs: QuerySet[DataValue]) -> list[tuple[list[int], list[int]]]:
    """Per figure of ``qs``'s extracted values: the ids kept and those set aside (:func:`conflicting_extracted`)."""
    groups: dict[tuple[object, ...], dict[object, list[tuple[int, Decimal, Place]]]] = {}
    rows = (
        qs.filter(status=DataValueStatus.EXTRACTED, part_of__isnull=True)
        .values_list("pk", "value", *_PLACE, *_FIGURE_FIELDS)
        .order_by("pk")
    )
    for pk, value, d, ss, st, en, *key in rows:
        statement = (d, ss) if d is not None and ss is not None else pk  # one sentence: one statement
        groups.setdefault(tuple(key), {}).setdefault(statement, []).append((pk, value, (d, ss, st, en)))
    found: list[tuple[list[int], list[int]]] = []
    for statements in groups.values():
        ranked = []
        dropped: list[int] = []
        for members in statements.values():
            kept = [m for m in members if not _outranked(m, members)]  # two readings of one span: the larger
            dropped.extend(m[0] for m in members if m not in kept)
            ranked.append((sum(m[1] for m in kept), -members[0][0], kept))
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)  # the largest statement, else the first stored
        dropped.extend(m[0] for _value, _first, kept in ranked[1:] for m in kept)
        found.append(([m[0] for m in ranked[0][2]], dropped))
    return found


def _outranked(member: tuple[int, Decimal, Place], members: list[tuple[int, Decimal, Place]]) -> bool:
    """Whether another of one sentence's ``members`` read at an overlapping span outranks ``member``."""
    pk, value, place = member
    return any(
        (other > value or (other == value and other_pk < pk)) and not distinct_in_one_sentence(place, where)
        for other_pk, other, where in members
        if other_pk != pk
    )


#: What makes two figures one (``indicators.models.DATAVALUE_KEY_FIELDS``) and their unit.
_FIGURE_FIELDS = (*DATAVALUE_KEY_FIELDS, "unit")
