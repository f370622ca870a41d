"""Totals of a scope and year: the nation, a pairing's tree or an area, every summed indicator at once.

What the dashboard, the pairing and area pages, the overview and the API show as
"the totals": one :class:`ScopeTotal` per indicator, unit and period kind, with last
year's total and the change on it (:func:`pairaid.core.change.change_percent`), and the
statements the total kept (:mod:`pairaid.indicators.rollups`). A total's qualifier is its parts'
(more than 780 + 30 = more than 810). The change on last year is given only when both years' totals
rest on the same pairings (and areas): a total of other pairings' statements is another total, and
its change says nothing (``change_withheld``). The all-channels aid funds are counted after the channels floor,
in both years alike (:func:`pairaid.indicators.channels_floor.floored_rows`); the total as stated is kept beside
(:attr:`ScopeTotal.stated`). All read through one
:class:`~pairaid.indicators.rollups.Rollup`, so they agree wherever they are shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pairaid.core.change import change_percent
from pairaid.core.tree_sums import Statement, Total
from pairaid.geo.models import Area
from pairaid.indicators.channels_floor import ALL_CHANNELS
from pairaid.indicators.models import DataValueKind, Indicator
from pairaid.indicators.rollups import Rollup, rollup_read
from pairaid.indicators.selectors import indicators_by_code
from pairaid.registry.models import Pairing

#: The period kinds a scope's totals are given in: the year's flows and the stocks at its end (a standing
#: count of enterprises is never added to what a year's events counted: each is its own total).
TOTAL_PERIOD_KINDS = ("year", "as_of")


@dataclass(frozen=True)
class ScopeTotal:
    """The total of one indicator in one unit and period kind, for a scope and year."""

    indicator: Indicator
    unit: str
    period_kind: str
    value: Decimal
    previous: Decimal | None
    change: Decimal | None
    value_count: int
    total: Total[int] = field(repr=False, compare=False)
    #: last year's total exists but rests on other pairings' (or areas') statements: no change is given
    change_withheld: bool = False
    #: the all-channels total as stated (0 when none is), when the channels floor made ``value`` another
    #: (:func:`pairaid.indicators.channels_floor.floored_rows`: some pairing's channels add up to more than the
    #: all-channels total it states, or it states none); None when ``value`` is the total as stated
    stated: Decimal | None = None

    @property
    def qualifier(self) -> str:
        """How exact ``value`` is: ``more_than`` when a part it adds is a lower bound."""
        return self.total.qualifier

    @property
    def kept(self) -> tuple[Statement[int], ...]:
        """The statements the total added (listed when first asked for)."""
        return self.total.kept

    @property
    def covered(self) -> tuple[Statement[int], ...]:
        """The statements inside a kept one (not added)."""
        return self.total.covered

    @property
    def covered_count(self) -> int:
        return self.total.covered_count

    @property
    def kept_more(self) -> int:
        """How many added statements are not listed (:meth:`shortened`)."""
        return self.total.kept_count - len(self.kept)

    def shortened(self, most: int) -> ScopeTotal:
        """The same total listing at most ``most`` of its statements (a national total adds thousands)."""
        return replace(self, total=self.total.shortened(most))


def resting_on(total: Total[int]) -> frozenset[tuple[int, bool, bool, bool]]:
    """What ``total`` adds, to compare like with like (issue 12): the pairings and areas whose statements it
    keeps, each with whether it is a figure of one of the pairing's areas or activities (a county's, not the
    whole pairing's) and whether it is the sum of the channels (government funds, donations) rather than a
    total of all channels: ((id, of an area, beside, from the channels))."""
    return frozenset((s.node, s.of_area, s.beside, s.channels) for s in total.kept)


def summed_indicator_list(*, codes: Iterable[str] | None = None) -> list[Indicator]:
    """The indicators that are summed (aggregation ``sum``), in codelist group and code order."""
    wanted = None if codes is None else set(codes)
    return [
        i for code, i in indicators_by_code().items() if i.aggregation == "sum" and (wanted is None or code in wanted)
    ]


def _of_scope(rollup: Rollup, code: str, year: int, *, pairing: Pairing | None, area: Area | None) -> dict:
    if area is not None:
        return {uk: t[area.pk] for uk, t in rollup.area_totals(code, year, [area.pk]).items() if area.pk in t}
    if pairing is not None:
        return {uk: t[pairing.pk] for uk, t in rollup.pairing_totals(code, year).items() if pairing.pk in t}
    return rollup.national(code, year)


def scope_totals(
    *,
    year: int,
    pairing: Pairing | None = None,
    area: Area | None = None,
    codes: Iterable[str] | None = None,
    include_extracted: bool = False,
    kind: str = DataValueKind.ACTUAL,
    rollup: Rollup | None = None,
) -> list[ScopeTotal]:
    """Totals in ``year`` of the nation (neither ``pairing`` nor ``area``), of ``pairing``'s tree, or
    of ``area`` and the areas under it; every summed indicator (or ``codes``) that has one.
    ``rollup`` reuses statements already read (of these indicators, ``year`` and the year before).

    Raises:
        ValueError: both ``pairing`` and ``area`` are given.
    """
    if pairing is not None and area is not None:
        raise ValueError("a scope is the nation, a pairing or an area, not two of them")
    items = summed_indicator_list(codes=codes)
    rollup = rollup or rollup_read(
        indicators=[i.code for i in items],
        years=[year - 1, year],
        root=pairing,
        include_extracted=include_extracted,
        kind=kind,
        period_kinds=TOTAL_PERIOD_KINDS,
    )
    found: list[ScopeTotal] = []
    for item in items:
        now: dict[tuple[str, str], Total[int]] = _of_scope(rollup, item.code, year, pairing=pairing, area=area)
        before: dict[tuple[str, str], Total[int]] = _of_scope(rollup, item.code, year - 1, pairing=pairing, area=area)
        # the all-channels total as stated, when the channels floor raised it (channels_floor.floored_rows)
        as_stated = (
            _of_scope(rollup.as_stated, item.code, year, pairing=pairing, area=area)
            if item.code == ALL_CHANNELS
            else {}
        )
        for (unit, period_kind), total in sorted(now.items()):
            previous = before.get((unit, period_kind))
            last = previous.value if previous is not None else None
            withheld = previous is not None and resting_on(previous) != resting_on(total)
            stated = as_stated.get((unit, period_kind))
            stated_value = stated.value if stated is not None else Decimal(0)
            found.append(
                ScopeTotal(
                    item,
                    unit,
                    period_kind,
                    total.value,
                    last,
                    None if withheld else change_percent(total.value, last),
                    total.value_count,
                    total,
                    withheld,
                    stated_value if item.code == ALL_CHANNELS and stated_value != total.value else None,
                )
            )
    return found
