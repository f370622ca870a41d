"""How long ``pairaid`` commands take from the shell: interpreter start, imports and the verb itself.

Run: ``.venv/bin/python bench/cli_start_bench.py [--runs N]``. Prints one table; times nothing in
the test suite. Each command runs N times in a fresh process after one warm-up run (so the files
are in the page cache: "warm"); the table gives the median and the fastest wall-clock time and the
median CPU time (user + system, steadier than wall-clock on a busy machine). The goal: each
command that needs no database finishes in under a second.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

PAIRAID = str(Path(sys.executable).with_name("pairaid"))

COMMANDS = [
    ["--version"],
    ["--help"],
    ["areas", "resolve", "Kashgar"],
    ["extract", "--help"],
]


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``pairaid args``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([PAIRAID, *args], env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    env = {**os.environ, "PAIRAID_HOME": tempfile.mkdtemp(prefix="pairaid-bench-")}

    table = Table(title=f"pairaid commands, warm, {runs} runs each (load average {os.getloadavg()[0]:.1f})")
    for column in ("command", "median wall", "fastest wall", "median CPU"):
        table.add_column(column, justify="left" if column == "command" else "right")
    for args in COMMANDS:
        _run(args, env)
        times = [_run(args, env) for _ in range(runs)]
        walls, cpus = [w for w, _ in times], [c for _, c in times]
        table.add_row(
            "pairaid " + " ".join(args),
            f"{statistics.median(walls):.2f} s",
            f"{min(walls):.2f} s",
            f"{statistics.median(cpus):.2f} s",
        )
    Console().print(table)


if __name__ == "__main__":
    main()
