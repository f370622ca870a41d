"""The project's codelist copies agree with the programme's codelists in ../shared/spec."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from pairaid.core.codelists import indicators, sectors
from pairaid.indicators.models import Indicator


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.shared
@pytest.mark.parametrize("name", ["indicators.csv", "sectors.csv"])
def test_the_copy_agrees_with_the_shared_spec(shared_dir: Path, name: str) -> None:
    ours = resources.files("pairaid.core.data").joinpath(name).read_text(encoding="utf-8")
    theirs = (shared_dir / "spec" / name).read_text(encoding="utf-8")

    assert _rows(ours) == _rows(theirs)


def test_the_codelists_hold_the_codes_the_sample_uses() -> None:
    codes = {item.code for item in indicators()}
    assert {"aid_funds", "grant_funds", "gdp", "land_area", "road_length", "floor_area", "houses"} <= codes
    assert {s.code for s in sectors()} >= {"agriculture", "industry", "housing", "energy", "training", "enterprise"}


@pytest.mark.django_db
def test_the_indicator_table_matches_the_codelist() -> None:
    assert list(Indicator.objects.values_list("code", flat=True).order_by("code")) == sorted(
        i.code for i in indicators()
    )
    gdp = Indicator.objects.get(code="gdp")
    assert (gdp.unit, gdp.name_zh, gdp.aggregation) == ("CNY", "地区生产总值", "sum")
