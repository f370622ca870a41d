"""Reads behind the pages: dashboard series, pairing trees, figures with change on last year, search.

Totals count confirmed figures only (accepted, corrected, entered) and come from the
roll-ups (:mod:`pairaid.indicators.rollups`), as the reports and the API count them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pairaid.activities.selectors import activity_search
from pairaid.core.change import change_percent
from pairaid.geo.selectors import area_search
from pairaid.indicators.data_cache import data_cached
from pairaid.indicators.models import Indicator, PeriodKind
from pairaid.indicators.money_rollups import rollup_by_sector
from pairaid.indicators.rollups import Rollup, rollup_read
from pairaid.indicators.selectors import confirmed_datavalue_years, indicator_find, indicator_search
from pairaid.indicators.totals import TOTAL_PERIOD_KINDS, ScopeTotal, scope_totals, summed_indicator_list
from pairaid.registry.models import Pairing
from pairaid.registry.pairing_names import pairing_matches
from pairaid.registry.selectors import pairing_index, pairing_search, pairings_by_id
from pairaid.sources.search import document_search
from pairaid.sources.selectors import document_title_search

#: How many of the statements a national total added the dashboard lists (it adds one per pairing or more).
STATEMENTS_SHOWN = 12
#: The indicators the dashboard leads with.
HEADLINE_CODES = ("aid_funds", "aid_projects", "cadres_seconded", "people_trained")


@dataclass(frozen=True)
class YearTotal:
    year: int
    value: Decimal


@dataclass(frozen=True)
class Headline:
    """One headline indicator: yearly totals (oldest first)."""

    indicator: Indicator
    series: tuple[YearTotal, ...]


@dataclass(frozen=True)
class PairingTotal:
    """A pairing's value of one indicator in one year, and in the year before (``None`` when not known)."""

    pairing: Pairing
    value: Decimal
    previous: Decimal | None

    @property
    def change_percent(self) -> Decimal | None:
        return change_percent(self.value, self.previous)


@dataclass(frozen=True)
class SectorTotal:
    sector: str
    value: Decimal
    transactions: int


@dataclass(frozen=True)
class DashboardTotals:
    """What the dashboard shows of the figures: the ``years`` with confirmed figures (latest first),
    the ``headlines``, and for ``year`` the top pairings' aid funds and the national ``totals``."""

    years: tuple[int, ...]
    year: int | None
    headlines: tuple[Headline, ...]
    by_pairing: tuple[PairingTotal, ...]
    totals: tuple[ScopeTotal, ...]


def dashboard_totals(*, year: int | None = None) -> DashboardTotals:
    """The dashboard's figures for ``year`` (the latest year with confirmed figures when None or not given);
    each total lists its first :data:`STATEMENTS_SHOWN` statements."""
    headlines = dashboard_headlines()
    years = tuple(sorted({t.year for h in headlines for t in h.series}, reverse=True))
    year = year or (years[0] if years else None)
    if year is None:
        return DashboardTotals(years, None, tuple(headlines), (), ())
    # the year's totals and the pairings' aid funds from one reading of the statements
    rollup = rollup_read(
        indicators=[i.code for i in summed_indicator_list()], years=[year - 1, year], period_kinds=TOTAL_PERIOD_KINDS
    )
    by_pairing = pairing_totals_ranked(code="aid_funds", year=year, rollup=rollup)
    totals = [t.shortened(STATEMENTS_SHOWN) for t in scope_totals(year=year, rollup=rollup)]
    return DashboardTotals(years, year, tuple(headlines), tuple(by_pairing), tuple(totals))


def dashboard_totals_cached(*, year: int | None = None) -> DashboardTotals:
    """:func:`dashboard_totals`, from the shared cache while no figure, pairing, area or activity has changed."""
    return data_cached(f"dashboard:{year or ''}", lambda: dashboard_totals(year=year))


def dashboard_headlines(*, last: int = 12) -> list[Headline]:
    """National totals of the headline indicators (in their codelist unit) for the ``last`` years
    with confirmed figures, oldest first: the roll-up's totals, as the overview counts them."""
    indicators = summed_indicator_list(codes=HEADLINE_CODES)
    years = confirmed_datavalue_years()[-last:]
    rollup = rollup_read(indicators=[i.code for i in indicators], years=years)
    by_code = {i.code: i for i in indicators}
    headlines = []
    for code in HEADLINE_CODES:
        if code not in by_code:
            continue
        item = by_code[code]
        series = []
        for year in years:
            total = rollup.national(code, year).get((item.unit, PeriodKind.YEAR))
            if total is not None:
                series.append(YearTotal(year, total.value))
        headlines.append(Headline(item, tuple(series)))
    return headlines


