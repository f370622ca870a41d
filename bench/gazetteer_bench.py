"""How fast the area table and the gazetteer build, and how many names a second they resolve.

Run: ``.venv/bin/python bench/gazetteer_bench.py``. Prints one table; times nothing
in the test suite. The cold figure runs a fresh interpreter (imports of pypinyin,
rapidfuzz and PyYAML included), as the ``pairaid areas resolve`` command does.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

from rich.console import Console
from rich.table import Table

COLD = (
    "import time; t = time.perf_counter(); "
    "from pairaid.core.gazetteer import default_gazetteer; default_gazetteer(); "
    "print(time.perf_counter() - t)"
)

NAMES = {
    "exact (Chinese, English)": ["喀什地区", "Shule County", "伽师县", "Xinjiang Uygur Autonomous Region", "莎车县"],
    "alias": ["Kashgar", "Hotan", "Yarkand", "Inner Mongolia", "Yuepu Lake"],
    "suffix variant / pinyin": ["Kashi Prefecture", "喀什", "Hetian County", "Yingjisha", "Shandong Province"],
    "fuzzy (typos)": ["Shulu County", "Kashgr", "Yarkend", "Guangzou", "Sichaun"],
    "unknown": ["Atlantis", "London", "Paris", "Tokyo", "Narnia"],
}


def _seconds(func: Callable[[], object], repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        func()
    return (time.perf_counter() - start) / repeat


def main() -> None:
    cold = float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True).stdout)

    from pairaid.core import areas, gazetteer

    table_build = _seconds(areas.load_area_records)
    records = areas.load_area_records()
    index_build = _seconds(lambda: gazetteer.Gazetteer(records), repeat=3)
    g = gazetteer.default_gazetteer()

    table = Table(title=f"Gazetteer over {len(records):,} areas (cpca's table)")
    table.add_column("what")
    table.add_column("result", justify="right")
    table.add_row("cold start: imports + area table + gazetteer", f"{cold * 1000:,.0f} ms")
    table.add_row("area table (load_area_records, warm imports)", f"{table_build * 1000:,.0f} ms")
    table.add_row("gazetteer index (Gazetteer(records))", f"{index_build * 1000:,.0f} ms")
    for kind, names in NAMES.items():
        rounds = 200 if kind not in ("fuzzy (typos)", "unknown") else 40
        per_name = _seconds(lambda names=names: [g.resolve(n) for n in names], repeat=rounds) / len(names)
        table.add_row(f"resolve: {kind}", f"{1 / per_name:,.0f} /s")
    with_context = _seconds(lambda: g.resolve("Shulu County", context=["Shandong", "Kashi"]), repeat=40)
    table.add_row("resolve: fuzzy with two context names", f"{1 / with_context:,.0f} /s")
    Console().print(table)


if __name__ == "__main__":
    main()
