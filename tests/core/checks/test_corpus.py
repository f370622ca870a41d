"""The checks on the shared corpus: what they must find, and what they must leave alone.

Run on the gold facts (hand-checked, ``../shared/gold``) and on what the extractor
reads from the same reports.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pairaid.core.checks import Finding, run_checks
from tests.core.checks.values import figures_from_extraction, figures_from_gold

pytestmark = pytest.mark.shared

MUST_FIND = {
    "2011_qingdao-guizhou_384924": "count_against_list",
    "2011_liaoning-qinghai_384921": "channel_exceeds_total",
}
ADD_UP = ["2012_shandong-chongqing_385071", "2011_shenzhen-guizhou_384923"]


def _gold_findings(shared: Path, name: str) -> tuple[Finding, ...]:
    data = json.loads((shared / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return run_checks(figures_from_gold(data))


def test_gold_qingdao_111_projects_against_a_list_of_113(shared_dir: Path) -> None:
    findings = _gold_findings(shared_dir, "2011_qingdao-guizhou_384924")
    (finding,) = [f for f in findings if f.rule == "count_against_list"]
    assert dict(finding.values) == {"whole": 111, "sum of parts": 113}
    assert finding.evidence[0].start == 405  # the "111" of the report


def test_gold_liaoning_parts_against_the_total(shared_dir: Path) -> None:
    findings = _gold_findings(shared_dir, "2011_liaoning-qinghai_384921")
    (finding,) = [f for f in findings if f.rule == "channel_exceeds_total"]
    assert dict(finding.values) == {"channel": 225_000_000, "aid funds": 37_300_000}


@pytest.mark.parametrize("name", ADD_UP)
def test_gold_breakdowns_that_add_up_raise_nothing(shared_dir: Path, name: str) -> None:
    assert _gold_findings(shared_dir, name) == ()


def _extracted_findings(shared: Path, name: str) -> tuple[Finding, ...]:
    extract = pytest.importorskip("pairaid.core.extract")
    if not hasattr(extract, "read_report"):
        pytest.skip("the extractor has no read_report yet")
    with (shared / "corpus" / "index.csv").open(encoding="utf-8") as rows:
        row = next(r for r in csv.DictReader(rows) if r["file"] == f"{name}.txt")
    text = (shared / "corpus" / "reports" / f"{name}.txt").read_text(encoding="utf-8")
    extraction = extract.read_report(
        text, report_year=int(row["report_year"]), donor=row["donor"], recipient=row["recipient"]
    )
    return run_checks(figures_from_extraction(extraction, document=f"{name}.txt"))


def test_extracted_qingdao_111_projects_against_a_list_of_113(shared_dir: Path) -> None:
    findings = _extracted_findings(shared_dir, "2011_qingdao-guizhou_384924")
    assert [dict(f.values) for f in findings if f.rule == "count_against_list"] == [{"whole": 111, "sum of parts": 113}]


@pytest.mark.parametrize("name", ADD_UP)
def test_extracted_breakdowns_that_add_up_raise_no_error(shared_dir: Path, name: str) -> None:
    findings = _extracted_findings(shared_dir, name)
    assert [f.message for f in findings if f.severity.value == "error"] == []


def test_extracted_liaoning_parts_against_the_total(shared_dir: Path) -> None:
    findings = _extracted_findings(shared_dir, "2011_liaoning-qinghai_384921")
    found = [dict(f.values) for f in findings if f.rule == "channel_exceeds_total"]
    assert {"channel": 225_000_000, "aid funds": 37_300_000} in found