def pairing_totals_ranked(
    *, code: str, year: int, top_level: bool = True, limit: int = 30, rollup: Rollup | None = None
) -> list[PairingTotal]:
    """Each pairing's total of indicator ``code`` in ``year`` (yuan or its codelist unit) with last
    year's, largest first, as the roll-up counts them (a pairing's tree, each figure once).

    ``top_level`` limits it to pairings at the top of their tree (no parent). ``rollup`` reuses
    statements already read (of ``code``, ``year`` and the year before).
    """
    item = indicator_find(code=code)
    if item is None:
        return []
    rollup = rollup or rollup_read(indicators=[code], years=[year - 1, year])
    key = (item.unit, PeriodKind.YEAR)
    now = rollup.pairing_totals(code, year).get(key, {})
    before = rollup.pairing_totals(code, year - 1).get(key, {})
    parent = rollup.forest.parent
    chosen = [(pk, t.value) for pk, t in now.items() if not top_level or parent.get(pk) is None]
    top = sorted(chosen, key=lambda kv: kv[1], reverse=True)[:limit]
    pairings = pairings_by_id(ids=[pk for pk, _ in top])
    return [
        PairingTotal(pairings[pk], value, before[pk].value if pk in before else None)
        for pk, value in top
        if pk in pairings
    ]


def sector_totals(*, year: int) -> list[SectorTotal]:
    """Money moved (disbursed and spent) by activities in ``year``, by sector, largest first;
    commitments (signed contracts) are promises and are not added to it."""
    return [
        SectorTotal(r.key, r.value, r.value_count)
        for r in rollup_by_sector(year=year, language="en")
        if r.key != "unassigned"
    ]


def pairing_tree(*, pairing: Pairing) -> tuple[list[Pairing], list[tuple[Pairing, list[Pairing]]]]:
    """The ancestors of ``pairing`` (top first) and its children, each with its own children."""
    index = pairing_index()  # every pairing with its sides, read once for the page
    ancestors: list[Pairing] = []
    up = pairing.parent_id
    while up is not None and up in index and len(ancestors) < 10:
        ancestors.insert(0, index[up])
        up = index[up].parent_id
    below: dict[int, list[Pairing]] = {}
    for other in index.values():  # in level and name order
        if other.parent_id is not None:
            below.setdefault(other.parent_id, []).append(other)
    return ancestors, [(c, below.get(c.pk, [])) for c in below.get(pairing.pk, [])]


def pairing_reassignments(*, pairing: Pairing) -> tuple[list[Pairing], list[Pairing]]:
    """The pairing ``pairing`` took over from in a re-assignment (if any) and the pairings that took over
    from it (by start year), from every pairing read once for the page."""
    index = pairing_index()
    before = [index[pairing.predecessor_id]] if pairing.predecessor_id in index else []
    after = sorted((p for p in index.values() if p.predecessor_id == pairing.pk), key=lambda p: (p.start_year, p.pk))
    return before, after


def search(*, query: str, limit: int = 20) -> dict[str, list[Any]]:
    """Areas, pairings, activities and indicators whose names (English, Chinese, pinyin) contain ``query``;
    documents whose text holds its words (full-text search, :func:`document_search`), then those whose
    title, file name, donor or recipient contains it.

    Pairings are those ``query`` names as ``--pairing`` does (:func:`pairing_matches`: "Shandong-Kashgar",
    "山东 喀什", "Shandong" for all of Shandong's), else those whose name, key or organisation contains it.
    """
    q = query.strip()
    if not q:
        return {"areas": [], "pairings": [], "activities": [], "indicators": [], "texts": [], "documents": []}
    texts = document_search(query=q, limit=limit)
    return {
        "areas": area_search(text=q, limit=limit),
        "pairings": list(pairing_matches(text=q)[:limit]) or pairing_search(text=q, limit=limit),
        "activities": activity_search(text=q, limit=limit),
        "indicators": indicator_search(text=q, limit=limit),
        "texts": texts,
        "documents": document_title_search(text=q, limit=limit, leaving_out={hit.document_id for hit in texts}),
    }
