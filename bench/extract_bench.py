"""Report reading: pairaid's extractor against quantulum3 on the shared corpus, and pairaid on the Chinese pages.

Run: ``.venv/bin/python bench/extract_bench.py [--rounds 20] [--shared DIR]``.
Both read every ``.txt`` report of ``SHARED/corpus/reports`` (report years from
``corpus/index.csv``); their output, in the gold format, is scored with
``SHARED/tools/score_extraction.py`` against ``SHARED/gold``.  The row
``pairaid (zh)`` reads the Chinese pages of ``SHARED/corpus/reports-zh``
(``corpus/index-zh.csv``), scored against ``SHARED/gold-zh``. quantulum3 finds
quantities only, so it is mapped to mentions (its units to the gold unit codes,
anything it cannot name to ``count``) and has no facts. Throughput is characters
per second of extraction alone (the mapping to the gold format is not timed), warm (one untimed pass first), best of
``--rounds`` in process CPU time and in wall-clock time. Prints one table.
"""

from __future__ import annotations

import argparse
import csv
import gc
import importlib.util
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# quantulum3 unit names -> gold-format unit codes
_QUANTULUM_UNITS = {
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "yuan": "CNY",
    "percentage": "percent",
    "kilometre": "km",
    "metre": "m",
    "square metre": "m2",
    "cubic metre": "m3",
    "hectare": "ha",
    "tonne": "t",
    "ton": "t",
    "short ton": "t",
    "kilogram": "kg",
}


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", shared / "tools" / "score_extraction.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer in {shared / 'tools'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairaid_extract(text: str, year: int) -> Any:
    from pairaid.core.extract import read_report

    return read_report(text, report_year=year)


def _pairaid_json(extraction: Any) -> dict[str, Any]:
    from pairaid.core.extract import extraction_to_json

    return extraction_to_json(extraction)


def _quantulum_extract(text: str, year: int) -> Any:
    from quantulum3 import parser

    return parser.parse(text)


def _quantulum_json(quantities: Any) -> dict[str, Any]:
    mentions = []
    for q in quantities:
        unit = _QUANTULUM_UNITS.get(q.unit.name, "count" if q.unit.name == "dimensionless" else q.unit.name)
        start, end = q.span
        mentions.append({"text": q.surface, "value": repr(q.value), "unit": unit, "start": start, "end": end})
    return {"mentions": mentions, "facts": []}


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _run(
    name: str,
    extract: Callable[[str, int], Any],
    to_json: Callable[[Any], dict[str, Any]],
    docs: list[tuple[str, str, int]],
    shared: Path,
    rounds: int,
    gold_dir: str = "gold",
) -> list[str]:
    scorer = _scorer(shared)
    import json

    totals: dict[str, int] = {}
    outputs = {stem: to_json(extract(text, year)) for stem, text, year in docs}  # the warm-up pass, scored
    for stem, _, _ in docs:
        gold = json.loads((shared / gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
        pred = json.loads(json.dumps(outputs[stem]))
        for key, value in scorer.score_file(gold, pred).items():
            totals[key] = totals.get(key, 0) + value
    del outputs
    gc.collect()  # the scored outputs are gone: the timed rounds do not pay for collecting them
    chars = sum(len(text) for _, text, _ in docs)
    best_cpu = best_wall = float("inf")
    for _ in range(rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        for _, text, year in docs:
            extract(text, year)  # extraction only: no mapping to the gold format
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    mp, mr, mf = _prf(totals["mention_tp"], totals["pred_mentions"], totals["gold_mentions"])
    fp, fr, ff = _prf(totals["fact_tp"], totals["pred_facts"], totals["gold_facts"])
    return [
        name,
        f"{mp:.3f}",
        f"{mr:.3f}",
        f"{mf:.3f}",
        f"{fp:.3f}",
        f"{fr:.3f}",
        f"{ff:.3f}",
        f"{chars / best_cpu:,.0f}",
        f"{chars / best_wall:,.0f}",
    ]


def _documents(shared: Path, folder: str, index: str) -> list[tuple[str, str, int]]:
    """``(stem, text, report year)`` of each ``.txt`` report of ``SHARED/corpus/FOLDER`` (none when absent)."""
    if not (shared / "corpus" / index).is_file():
        return []
    with (shared / "corpus" / index).open(encoding="utf-8") as fh:
        years = {row["file"]: int(row["report_year"]) for row in csv.DictReader(fh)}
    paths = sorted((shared / "corpus" / folder).glob("*.txt"))
    return [(p.stem, p.read_text(encoding="utf-8"), years[p.name]) for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over the corpus, best counts (default 20)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared directory (corpus, gold, tools)")
    parser.add_argument("--skip-quantulum", action="store_true", help="time pairaid only")
    args = parser.parse_args()
    docs = _documents(args.shared, "reports", "index.csv")
    chinese = _documents(args.shared, "reports-zh", "index-zh.csv")
    table = Table(
        title=f"report reading on {len(docs)} reports, {sum(len(t) for _, t, _ in docs):,} characters;"
        f" {len(chinese)} Chinese pages, {sum(len(t) for _, t, _ in chinese):,} characters"
    )
    for column in (
        "extractor",
        "mention P",
        "mention R",
        "mention F1",
        "fact P",
        "fact R",
        "fact F1",
        "chars/s (CPU)",
        "chars/s (wall)",
    ):
        table.add_column(column, justify="left" if column == "extractor" else "right")
    table.add_row(*_run("pairaid", _pairaid_extract, _pairaid_json, docs, args.shared, args.rounds))
    if chinese:
        row = _run("pairaid (zh)", _pairaid_extract, _pairaid_json, chinese, args.shared, args.rounds, "gold-zh")
        table.add_row(*row)
    if not args.skip_quantulum:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table.add_row(
                *_run("quantulum3", _quantulum_extract, _quantulum_json, docs, args.shared, max(1, args.rounds // 10))
            )
    Console(width=160).print(table)


if __name__ == "__main__":
    main()
