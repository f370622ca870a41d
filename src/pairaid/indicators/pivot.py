"""The analysis table: one indicator by area or pairing (rows) and year (columns).

Every cell is a roll-up total (:mod:`pairaid.indicators.rollups`, read once for all the
years): an area's cell is what is stated in it and under it, a recipient province's
holding what the pairings state in its prefectures and counties; a pairing's cell is its
tree's total. The bottom row is the national total of each year (the top pairings'
totals), which is not the column's sum when figures are stated at no area of the rows.
The total of a row adds its years (flows of one unit, so they add).

A national table reads every pairing's statements (a million data values at national
size): :func:`pivot_table_cached` keeps each table in the shared cache under the
database's count of changes to what totals are made of
(:func:`pairaid.indicators.data_cache.data_cached`), so that a table is built
again as soon as anything it is made of changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pairaid.core.errors import InputError
from pairaid.core.registry.records import FIRST_YEAR, LAST_YEAR
from pairaid.indicators.data_cache import data_cached
from pairaid.indicators.models import DataValueKind, Indicator, PeriodKind
from pairaid.indicators.rollups import rollup_read
from pairaid.registry.models import Pairing

#: What the rows can be: areas of a level, or pairings (the top ones, or every one).
ROWS = ("province", "prefecture", "county", "pairing", "pairing_all")
#: Most years one table spans.
MAX_YEARS = 30


@dataclass(frozen=True)
class PivotRow:
    """One row: ``key`` (an area code or a pairing id), its ``label``, a value per year (None: nothing stated)."""

    key: str
    label: str
    values: tuple[Decimal | None, ...]

    @property
    def total(self) -> Decimal:
        return sum((v for v in self.values if v is not None), Decimal(0))


@dataclass(frozen=True)
class PivotTable:
    """An indicator (in ``unit``) by ``rows`` and ``years``, with the national totals."""

    indicator: Indicator
    unit: str
    rows_by: str
    years: tuple[int, ...]
    rows: tuple[PivotRow, ...]
    national: tuple[Decimal | None, ...]

    @property
    def national_total(self) -> Decimal:
        return sum((v for v in self.national if v is not None), Decimal(0))


def pivot_table(
    *,
    indicator: str,
    rows: str,
    first_year: int,
    last_year: int,
    language: str = "en",
    include_extracted: bool = False,
) -> PivotTable:
    """``indicator`` by ``rows`` (one of :data:`ROWS`) and year, ``first_year`` to ``last_year``, confirmed
    figures (and extracted ones with ``include_extracted``) in the indicator's own unit, yearly periods.

    Raises:
        InputError: an unknown indicator or row kind, or years outside 1949–2100, out of order or too many.
        DataError: an indicator that is never summed (per-capita figures).
    """
    item = Indicator.objects.filter(code=indicator).first()
    if item is None:
        raise InputError(f"unknown indicator {indicator!r}")
    if rows not in ROWS:
        raise InputError(f"rows are one of {', '.join(ROWS)}, not {rows!r}")
    if not (FIRST_YEAR <= first_year <= LAST_YEAR and FIRST_YEAR <= last_year <= LAST_YEAR):
        raise InputError(f"the years must be within {FIRST_YEAR}–{LAST_YEAR}, not {first_year}–{last_year}")
    if not 0 <= last_year - first_year < MAX_YEARS:
        raise InputError(f"the years run from {first_year} to {last_year}: give at most {MAX_YEARS}, in order")
    years = tuple(range(first_year, last_year + 1))
    rollup = rollup_read(
        indicators=[item.code], years=years, include_extracted=include_extracted, kind=DataValueKind.ACTUAL
    )
    key = (item.unit, PeriodKind.YEAR)
    national = tuple(
        total.value if (total := rollup.national(item.code, year).get(key)) is not None else None for year in years
    )
    cells: dict[int, dict[int, Decimal]] = {}
    labels: dict[int, str]
    if rows.startswith("pairing"):
        forest = rollup.forest
        for year in years:
            for node, total in rollup.pairing_totals(item.code, year).get(key, {}).items():
                if rows == "pairing_all" or forest.parent.get(node) is None:
                    cells.setdefault(node, {})[year] = total.value
        sides = ("donor_area", "donor_organisation", "recipient_area", "recipient_organisation")
        found = Pairing.objects.select_related(*sides).filter(pk__in=list(cells))
        labels = {pairing.pk: pairing.display_name(language) for pairing in found}
        order = sorted(cells, key=lambda node: labels[node])
        keys = {node: str(node) for node in cells}
    else:
        tree = rollup.areas
        of_level = [pk for pk, level in tree.level.items() if level == rows]
        for year in years:
            for area_id, total in rollup.area_totals(item.code, year, of_level).get(key, {}).items():
                cells.setdefault(area_id, {})[year] = total.value
        labels = {area_id: tree.name(area_id, language) for area_id in cells}
        order = sorted(cells, key=lambda area_id: tree.code[area_id])
        keys = {area_id: tree.code[area_id] for area_id in cells}
    table_rows = tuple(
        PivotRow(keys[node], labels[node], tuple(cells[node].get(year) for year in years)) for node in order
    )
    return PivotTable(item, item.unit, rows, years, table_rows, national)


def pivot_table_cached(
    *,
    indicator: str,
    rows: str,
    first_year: int,
    last_year: int,
    language: str = "en",
    include_extracted: bool = False,
) -> PivotTable:
    """:func:`pivot_table`, from the shared cache while nothing it is made of has changed."""
    key = f"pivot:{indicator}:{rows}:{first_year}:{last_year}:{language}:{int(include_extracted)}"
    return data_cached(
        key,
        lambda: pivot_table(
            indicator=indicator,
            rows=rows,
            first_year=first_year,
            last_year=last_year,
            language=language,
            include_extracted=include_extracted,
        ),
    )
