"""``pairaid assess --year Y --json`` on the built-in sample: every pairing of the year, scored, with
each criterion's points and evidence; the XLSX beside it."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.registry.selectors import pairing_list
from pairaid.sample.loader import sample_load

runner = CliRunner()


@pytest.mark.django_db
def test_every_pairing_of_2009_gets_a_score_with_criteria_and_evidence(tmp_path: Path) -> None:
    root = sample_load().root
    result = runner.invoke(app, ["assess", "--year", "2009", "--json", "--xlsx", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 0, result.output
    ranking = json.loads(result.output)

    assert {r["pairing_id"] for r in ranking} == set(pairing_list(year=2009).values_list("pk", flat=True))
    top = ranking[0]
    assert (top["pairing_id"], top["rank"]) == (root.pk, 1)
    criteria = {c["code"]: c for c in top["criteria"]}
    assert set(criteria) == {"funds_and_projects", "exchanges", "results", "plan_execution", "completeness",
                             "open_findings"}
    funds = "Aid funds provided (all channels): 1.574 billion yuan reported (no target)"  # names, not codes
    assert criteria["funds_and_projects"]["evidence"][0] == funds
    assert criteria["plan_execution"]["evidence"] == [
        "Enterprise investment: 1.5 billion yuan done of 5.1 billion yuan planned (29.4%)"
    ]
    assert criteria["plan_execution"]["points"] == 7.35
    assert criteria["completeness"]["evidence"][0] == "15 of 15 indicators filled; dataset approved, version 1"
    assert top["score"] == 82.4  # the points of weights summing to 100 (82.35, rounded half to even)
    assert sum(Decimal(str(c["points"])) for c in top["criteria"]) == Decimal("82.35")
    assert all(r["criteria"] and all(c["evidence"] for c in r["criteria"]) for r in ranking)
    assert (tmp_path / "a.xlsx").stat().st_size > 0


@pytest.mark.django_db
def test_a_year_out_of_range_is_refused() -> None:
    result = runner.invoke(app, ["assess", "--year", "1800"])
    assert result.exit_code == 2


@pytest.mark.django_db
def test_the_table_names_each_criterion_in_words_not_its_code() -> None:
    sample_load()
    result = runner.invoke(app, ["assess", "--year", "2009"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert "Plan execution (/25)" in result.output and "Aid funds and projects (/25)" in result.output
    assert "plan_execution" not in result.output and "funds_and_projects" not in result.output
