"""The Chinese held-out pages of tests/core/heldout_zh (made-up Chinese web pages with hand-written gold)
through extraction, as a regression guard, each set with its own floors.

``*_blindNN``: 17 pages written 2026-12-06 by a writer who never saw the code (``/work/blind/zh-final``,
addresses in ``index.csv``); first reading mention F1 0.971, fact F1 0.751; fitted to since (mention F1
1.000, fact F1 0.890, place accuracy 0.917 on 2026-12-06).  ``*_zh3``: 18 pages written 2026-12-07 by
another writer who never saw the code (``/work/blind/zh3``, shapes and noise in ``index_zh3.csv``, gold
copied as written with ``document`` renamed); first reading on bb8d807 mention F1 0.955, fact F1 0.780,
place 0.926; fitted to since.  The floors guard against losing what the rules read now, not estimate
how well they read unseen pages.
Scored with ../shared/tools/score_extraction.py (the scorer of the shared corpus) with each page's
gold report year; skips when ../shared is absent, except under CI=true (the ``shared_dir`` fixture
fails then).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pairaid.core.extract import extraction_to_json, read_report
from tests.core.test_extract_heldout import _f1, _scorer

HELDOUT_ZH = Path(__file__).resolve().parent / "heldout_zh"


# each set: its files' suffix, how many pages, floors of mention F1, fact F1 and place accuracy
SETS = {"blind": ("_blind", 17, 0.98, 0.95, 0.98), "zh3": ("_zh3", 18, 0.99, 0.98, 0.98)}


def test_every_chinese_heldout_page_has_its_gold_and_offsets_that_hold() -> None:
    golds = sorted(HELDOUT_ZH.glob("*.json"))
    assert len(golds) == sum(count for _, count, *_ in SETS.values())
    for gold_path in golds:
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
        for m in gold["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], (gold_path.name, m)


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_chinese_heldout_pages_score_above_their_floor(shared_dir: Path, name: str) -> None:
    suffix, count, mention_floor, fact_floor, place_floor = SETS[name]
    golds = sorted(HELDOUT_ZH.glob(f"*{suffix}*.json"))
    assert len(golds) == count
    scorer = _scorer(shared_dir)
    totals: dict[str, int] = {}
    for gold_path in golds:
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
        extraction = read_report(text, report_year=int(gold["report_year"]))
        pred = json.loads(json.dumps(extraction_to_json(extraction, document=gold_path.name)))
        for key, value in scorer.score_file(gold, pred).items():
            totals[key] = totals.get(key, 0) + value
    mention_f1 = _f1(totals["mention_tp"], totals["pred_mentions"], totals["gold_mentions"])
    fact_f1 = _f1(totals["fact_tp"], totals["pred_facts"], totals["gold_facts"])
    place = totals["place_ok"] / totals["fact_tp"]
    print(f"heldout_zh {name}: mention F1 {mention_f1:.3f}, fact F1 {fact_f1:.3f}, place {place:.3f}")
    assert mention_f1 >= mention_floor, totals
    assert fact_f1 >= fact_floor, totals
    assert place >= place_floor, totals
