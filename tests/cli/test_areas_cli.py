"""``pairaid areas resolve``: no database, a Rich table or JSON, exit 1 when nothing matches."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pairaid.cli.main import app

runner = CliRunner()
WIDE = {"COLUMNS": "200"}


def test_it_prints_the_candidates_as_a_table() -> None:
    result = runner.invoke(app, ["areas", "resolve", "Shulu County", "--context", "Kashi"], env=WIDE)

    assert result.exit_code == 0, result.output
    assert "653122" in result.output and "疏勒县" in result.output and "Shule County" in result.output
    assert "fuzzy" in result.output
    assert "653100 喀什地区" in result.output  # the parent


def test_it_prints_json() -> None:
    result = runner.invoke(app, ["areas", "resolve", "Hotan", "--json"])

    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [c["code"] for c in found] == ["653200", "653201", "653221"]
    assert found[0]["match"] == "alias" and found[0]["parent_code"] == "650000"
    assert set(found[0]) >= {"name_zh", "name_pinyin", "name_en", "level", "score", "reason"}


def test_it_exits_1_when_nothing_matches() -> None:
    result = runner.invoke(app, ["areas", "resolve", "Atlantis"])

    assert result.exit_code == 1
    assert result.output == "error: no area matches 'Atlantis'\n"


def test_a_context_that_names_no_area_is_refused() -> None:
    result = runner.invoke(app, ["areas", "resolve", "Kashgar", "--context", "Kashi", "--context", "Atlantis"])

    assert result.exit_code == 1
    assert result.output == "error: no area matches the context 'Atlantis'\n"


def test_json_for_nothing_is_an_empty_list() -> None:
    result = runner.invoke(app, ["areas", "resolve", "Atlantis", "--json"])

    assert result.exit_code == 1
    assert json.loads(result.output) == []
