"""``pairaid demo``, ``pairaid --version`` and how a verb reports an error, through Typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid import __version__
from pairaid.cli.main import app
from pairaid.sample.loader import database_counts

runner = CliRunner()
WIDE = {"COLUMNS": "160"}


@pytest.mark.django_db
def test_demo_prints_the_tree_the_headline_figures_and_the_counts() -> None:
    result = runner.invoke(app, ["demo"], env=WIDE)

    assert result.exit_code == 0, result.output
    assert "Loaded sample shandong_xinjiang_2009" in result.output
    assert "1,574,000,000 CNY" in result.output
    assert "75,800,000 CNY" in result.output
    assert "3,220,000,000 CNY" in result.output and "+28.2% on 2008" in result.output
    for county in ("Shule County 疏勒县 653122", "Yingjisha County 英吉沙县 653123", "Yuepuhu County 岳普湖县 653128"):
        assert county in result.output
    assert "× 10 pairs" in result.output
    assert "pairings: 7 (7 new)" in result.output


@pytest.mark.django_db
def test_demo_run_twice_changes_nothing() -> None:
    first = runner.invoke(app, ["demo"], env=WIDE)
    counts = database_counts()
    second = runner.invoke(app, ["demo"], env=WIDE)

    assert first.exit_code == second.exit_code == 0, second.output
    assert "already loaded: nothing new" in second.output
    assert "pairings: 7 (0 new)" in second.output
    assert "data values: 50 (0 new)" in second.output
    assert database_counts() == counts


def test_version_prints_the_version() -> None:
    result = runner.invoke(app, ["--version"])

    assert result.exit_code == 0
    assert result.output.strip() == f"pairaid {__version__}"


@pytest.mark.django_db
def test_an_error_in_a_verb_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--file", str(tmp_path / "missing.yaml")])

    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: sample file") and lines[0].endswith("does not exist")
