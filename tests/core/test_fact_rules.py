"""Every fact names the rule that made it (issue 11): in the JSON ``pairaid extract`` writes, for every
report of the shared corpus (English and Chinese) and of the held-out sets, ``rule`` is the id of a rule
of ``data/rules`` and one of ``rules`` (every rule that made the fact: the voters of its reading, the
link rule of a part that takes its whole's indicator, the growth rule)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.core.extract import extraction_to_json, read_report
from pairaid.core.extract.rules import all_rules

HELDOUT = Path(__file__).resolve().parent / "heldout"
IDS = frozenset(r.id for r in all_rules())


def _unnamed(data: dict[str, object]) -> list[object]:
    facts = data["facts"]
    assert isinstance(facts, list)
    return [f for f in facts if f.get("rule") not in IDS or f["rule"] not in f.get("rules", ())]


def test_every_fact_of_the_held_out_reports_names_its_rule() -> None:
    reports = sorted(HELDOUT.glob("*.txt"))
    assert len(reports) >= 60
    facts = 0
    for report in reports:
        gold = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
        data = extraction_to_json(read_report(report.read_text(encoding="utf-8"), report_year=gold["report_year"]))
        assert _unnamed(data) == [], report.name
        facts += len(data["facts"])
    assert facts > 1500


@pytest.mark.parametrize(("folder", "least"), [("reports", 150), ("reports-zh", 80)])
def test_every_fact_pairaid_extract_writes_for_the_shared_corpus_names_its_rule(
    shared_dir: Path, folder: str, least: int, tmp_path: Path
) -> None:
    """``least``: most of the facts the gold holds (195 English, 92 Chinese) are read at all."""
    reports = sorted((shared_dir / "corpus" / folder).glob("*.txt"))
    result = CliRunner().invoke(app, ["extract", *map(str, reports), "--out", str(tmp_path), "--year", "2012"])
    assert result.exit_code == 0, result.output
    written = sorted(tmp_path.glob("*.json"))
    assert len(written) == len(reports) > 10
    facts = 0
    for path in written:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert _unnamed(data) == [], path.name
        facts += len(data["facts"])
    assert facts > least


def test_a_figure_of_an_earlier_year_names_the_prior_value_rule_among_its_rules() -> None:
    """Regression: the earlier year's figure had its own reading of the same indicator, so ``rules``
    listed that reading's voters and left out ``growth.prior_value``, the rule named as ``rule``."""
    text = (
        "Jiangsu aided Yili. In 2016 Jiangsu spent aid funds of 300 million yuan in Yili, "
        "against 250 million yuan spent in 2015."
    )
    facts = extraction_to_json(read_report(text, report_year=2016))["facts"]
    assert isinstance(facts, list)
    earlier = [f for f in facts if f["period"] == {"kind": "year", "year": 2015}]
    assert [(f["indicator"], f["rule"], f["rules"]) for f in earlier] == [
        ("aid_funds", "growth.prior_value", ["growth.prior_value", "funds.sent_or_spent"])
    ]
