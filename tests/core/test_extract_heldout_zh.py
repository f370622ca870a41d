"""The Chinese held-out pages of tests/core/heldout_zh (17 made-up Chinese web pages with hand-written gold)
through extraction, as a regression guard.

Written 2026-12-06 by a writer who never saw the code; first reading mention F1 0.971, fact F1 0.751;
fitted to since (mention F1 1.000, fact F1 0.890, place accuracy 0.917 on 2026-12-06), so the floors
below guard against losing what the rules read now, not estimate how well they read unseen pages.
Scored with ../shared/tools/score_extraction.py (the scorer of the shared corpus) with each page's
gold report year; skips when ../shared is absent, except under CI=true (the ``shared_dir`` fixture
fails then).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pairaid.core.extract import extraction_to_json, read_report
from tests.core.test_extract_heldout import _f1, _scorer

HELDOUT_ZH = Path(__file__).resolve().parent / "heldout_zh"


def test_every_chinese_heldout_page_has_its_gold_and_offsets_that_hold() -> None:
    golds = sorted(HELDOUT_ZH.glob("*.json"))
    assert len(golds) == 17
    for gold_path in golds:
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
        for m in gold["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], (gold_path.name, m)


def test_the_chinese_heldout_pages_score_above_their_floor(shared_dir: Path) -> None:
    scorer = _scorer(shared_dir)
    totals: dict[str, int] = {}
    for gold_path in sorted(HELDOUT_ZH.glob("*.json")):
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
        extraction = read_report(text, report_year=int(gold["report_year"]))
        pred = json.loads(json.dumps(extraction_to_json(extraction, document=gold_path.name)))
        for key, value in scorer.score_file(gold, pred).items():
            totals[key] = totals.get(key, 0) + value
    mention_f1 = _f1(totals["mention_tp"], totals["pred_mentions"], totals["gold_mentions"])
    fact_f1 = _f1(totals["fact_tp"], totals["pred_facts"], totals["gold_facts"])
    place = totals["place_ok"] / totals["fact_tp"]
    print(f"heldout_zh: mention F1 {mention_f1:.3f}, fact F1 {fact_f1:.3f}, place {place:.3f}")
    assert mention_f1 >= 0.98, totals
    assert fact_f1 >= 0.87, totals
    assert place >= 0.89, totals
