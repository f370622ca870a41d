"""The shared corpus (English reports, Chinese pages) through extraction, scored by ../shared/tools/score_extraction.py.

The rules were fitted to this corpus: its scores are a regression guard, not an estimate.

Skips when ../shared is absent, except under CI=true (the ``shared_dir`` fixture fails then).
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from pairaid.core.extract import extraction_to_json, read_report


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", shared / "tools" / "score_extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prf(tp: int, pred: int, gold: int) -> float:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_the_corpus_scores_above_the_acceptance_line(shared_dir: Path) -> None:
    scorer = _scorer(shared_dir)
    with (shared_dir / "corpus" / "index.csv").open(encoding="utf-8") as fh:
        years = {row["file"]: int(row["report_year"]) for row in csv.DictReader(fh)}
    totals: dict[str, int] = {}
    for gold_path in sorted((shared_dir / "gold").glob("*.json")):
        report = shared_dir / "corpus" / "reports" / f"{gold_path.stem}.txt"
        text = report.read_text(encoding="utf-8")
        pred = extraction_to_json(read_report(text, report_year=years[report.name]), document=report.name)
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
        for key, value in scorer.score_file(gold, json.loads(json.dumps(pred))).items():
            totals[key] = totals.get(key, 0) + value
    mention_f1 = _prf(totals["mention_tp"], totals["pred_mentions"], totals["gold_mentions"])
    fact_f1 = _prf(totals["fact_tp"], totals["pred_facts"], totals["gold_facts"])
    assert mention_f1 >= 0.99, totals
    assert fact_f1 >= 0.97, totals
    # donor and recipient both right on the facts found (issue 10: places through the registry)
    assert totals["place_ok"] / totals["fact_tp"] >= 0.95, totals


def test_the_chinese_pages_score_above_the_acceptance_line(shared_dir: Path) -> None:
    """The Chinese pages read with the year, donor and recipient that ``pairaid extract`` finds itself."""
    from pairaid.core.extract.report_year import report_year_of

    scorer = _scorer(shared_dir)
    totals: dict[str, int] = {}
    for gold_path in sorted((shared_dir / "gold-zh").glob("*.json")):
        report = shared_dir / "corpus" / "reports-zh" / f"{gold_path.stem}.txt"
        text = report.read_text(encoding="utf-8")
        year = report_year_of(text, filename=report.name)
        assert year is not None, report.name
        pred = extraction_to_json(read_report(text, report_year=year), document=report.name)
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
        for key, value in scorer.score_file(gold, json.loads(json.dumps(pred))).items():
            totals[key] = totals.get(key, 0) + value
    assert _prf(totals["mention_tp"], totals["pred_mentions"], totals["gold_mentions"]) >= 0.95, totals
    assert _prf(totals["fact_tp"], totals["pred_facts"], totals["gold_facts"]) >= 0.85, totals
