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
#: The sides of a figure as written: what tells apart two figures of no pairing and no area (issue 12).
_SIDES = ("donor_label", "recipient_label")


def _sides(donor: str, recipient: str) -> tuple[str, str]:
    """A figure's sides as written, compared without case and outer spaces."""
    return (donor or "").strip().casefold(), (recipient or "").strip().casefold()


def distinct_in_one_sentence(a: Place, b: Place) -> bool:
    """Whether two figures' evidence (:data:`_PLACE`) are distinct spans of one sentence of one document:
    two figures a sentence states side by side, never a restatement of each other (issue 12)."""
    return a[0] is not None and a[0] == b[0] and a[1] is not None and a[1] == b[1] and (a[3] <= b[2] or b[3] <= a[2])


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
        .values_list(
            "pk", "indicator_id", "kind", "year", "period_kind", "unit", "value", "owner", "area_id", *_PLACE, *_SIDES
        )
        .order_by("pk")
    )
    if not extracted:
        return []
    confirmed = (
        qs.exclude(status=DataValueStatus.EXTRACTED)
        .filter(part_of__isnull=True, value__in={row[6] for row in extracted})
        .annotate(year=Year("period_end"), owner=owner)
        .values_list(
            "pk", "indicator_id", "kind", "year", "period_kind", "unit", "value", "owner", "area_id", *_PLACE, *_SIDES
        )
        .order_by()
    )
    counted: dict[tuple[object, ...], list[tuple[int | None, int | None, Place, tuple[str, str]]]] = {}
    for _pk, *same, who, area, d, ss, st, en, giver, taker in confirmed:
        counted.setdefault(tuple(same), []).append((who, area, (d, ss, st, en), _sides(giver, taker)))
    # a sentence's figures told side by side are looked at first: a later restatement of one of them is the
    # repeat, never one of them
    sentences: dict[tuple[object, ...], int] = {}
    for _pk, *same, _who, _area, d, ss, _st, _en, _giver, _taker in extracted:
        if d is not None and ss is not None:
            sentences[(*same, d, ss)] = sentences.get((*same, d, ss), 0) + 1
    extracted.sort(key=lambda row: (sentences.get((*row[1:7], row[9], row[10]), 0) < 2, row[0]))
    repeated = []
    for pk, *same, who, area, d, ss, st, en, giver, taker in extracted:
        told = counted.setdefault(tuple(same), [])
        place = (d, ss, st, en)
        sides = _sides(giver, taker)
        if any(
            not distinct_in_one_sentence(place, other_place)
            and (
                # of no pairing: the same area, and (of no area either) the same sides as written
                (who is None and other is None and area == other_area and (area is not None or sides == other_sides))
                or (who is not None and other is not None and _on_one_branch(who, other, parent))
            )
            for other, other_area, other_place, other_sides in told
        ):
            repeated.append(pk)
        else:
            told.append((who, area, place, sides))
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
    """Ids of the extracted figures of ``qs`` a roll-up leaves out (the rule: :func:`_ranked`): those another
    document's account of the same figure outranks (two documents' values of one figure are two statements of
    it, never added), and those a document's stated total holds (a figure stated at two levels is counted once,
    the statement kept is shown: issue 12)."""
    return [pk for _kept, held, set_aside in _ranked(qs) for pk in (*held, *set_aside)]


def conflict_groups(qs: QuerySet[DataValue]) -> list[tuple[list[int], list[int], list[int]]]:
    """The figures of ``qs`` told more than once or held by a stated total, as :func:`conflicting_extracted`
    decides: per figure, the ids counted, those held by the kept total, and those set aside (for a report to say
    which it kept)."""
    return [group for group in _ranked(qs) if group[1] or group[2]]


def _ranked(qs: QuerySet[DataValue]) -> list[tuple[list[int], list[int], list[int]]]:
    """Per figure of ``qs``'s extracted values: the ids counted, held and set aside (:func:`conflicting_extracted`).

    The rule (issue 12). Figures state the same thing when they have the same indicator, subject (of none: the
    same sides as written), period, disaggregation, kind and unit, and neither is marked a part of the other.
    One document's figures of it at distinct sentences, or distinct spans of one sentence, are distinct figures,
    never rivals (gold-format F10: a verbatim repeat within a document keeps no fact). A sentence's figures side
    by side are added (:func:`distinct_in_one_sentence`); a document's account of the figure is its largest
    sentence's when that is not smaller than the other sentences' together (a total stated at two levels holds
    the figures beside it, counted once, as :mod:`pairaid.core.tree_sums` rule 3), else their sum.
    Two documents' accounts are rival statements: the largest is kept, else the one stored first, and the others
    are set aside, never added. Of two readings of one span, the larger. A figure of no document is an account
    of its own."""
    groups: dict[tuple[object, ...], dict[object, dict[object, list[tuple[int, Decimal, Place]]]]] = {}
    rows = (
        qs.filter(status=DataValueStatus.EXTRACTED, part_of__isnull=True)
        .values_list("pk", "value", *_PLACE, *_SIDES, *_FIGURE_FIELDS)
        .order_by("pk")
    )
    for pk, value, d, ss, st, en, giver, taker, *key in rows:
        sentence = (d, ss) if d is not None and ss is not None else pk  # one sentence's readings
        if not key[1]:  # no subject (no pairing, area, activity nor organisation): its sides as written tell it
            key.append(_sides(giver, taker))
        documents = groups.setdefault(tuple(key), {})
        documents.setdefault(d if d is not None else ("none", pk), {}).setdefault(sentence, []).append(
            (pk, value, (d, ss, st, en))
        )
    found: list[tuple[list[int], list[int], list[int]]] = []
    for documents in groups.values():
        accounts = []
        dropped: list[int] = []
        for sentences in documents.values():
            said: list[tuple[Decimal, int, list[int]]] = []  # per sentence: its distinct figures, added
            for members in sentences.values():
                top = [m for m in members if not _outranked(m, members)]  # two readings of one span: the larger
                dropped.extend(m[0] for m in members if m not in top)
                said.append((sum((m[1] for m in top), Decimal(0)), -min(m[0] for m in top), [m[0] for m in top]))
            said.sort(reverse=True)
            rest = sum((s[0] for s in said[1:]), Decimal(0))
            if said[0][0] >= rest:  # the document's stated total holds the figures of its other sentences
                counted, held, total = said[0][2], [pk for s in said[1:] for pk in s[2]], said[0][0]
            else:
                counted, held, total = [pk for s in said for pk in s[2]], [], said[0][0] + rest
            accounts.append((total, max(s[1] for s in said), counted, held))
        accounts.sort(key=lambda r: (r[0], r[1]), reverse=True)  # the largest account, else the first stored
        dropped.extend(pk for _total, _first, counted, held in accounts[1:] for pk in (*counted, *held))
        _total, _first, counted, held = accounts[0]
        found.append((sorted(counted), sorted(held), dropped))
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
