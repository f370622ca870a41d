"""Stored figures read as the roll-ups' statements: one grouped query for many indicators and years.

A statement row is the sum of the stored figures of one indicator, year, unit and
period kind for one place in the trees: a pairing's own figures, the outputs of a
pairing's activities (*beside* its figures: parts of a total stated above them when it is not
smaller than all under it, else added; :mod:`pairaid.core.tree_sums` rule 3),
or an area's figures that no pairing states. What never reaches a statement:

* disaggregated figures (parts of a total or of each other: shown, not added);
* a figure recorded as part of another figure of the same indicator (``part_of``);
* values of another kind than asked (planned or target figures never join actuals);
* rejected and, unless asked, extracted figures; with extracted figures, a place's
  confirmed figures win over its extracted ones, and an extracted figure that tells again
  a figure already counted (the same indicator, kind, year, period kind, unit and value, on
  one branch of the pairing tree: its entered copy, or another document telling it) is the
  same statement, counted once; so is an extracted figure read from the very words a confirmed
  figure of its indicator cites, in whatever unit or period it was read; and extracted figures
  that state one figure (the same indicator, subject, period, disaggregation, kind and unit) with
  different values conflict: the largest is kept, as a total stated at two levels keeps the larger
  statement, and the checks report the conflict (:mod:`pairaid.indicators.restatements`).

Each row says where it is on the area tree: the figure's own area, else its pairing's
recipient area.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from pairaid.activities.models import Activity
from pairaid.activities.selectors import of_pairings
from pairaid.core.errors import DataError
from pairaid.core.read_once import once
from pairaid.core.tree_sums import added_qualifier
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, DataValueStatus
from pairaid.indicators.restatements import Year as _Year
from pairaid.indicators.restatements import conflicting_extracted, repeated_extracted, same_quantity
from pairaid.indicators.selectors import indicators_by_code
from pairaid.registry.selectors import pairing_index


class StatementRow(NamedTuple):
    """Figures of one indicator, year, unit and period kind at one place (see the module's docstring)."""

    indicator: str
    year: int
    unit: str
    period_kind: str
    pairing_id: int | None
    area_id: int | None
    beside: bool
    value: Decimal
    value_count: int
    kind: str = DataValueKind.ACTUAL
    qualifier: str = "exact"  # the figures' qualifiers added (pairaid.core.tree_sums.added_qualifier)
    channels: bool = False  # the all-channels aid funds taken from its channels (the channels floor)

    @property
    def unit_kind(self) -> tuple[str, str]:
        return (self.unit, self.period_kind)


@dataclass(frozen=True)
class PairingForest:
    """Every pairing: its parent, its name and its recipient area (one query)."""

    parent: dict[int, int | None]
    label: dict[int, str]
    recipient_area: dict[int, int | None]

    @classmethod
    def load(cls) -> PairingForest:
        return once("pairing_forest", cls._read)

    @classmethod
    def _read(cls) -> PairingForest:
        parent: dict[int, int | None] = {}
        label: dict[int, str] = {}
        recipient: dict[int, int | None] = {}
        for pairing in pairing_index().values():
            pk = pairing.pk
            parent[pk], label[pk] = pairing.parent_id, str(pairing)  # its name, else "donor – recipient"
            organisation = pairing.recipient_organisation
            recipient[pk] = pairing.recipient_area_id or (organisation.area_id if organisation else None)
        return cls(parent, label, recipient)

    def under(self, root: int) -> set[int]:
        """``root`` and every pairing under it."""
        children: dict[int, list[int]] = {}
        for node, up in self.parent.items():
            if up is not None:
                children.setdefault(up, []).append(node)
        found, frontier = {root}, [root]
        while frontier:
            frontier = [c for node in frontier for c in children.get(node, ())]
            found.update(frontier)
        return found


@dataclass(frozen=True)
class AreaTree:
    """Every area: parent, code, level and names (one query, about 3,200 rows)."""

    parent: dict[int, int | None]
    code: dict[int, str]
    level: dict[int, str]
    name_zh: dict[int, str]
    name_en: dict[int, str]

    @classmethod
    def load(cls) -> AreaTree:
        return once("area_tree", cls._read)

    @classmethod
    def _read(cls) -> AreaTree:
        tree = cls({}, {}, {}, {}, {})
        for pk, up, code, level, zh, en, pinyin in Area.objects.values_list(
            "pk", "parent_id", "code", "level", "name_zh", "name_en", "name_pinyin"
        ):
            tree.parent[pk], tree.code[pk], tree.level[pk] = up, code, level
            tree.name_zh[pk], tree.name_en[pk] = zh, en or pinyin
        return tree

    def label(self, pk: int) -> str:
        """The area as a total's statement names it: its English name and its Chinese one (as ``str(area)``)."""
        return f"{self.name_en[pk]} ({self.name_zh[pk]})"

    def name(self, pk: int, language: str) -> str:
        return self.name_zh[pk] if language.lower().startswith("zh") else self.name_en[pk]

    def ancestor_at(self, pk: int, level: str) -> int | None:
        """The area of ``level`` that holds ``pk`` (itself when of that level), or None."""
        current: int | None = pk
        while current is not None and self.level.get(current) != level:
            current = self.parent.get(current)
        return current

    def within(self, pk: int, ancestor: int) -> bool:
        current: int | None = pk
        while current is not None:
            if current == ancestor:
                return True
            current = self.parent.get(current)
        return False


def summed_indicators(codes: Iterable[str]) -> dict[int, str]:
    """Ids and codes of ``codes``.

    Raises:
        DataError: an unknown code, or an indicator that is never summed (aggregation ``none``).
    """
    wanted = list(codes)
    found = {code: (pk, aggregation, unit) for pk, code, aggregation, unit in _indicator_rows(wanted)}
    for code in wanted:
        if code not in found:
            raise DataError(f"unknown indicator {code!r}")
        if found[code][1] == "none":
            raise DataError(f"{code} ({found[code][2]}) is not summed: its aggregation is 'none'")
    return {pk: code for code, (pk, _, _) in found.items()}


def _indicator_rows(codes: list[str]) -> list[tuple[int, str, str, str]]:
    every = indicators_by_code()
    return [(i.pk, code, i.aggregation, i.unit) for code in dict.fromkeys(codes) if (i := every.get(code)) is not None]


_GROUPS = (
    "indicator_id",
    "kind",
    "year",
    "unit",
    "period_kind",
    "owner",
    "area_id",
    "output",
    "confirmed",
    "inside",
    "qualifier",
)


def statement_rows(
    *,
    indicators: Iterable[str],
    years: Sequence[int],
    forest: PairingForest,
    include_extracted: bool = False,
    kind: str = DataValueKind.ACTUAL,
    period_kind: str = "year",
    pairing_ids: Iterable[int] | None = None,
    kinds: Sequence[str] | None = None,
    period_kinds: Sequence[str] | None = None,
) -> list[StatementRow]:
    """The statements of ``indicators`` in ``years`` (the year a period ends in), in one query.

    With ``pairing_ids``, only the figures of those pairings and of their activities. ``kinds`` (instead of
    ``kind``) reads several kinds at once, ``period_kinds`` (instead of ``period_kind``) several period kinds
    (an empty list: every period kind); each row says its kind.
    """
    ids = summed_indicators(indicators)
    if not years:
        return []
    statuses = [*CONFIRMED_STATUSES, DataValueStatus.EXTRACTED] if include_extracted else list(CONFIRMED_STATUSES)
    qs = DataValue.objects.filter(
        indicator_id__in=list(ids),
        disaggregation="",
        status__in=statuses,
        kind__in=[kind] if kinds is None else list(kinds),
        period_end__gte=datetime.date(min(years), 1, 1),
        period_end__lte=datetime.date(max(years), 12, 31),
    )
    if period_kinds is None:
        qs = qs.filter(period_kind=period_kind)
    elif period_kinds:
        qs = qs.filter(period_kind__in=list(period_kinds))
    if pairing_ids is not None:
        chosen = list(pairing_ids)
        qs = qs.filter(of_pairings(chosen))
    # the owner of an activity's output is the activity's pairing, and a figure may be inside another of
    # its indicator: both looked up only for the rows that need it (a join would hash whole tables)
    owner = Coalesce(
        "pairing_id",
        Subquery(Activity.objects.filter(pk=OuterRef("activity_id")).values("pairing_id")[:1]),
        output_field=IntegerField(),
    )
    inside = Case(
        When(part_of__isnull=True, then=Value(False)),
        # inside a figure of its indicator and period kind only: a year's figure recorded as part of a total over
        # several years (a cumulative breakdown) is that year's statement, which the years' total never holds
        default=Exists(
            DataValue.objects.filter(
                pk=OuterRef("part_of_id"), indicator_id=OuterRef("indicator_id"), period_kind=OuterRef("period_kind")
            )
        ),
        output_field=BooleanField(),
    )
    if include_extracted:
        qs = qs.exclude(
            pk__in=[*repeated_extracted(qs, owner, forest.parent), *same_quantity(qs), *conflicting_extracted(qs)]
        )
    rows = (
        qs.annotate(
            year=_Year("period_end"),
            owner=owner,
            confirmed=Case(
                When(status=DataValueStatus.EXTRACTED, then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
            output=Case(
                When(activity__isnull=False, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            inside=inside,
        )
        .values(*_GROUPS)
        .annotate(total=Sum("value"), n=Count("id"))
        .values_list(*_GROUPS, "total", "n")
        .order_by()
    )
    wanted_years = set(years)
    recipient = forest.recipient_area
    best: dict[tuple[object, ...], int] = {}
    merged: dict[tuple[object, ...], list[object]] = {}
    for indicator_id, vkind, year, unit, pkind, owner, area_id, output, confirmed, inside, qualifier, total, n in rows:
        if inside or year not in wanted_years:
            continue
        # a pairing's figure about one of its areas is a part of its work there, as an output is; but a stock
        # (what stands at a date: enterprises settled, houses built) of an activity or an area is within the
        # pairing's stock of that date, as a lower pairing's is (covered when not larger, tree_sums rule 1)
        beside = (bool(output) or (owner is not None and area_id is not None)) and pkind != "as_of"
        where = area_id if area_id is not None else recipient.get(owner) if owner is not None else None
        place = (indicator_id, vkind, year, unit, pkind, owner, where, beside)
        held = best.get(place)
        if held is None or confirmed > held:
            best[place] = confirmed
            merged[place] = [total, n, qualifier]
        elif confirmed == held:  # the same place and status class (several areas of one pairing): added
            merged[place][0] += total  # type: ignore[operator]
            merged[place][1] += n  # type: ignore[operator]
            merged[place][2] = added_qualifier((merged[place][2], qualifier))  # type: ignore[arg-type]
    return [
        StatementRow(ids[i], year, unit, pkind, owner, where, beside, total, n, vkind, q)  # type: ignore[arg-type]
        for (i, vkind, year, unit, pkind, owner, where, beside), (total, n, q) in merged.items()
    ]
