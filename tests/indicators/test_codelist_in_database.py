"""The indicator codelist lives in the database: an indicator an administrator adds is accepted by the API,
the yearly form (export and import), the checks and the annual report."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.test import Client
from openpyxl import load_workbook

from pairaid.accounts.services import token_create
from pairaid.checks.models import Finding
from pairaid.checks.selectors import checked_values_of, datavalues_to_check
from pairaid.checks.services import findings_refresh
from pairaid.core.checks import run_checks
from pairaid.indicators.models import DataValue, Indicator
from pairaid.interop.form_export import form_export
from pairaid.interop.form_import import form_import
from pairaid.reports.selectors import report_context
from tests.web.factories import World, make_figure


def _add(user: Any, code: str, **fields: str) -> Any:
    body = {"code": code, "group": "energy", "name_en": code.replace("_", " "), "name_zh": "户", "unit": "household"}
    return Client().post(
        "/api/v1/indicators",
        json.dumps({**body, **fields}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_create(username=user.username).token}"},
    )


def test_an_administrator_adds_an_indicator_and_others_may_not(world: World) -> None:
    response = _add(world.admin, "solar_households", name_zh="太阳能户用电源户数")

    assert response.status_code == 201
    stored = Indicator.objects.get(code="solar_households")
    assert (stored.group, stored.unit, stored.default_kind) == ("energy", "household", "flow")
    assert _add(world.national, "wind_households").status_code == 403
    duplicate = _add(world.admin, "solar_households")
    assert duplicate.status_code == 409 and "exists already" in duplicate.json()["error"]["message"]
    assert _add(world.admin, "Solar Households").status_code == 422
    assert not Indicator.objects.filter(code="wind_households").exists()


def test_the_api_and_the_yearly_form_accept_an_added_indicator(world: World, tmp_path: Path) -> None:
    assert _add(world.admin, "solar_households").status_code == 201
    entered = Client().post(
        "/api/v1/data-values",
        json.dumps(
            {
                "indicator": "solar_households",
                "pairing": world.kashi.pk,
                "period_start": "2009-01-01",
                "period_end": "2009-12-31",
                "value": "1200",
            }
        ),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_create(username=world.owner.username).token}"},
    )
    assert entered.status_code == 201 and entered.json()["unit"] == "household"

    path = tmp_path / "form.xlsx"
    form_export(pairing=world.kashi, year=2009, path=path)
    book = load_workbook(path)
    rows = [row for row in book["Indicators"].iter_rows(min_row=2, values_only=True) if row[0] == "solar_households"]
    assert [(r[0], r[4], r[7]) for r in rows] == [("solar_households", "household", 1200)]
    codes = [row[0] for row in book["Codelists"].iter_rows(min_row=2, max_col=1, values_only=True)]
    assert "solar_households" in codes
    sheet = book["Indicators"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "solar_households":
            row[7].value = 1300
    book.save(path)

    form_import(path=path)

    stored = DataValue.objects.get(indicator__code="solar_households", pairing=world.kashi, status="entered")
    assert stored.value == Decimal("1300")


def test_the_checks_and_the_report_know_an_added_indicator(world: World) -> None:
    for code in ("households_reached", "solar_households"):
        assert _add(world.admin, code).status_code == 201
    whole = make_figure("households_reached", "100", pairing=world.kashi)
    part = make_figure("solar_households", "150", pairing=world.kashi)
    part.part_of = whole
    part.save()

    findings_refresh(pairing=world.shandong, year=2009)

    # 150 households listed as part of 100: parts of one group, a group the database's codelist gives
    assert list(Finding.objects.values_list("rule", "values")) == [
        ("count_against_list", [["whole", "100"], ["sum of parts", "150"]])
    ]
    rows = list(datavalues_to_check(pairing=world.shandong, year=2009))
    assert run_checks(checked_values_of(rows)) == ()  # the CSV's codelist knows neither code
    context = report_context(pairing=world.kashi, year=2009, with_charts=False)
    assert {f.code for f in context.results} >= {"households_reached", "solar_households"}
