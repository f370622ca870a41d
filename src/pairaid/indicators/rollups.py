"""Roll-ups: totals of data values over the pairing tree and the area tree, by year.

The one place every total comes from: the dashboard, the pairing and area pages, the
reports, the overview and the API read their totals here, so they agree.

How a total is counted (:mod:`pairaid.core.tree_sums`; source: USERS.md, the national
office's "trustworthy totals"):

* **Each stored figure once.** A statement covers what is stated under it when it is
  not smaller (Shandong–Xinjiang's aid funds hold its prefecture pairings'); a smaller
  one is another group, counted beside them; the figures of activities under a stated
  total are its parts when it is not smaller than all under it (Shandong–Kashi's 38,755
  people trained hold its training centres' 6,300: issue 12), else counted beside. Every
  total lists the statements it *kept* and those it found *covered* by a kept one, so a
  report can show which statement it kept.
* **One unit, one period kind, one kind at a time**: yuan never with counts, persons
  never with person-times, flows never with cumulative totals or stocks, planned or
  target figures never with actuals. Results are keyed by ``(unit, period kind)``.
* Only totals (``disaggregation == ""``), never a figure recorded as part of another
  of the same indicator; confirmed figures unless ``include_extracted``
  (:mod:`pairaid.indicators.statements`).
* Indicators whose aggregation is ``none`` (per-capita figures) are never summed:
  asking raises :class:`~pairaid.core.errors.DataError`.
* **The channels floor** (:mod:`pairaid.indicators.channels_floor`): a pairing's all-channels aid funds stated
  below the sum of its channels stated beside it (government aid funds and social donations, which never
  overlap), or not stated at all, is incomplete: the pairing's statement of aid funds is that sum. It is
  applied to each pairing's (and each area's own) statements before any sum, so the national total, a
  pairing's tree, an area, the pairings' table, the years' chart and the map all add the same statements
  (issue 12); a total keeps the statements as stated too (:attr:`Rollup.as_stated`).
* The national total is the sum of the top pairings' totals. An area's total is what
  the pairings state in it (their figures located at the area or under it: a figure's
  own area, else its pairing's recipient area), joined with the area's own statements.
* Figures of the recipient's economy (:data:`STATED_FOR_THE_AREA`: GDP, fiscal revenue,
  retail sales…) and stocks by default are never summed from parts to a parent area: a
  county's GDP is not its province's. An area's total of them is what is stated for that
  area itself.

A :class:`Rollup` reads the statements of many indicators and years in one grouped
query and answers every total from them in Python, so the national overview stays
fast on a database of a million data values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from pairaid.core.read_once import once, reading_once
from pairaid.core.tree_sums import Statement, Total, TreeTotals, cover, forest_total, join, tree_totals
from pairaid.indicators.channels_floor import ALL_CHANNELS, DISJOINT_CHANNELS, floored_rows
from pairaid.indicators.models import DataValueKind
from pairaid.indicators.selectors import indicators_by_code
from pairaid.indicators.statements import AreaTree, PairingForest, StatementRow, statement_rows, summed_indicators
from pairaid.registry.models import Pairing

UnitKind = tuple[str, str]  # (unit, period kind)

#: Codelist groups whose figures describe the area they are stated for (the recipient's economy): never
#: summed up the area tree. Indicators whose default kind is a stock are not either.
STATED_FOR_THE_AREA = ("context",)


def summed_up_areas(indicator: str) -> bool:
    """Whether ``indicator``'s figures of areas add up to their parent area's (not the economy's context
    figures nor stocks: the codelist's group and default kind)."""
    found = indicators_by_code().get(indicator)
    return found is None or (found.group not in STATED_FOR_THE_AREA and found.default_kind != "stock")


@dataclass(frozen=True)
class RollupRow:
    """One total: ``key`` (a pairing id, an area code or a year), its ``label``, the ``unit`` and
    ``period_kind`` it is in, the ``value`` (Decimal) and how many stored figures it rests on; with
    ``total``, the statements it kept and those a kept one covers (``Statement.node``: pairing or
    area id), listed when asked for."""

    key: str
    label: str
    unit: str
    period_kind: str
    value: Decimal
    value_count: int
    total: Total[int] | None = field(default=None, repr=False, compare=False)

    @property
    def qualifier(self) -> str:
        """How exact ``value`` is: ``more_than`` when it adds a lower bound (``tree_sums.added_qualifier``)."""
        return self.total.qualifier if self.total is not None else "exact"

    @property
    def kept(self) -> tuple[Statement[int], ...]:
        return self.total.kept if self.total is not None else ()

    @property
    def covered(self) -> tuple[Statement[int], ...]:
        return self.total.covered if self.total is not None else ()


def _row(key: str, label: str, unit_kind: UnitKind, total: Total[int]) -> RollupRow:
    return RollupRow(key, label, unit_kind[0], unit_kind[1], total.value, total.value_count, total)


def _statement(r: StatementRow, node: int, label: str, *, of_area: bool = False) -> Statement[int]:
    beside = r.beside and not of_area
    return Statement(
        node, r.value, r.value_count, beside, label, of_area=of_area, qualifier=r.qualifier, channels=r.channels
    )


class Rollup:
    """Totals of the statements read once by :func:`rollup_read`, by indicator and year; with ``floor`` (the
    default), the all-channels aid funds after the channels floor (:func:`.channels_floor.floored_rows`)."""

    def __init__(self, rows: Iterable[StatementRow], forest: PairingForest, *, floor: bool = True) -> None:
        self.forest = forest
        rows = list(rows)
        self._read = rows if floor else None
        self._rows: dict[tuple[str, int], list[StatementRow]] = defaultdict(list)
        for row in floored_rows(rows) if floor else rows:
            self._rows[(row.indicator, row.year)].append(row)
        self._pairing_totals: dict[tuple[str, int], dict[UnitKind, TreeTotals[int]]] = {}

    @cached_property
    def as_stated(self) -> Rollup:
        """The same statements as stated, without the channels floor (itself when it applies none)."""
        return self if self._read is None else Rollup(self._read, self.forest, floor=False)

    @cached_property
    def areas(self) -> AreaTree:
        return AreaTree.load()

    def years(self, indicator: str) -> list[int]:
        """The years with a statement of ``indicator``, oldest first."""
        return sorted({year for code, year in self._rows if code == indicator})

    def _statements(self, indicator: str, year: int, *, pairings: bool) -> dict[UnitKind, list[Statement[int]]]:
        found: dict[UnitKind, list[Statement[int]]] = defaultdict(list)
        for r in self._rows.get((indicator, year), ()):
            if pairings and r.pairing_id is not None:
                label = self.forest.label.get(r.pairing_id, "")
                found[r.unit_kind].append(_statement(r, r.pairing_id, label))
            elif not pairings and r.pairing_id is None and r.area_id is not None:
                label = self.areas.label(r.area_id)
                found[r.unit_kind].append(_statement(r, r.area_id, label, of_area=True))
        return found

    def pairing_totals(self, indicator: str, year: int) -> dict[UnitKind, TreeTotals[int]]:
        """Per (unit, period kind): the total of every pairing with a statement in or under it."""
        key = (indicator, year)
        if key not in self._pairing_totals:
            self._pairing_totals[key] = {
                unit_kind: tree_totals(self.forest.parent, statements)
                for unit_kind, statements in self._statements(indicator, year, pairings=True).items()
            }
        return self._pairing_totals[key]

    def national(self, indicator: str, year: int) -> dict[UnitKind, Total[int]]:
        """The national total: the top pairings' totals added, per (unit, period kind)."""
        found: dict[UnitKind, Total[int]] = {}
        parent = self.forest.parent
        for unit_kind, totals in self.pairing_totals(indicator, year).items():
            joined = join([totals[node] for node in totals if parent.get(node) is None])
            if joined is not None:
                found[unit_kind] = joined
        return found

    def area_totals(
        self, indicator: str, year: int, areas: Iterable[int], *, pairings_only: bool = False
    ) -> dict[UnitKind, dict[int, Total[int]]]:
        """Per (unit, period kind): the total of each of ``areas`` (area ids) that has one; with
        ``pairings_only``, only what the pairings state (the figures the national total adds), never
        an area's own statements that no pairing states."""
        wanted = set(areas)
        tree = self.areas
        summed = summed_up_areas(indicator)
        up = tree.parent if summed else {}  # not summed: every area is a root of its own statements
        result: dict[UnitKind, dict[int, Total[int]]] = defaultdict(dict)
        own = {
            unit_kind: tree_totals(up, statements)
            for unit_kind, statements in self._statements(indicator, year, pairings=False).items()
            if not pairings_only
        }
        located: dict[UnitKind, dict[int, list[Statement[int]]]] = defaultdict(lambda: defaultdict(list))
        for r in self._rows.get((indicator, year), ()):
            if r.pairing_id is None:
                continue
            label = self.forest.label.get(r.pairing_id, "")
            s = _statement(r, r.pairing_id, label)
            where = r.area_id
            while where is not None:  # a statement counts at its area and at every area above it
                if where in wanted:
                    located[r.unit_kind][where].append(s)
                where = up.get(where)
        for unit_kind in {*own, *located}:
            for area_id in wanted:
                inner = forest_total(self.forest.parent, located[unit_kind].get(area_id, []))
                joined = cover(area_id, own.get(unit_kind, {}).get(area_id), inner)
                if joined is not None:
                    result[unit_kind][area_id] = joined
        return dict(result)


def rollup_read(
    *,
    indicators: Iterable[str],
    years: Sequence[int],
    root: Pairing | None = None,
    include_extracted: bool = False,
    kind: str = DataValueKind.ACTUAL,
    period_kind: str = "year",
    period_kinds: Sequence[str] | None = None,
    floor: bool = True,
) -> Rollup:
    """The statements of ``indicators`` in ``years``, read in one query (of ``root``'s tree only when given);
    of ``period_kind``, or of each of ``period_kinds`` when given (a year's flows and its stocks, each total
    in its own period kind: never added to each other). With ``floor`` (the default), the all-channels aid
    funds are read with their channels and floored (:func:`.channels_floor.floored_rows`); without, as
    stated (the checks).

    Raises:
        DataError: an unknown indicator, or one that is never summed.
    """
    forest = PairingForest.load()
    indicators = list(indicators)
    if floor and ALL_CHANNELS in indicators:
        indicators += [code for code in DISJOINT_CHANNELS if code not in indicators]
    held = _prefetched(years=years, root=root, include_extracted=include_extracted)
    if held is not None:
        codes = set(summed_indicators(indicators).values())  # raises for an unknown or never summed indicator
        wanted, periods = set(years), set(period_kinds or (period_kind,))
        rows = [
            r for r in held if r.kind == kind and r.period_kind in periods and r.year in wanted and r.indicator in codes
        ]
        return Rollup(rows, forest, floor=floor)
    rows = statement_rows(
        indicators=indicators,
        years=years,
        forest=forest,
        include_extracted=include_extracted,
        kind=kind,
        period_kind=period_kind,
        period_kinds=period_kinds,
        pairing_ids=forest.under(root.pk) if root is not None else None,
    )
    return Rollup(rows, forest, floor=floor)


#: Where :func:`rollup_prefetch` keeps what it read for the rest of the request: (root id, with extracted
#: figures, years) -> the statements.
_PREFETCHED = "rollup_prefetched"


def rollup_prefetch(*, years: Sequence[int], root: Pairing | None = None, include_extracted: bool = False) -> None:
    """Within a page's reads (:func:`pairaid.core.read_once.read_once`), read at once the statements of every
    summed indicator, of every kind (actual, planned, target) and period kind, in ``years`` (of ``root``'s tree
    when given), so that the page's roll-ups of those years and that tree (its totals, plan against actual,
    its assessment) are answered from them: one query instead of one per kind and period kind. Outside a
    page's reads, nothing is kept and nothing is read."""
    if not reading_once():
        return
    forest = PairingForest.load()
    every = [code for code, i in indicators_by_code().items() if i.aggregation != "none"]
    rows = statement_rows(
        indicators=every,
        years=years,
        forest=forest,
        include_extracted=include_extracted,
        kinds=list(DataValueKind.values),
        period_kinds=[],
        pairing_ids=forest.under(root.pk) if root is not None else None,
    )
    key = (root.pk if root is not None else None, include_extracted, tuple(sorted(set(years))))
    once(_PREFETCHED, dict)[key] = rows


def _prefetched(*, years: Sequence[int], root: Pairing | None, include_extracted: bool) -> list[StatementRow] | None:
    """The statements :func:`rollup_prefetch` read for ``root``'s tree in years including ``years``, if any."""
    if not reading_once():
        return None
    wanted, root_id = set(years), root.pk if root is not None else None
    for (tree, extracted, held), rows in once(_PREFETCHED, dict).items():
        if tree == root_id and extracted == include_extracted and wanted <= set(held):
            return rows  # type: ignore[no-any-return]
    return None


def rollup_stated(*, year: int, kind: str, root: Pairing | None = None) -> list[tuple[str, str]] | None:
    """(indicator code, period kind) of the confirmed totals of ``kind`` that :func:`rollup_prefetch` read for
    ``root``'s tree and ``year`` (None when it read none: ask the database)."""
    held = _prefetched(years=[year], root=root, include_extracted=False)
    if held is None:
        return None
    return sorted({(r.indicator, r.period_kind) for r in held if r.kind == kind and r.year == year})


def _depth(node: int, parent: dict[int, int | None]) -> int:
    depth = 0
    while (up := parent.get(node)) is not None and depth < 16:
        node, depth = up, depth + 1
    return depth


def rollup_by_pairing(
    *,
    indicator: str,
    year: int,
    root: Pairing | None = None,
    period_kind: str = "year",
    include_extracted: bool = False,
    kind: str = DataValueKind.ACTUAL,
    rollup: Rollup | None = None,
) -> dict[UnitKind, list[RollupRow]]:
    """Totals of ``indicator`` in ``year`` for every pairing of the tree under ``root`` (all trees when None).

    Returns, per (unit, period kind), one row per pairing with data (key: pairing id),
    the top pairings first. ``year`` is the year the period ends in; ``kind`` picks actual
    (the default), planned or target values. ``rollup`` reuses statements already read.
    """
    rollup = rollup or rollup_read(
        indicators=[indicator],
        years=[year],
        root=root,
        include_extracted=include_extracted,
        kind=kind,
        period_kind=period_kind,
    )
    parent, label = rollup.forest.parent, rollup.forest.label
    keep = rollup.forest.under(root.pk) if root is not None else None
    result: dict[UnitKind, list[RollupRow]] = {}
    for unit_kind, totals in rollup.pairing_totals(indicator, year).items():
        chosen = sorted(
            (pk for pk in totals if keep is None or pk in keep), key=lambda pk: (_depth(pk, parent), label[pk])
        )
        if chosen:
            result[unit_kind] = [_row(str(pk), label[pk], unit_kind, totals[pk]) for pk in chosen]
    return result


def rollup_by_year(
    *,
    indicator: str,
    years: Iterable[int],
    root: Pairing | None = None,
    include_extracted: bool = False,
) -> dict[str, list[RollupRow]]:
    """Annual totals of ``indicator`` for each of ``years`` that has one (key: the year), per unit.

    With ``root``, the total of that pairing's tree; else the national total. One query.
    """
    chosen = sorted(years)
    rollup = rollup_read(indicators=[indicator], years=chosen, root=root, include_extracted=include_extracted)

    def of(year: int) -> dict[UnitKind, Total[int]]:
        if root is None:
            return rollup.national(indicator, year)
        return {uk: t[root.pk] for uk, t in rollup.pairing_totals(indicator, year).items() if root.pk in t}

    series: dict[str, list[RollupRow]] = defaultdict(list)
    for year in chosen:
        for unit_kind, total in sorted(of(year).items()):
            series[unit_kind[0]].append(_row(str(year), str(year), unit_kind, total))
    return dict(series)


def rollup_by_area(
    *,
    indicator: str,
    year: int,
    level: str = "province",
    period_kind: str = "year",
    include_extracted: bool = False,
    language: str = "en",
    kind: str = DataValueKind.ACTUAL,
    rollup: Rollup | None = None,
    pairings_only: bool = True,
) -> dict[UnitKind, list[RollupRow]]:
    """Totals of ``indicator`` in ``year`` for the areas of ``level`` (province, prefecture, county)
    that have one (key: the area code; label: its name in ``language``), in code order.

    By default only the pairings' figures, as the national total adds them: a figure no pairing states (an
    area's own, read from a yearbook of the recipient) is listed apart, never added to them (issue 12; the
    overview's map, plan against promised to an area). ``pairings_only=False`` joins each area's own
    statements to the pairings' (:meth:`Rollup.area_totals`: the area's page, the analysis table, the
    recipient's economy stated for the area itself)."""
    rollup = rollup or rollup_read(
        indicators=[indicator], years=[year], include_extracted=include_extracted, kind=kind, period_kind=period_kind
    )
    tree = rollup.areas
    of_level = [pk for pk, lvl in tree.level.items() if lvl == level]
    return {
        uk: [
            _row(tree.code[a], tree.name(a, language), uk, t)
            for a, t in sorted(totals.items(), key=lambda i: tree.code[i[0]])
        ]
        for uk, totals in rollup.area_totals(indicator, year, of_level, pairings_only=pairings_only).items()
    }
