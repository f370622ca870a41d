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
    "import time; t, c = time.perf_counter(), time.process_time(); "
    "from pairaid.core.gazetteer_store import default_gazetteer; default_gazetteer(); "
    "print(time.perf_counter() - t, time.process_time() - c)"
)

NAMES = {
    "exact (Chinese, English)": ["喀什地区", "Shule County", "伽师县", "Xinjiang Uygur Autonomous Region", "莎车县"],
    "alias": ["Kashgar", "Hotan", "Yarkand", "Inner Mongolia", "Yuepu Lake"],
    "suffix variant / pinyin": ["Kashi Prefecture", "喀什", "Hetian County", "Yingjisha", "Shandong Province"],
    "fuzzy (typos)": ["Shulu County", "Kashgr", "Yarkend", "Guangzou", "Sichaun"],
    "unknown": ["Atlantis", "London", "Paris", "Tokyo", "Narnia"],
}


def _seconds(func: Callable[[], object], repeat: int = 1) -> tuple[float, float]:
    """Wall-clock and CPU seconds per call (CPU time is steadier on a busy machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        func()
    return (time.perf_counter() - start) / repeat, (time.process_time() - cpu) / repeat


def main() -> None:
    out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True).stdout
    cold = tuple(float(x) for x in out.split())

    from pairaid.core import areas, gazetteer, gazetteer_store

    table_build = _seconds(areas.load_area_records)
    records = areas.load_area_records()
    index_build = _seconds(lambda: gazetteer.Gazetteer(records), repeat=3)
    g = gazetteer_store.default_gazetteer()

    table = Table(title=f"Gazetteer over {len(records):,} areas (cpca's table)")
    table.add_column("what")
    table.add_column("wall clock", justify="right")
    table.add_column("CPU", justify="right")

    def ms(label: str, seconds: tuple[float, ...]) -> None:
        table.add_row(label, *(f"{s * 1000:,.0f} ms" for s in seconds))

    def rate(label: str, seconds: tuple[float, ...], per: int = 1) -> None:
        table.add_row(label, *(f"{per / s:,.0f} /s" for s in seconds))

    ms("cold start: imports + area table + gazetteer", cold)
    ms("area table (load_area_records, warm imports)", table_build)
    ms("gazetteer index (Gazetteer(records))", index_build)
    for kind, names in NAMES.items():
        rounds = 200 if kind not in ("fuzzy (typos)", "unknown") else 40
        rate(f"resolve: {kind}", _seconds(lambda names=names: [g.resolve(n) for n in names], repeat=rounds), len(names))
    rate(
        "resolve: fuzzy with two context names",
        _seconds(lambda: g.resolve("Shulu County", context=["Shandong", "Kashi"]), repeat=40),
    )
    Console().print(table)


if __name__ == "__main__":
    main()
