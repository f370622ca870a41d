"""``GET /api/v1/totals``: the totals of the nation, a pairing's tree or an area in a year.

The same roll-up as the dashboard, the pages and the reports
(:func:`pairaid.indicators.totals.scope_totals`): confirmed figures, each counted once,
never across units, period kinds or kinds; each total lists the statements it kept.
"""

from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Schema

from pairaid.api.auth import READ_SECURITY
from pairaid.api.fields import MAX_ID, AreaCode
from pairaid.api.reads import _ok, router
from pairaid.core.errors import InputError
from pairaid.geo.selectors import area_get
from pairaid.indicators.totals import scope_totals
from pairaid.registry.selectors import pairing_get


class TotalsFilter(Schema):
    year: int = Field(..., ge=1949, le=2100)
    pairing: int | None = Field(None, ge=1, le=MAX_ID, description="a pairing's tree (the pairing and those under it)")
    area: AreaCode | None = Field(None, description="an area and the areas under it")


class KeptOut(Schema):
    """A statement a total kept: a pairing (``pairing``: its id) or an area (``area``: its id), or the
    outputs of a pairing's activities (``activities``: true)."""

    subject: str
    id: int
    label: str
    value: Decimal
    qualifier: str = Field("exact", description="how exact the value is: exact, more_than, about…")
    activities: bool


class TotalOut(Schema):
    indicator: str
    unit: str
    period_kind: str
    value: Decimal
    qualifier: str = Field(
        ..., description="how exact the value is: more_than when a part it adds is a lower bound (more than 780 + 30)"
    )
    previous: Decimal | None
    change_percent: Decimal | None
    change_withheld: bool = Field(
        ..., description="last year's total rests on other pairings' statements, so no change is given"
    )
    figures: int
    kept: list[KeptOut]
    covered: int = Field(..., description="statements inside a kept one (not added)")


@router.get("/totals", response=_ok(list[TotalOut]), tags=["totals"], openapi_extra=READ_SECURITY)
def total_list(request: HttpRequest, filters: Query[TotalsFilter]) -> list[TotalOut]:
    """Totals of every summed indicator in ``year``: national, or of ``pairing``'s tree, or of ``area``."""
    if filters.pairing and filters.area:
        raise InputError("give pairing or area, not both")
    pairing = pairing_get(pk=filters.pairing) if filters.pairing else None
    area = area_get(code=filters.area) if filters.area else None
    return [
        TotalOut(
            indicator=t.indicator.code,
            unit=t.unit,
            period_kind=t.period_kind,
            value=t.value,
            qualifier=t.qualifier,
            previous=t.previous,
            change_percent=t.change,
            change_withheld=t.change_withheld,
            figures=t.value_count,
            kept=[
                KeptOut(
                    subject="area" if s.of_area else "pairing",
                    id=s.node,
                    label=s.label,
                    value=s.value,
                    qualifier=s.qualifier,
                    activities=s.beside,
                )
                for s in t.kept
            ],
            covered=len(t.covered),
        )
        for t in scope_totals(year=filters.year, pairing=pairing, area=area)
    ]
