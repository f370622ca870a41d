"""How fast the reports are built: the national overview and one pairing's annual report (context + HTML).

Run: ``.venv/bin/python bench/report_bench.py --db sqlite:////tmp/pairaid_bench.sqlite3
--db postgres://postgres@127.0.0.1:5432/pairaid_bench`` after filling each database
with ``bench/national_data.py`` (without ``--db``, the configured database). Each
database is timed in a process of its own (Django's settings are fixed per process).

For each: the overview (``overview_context`` + ``report_html``, what ``pairaid report
--overview --year Y`` renders) and one province-level pairing's report with every
pairing under it (``report_context`` + ``report_html``), each ``--rounds`` times
(the best and the median wall seconds of the warm rounds are shown, the median CPU seconds of this
process, and the first round's wall seconds: the shared cache is emptied first, so the first round
builds the report from the data values, as after any change to them, and the others read its figures
from the cache, as when nothing changed), the
refresh of the checks' findings of that pairing's tree (what a change to one of its
figures re-runs) and of the whole year (what ``pairaid report --overview`` runs
first when the findings are stale), and the whole command ``pairaid report --overview --year Y`` as a new
process, start-up included (wall and CPU seconds of its best round: on a machine
shared with other work, CPU seconds are what the command costs). Targets (issue 12):
overview < 0.5 s warm on PostgreSQL and < 1.5 s on SQLite, one pairing < 0.3 s, the
checks' refresh of a pairing's tree < 0.5 s, the command < 3 s. Nothing is written,
except the findings of the refreshes (as ``pairaid report`` does) and the report file
of the command (in a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

TARGETS = {"overview": {"postgresql": 0.5, "sqlite3": 1.5}, "pairing": 0.3, "refresh": 0.5, "command": 3.0}


def _timed(func: object, rounds: int, cpu: list[float] | None = None) -> list[float]:
    """Wall seconds of each of ``rounds`` calls; the CPU seconds of this process (``time.process_time``)
    of each go to ``cpu`` when given (on a shared machine the wall time includes waiting for a core)."""
    times = []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
    return times


def measure(*, year: int, pairing_id: int | None, rounds: int, refresh: bool) -> dict[str, object]:
    """Time the reports on the configured database; returns seconds per step and what was timed."""
    from pairaid.cli.setup_commands import initialise

    initialise(verbose=False)
    from django.conf import settings
    from django.core.cache import cache

    from pairaid.checks.services import findings_refresh
    from pairaid.indicators.models import DataValue
    from pairaid.registry.models import Pairing
    from pairaid.reports.selectors import overview_context, report_context
    from pairaid.reports.services import report_html

    if pairing_id is None:
        top = Pairing.objects.filter(parent__isnull=True, name__endswith=" [bench]").order_by("pk").first()
        if top is None:
            raise SystemExit("no bench pairing: fill the database with bench/national_data.py first")
        pairing_id = top.pk
    pairing = Pairing.objects.get(pk=pairing_id)
    result: dict[str, object] = {
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "data_values": DataValue.objects.count(),
        "pairing": str(pairing),
        "year": year,
    }
    cache.clear()  # the first round of each report builds it from the data values
    cpu: dict[str, list[float]] = {"refresh_pairing": [], "overview": [], "pairing_report": []}
    if refresh:
        result["refresh_overview"] = _timed(lambda: findings_refresh(year=year), 1)
        twice = _timed(lambda: findings_refresh(pairing=pairing, year=year), 2, cpu["refresh_pairing"])
        result["refresh_pairing"] = twice[1:]
        cpu["refresh_pairing"] = cpu["refresh_pairing"][1:]
    result["overview"] = _timed(lambda: report_html(context=overview_context(year=year)), rounds, cpu["overview"])
    result["pairing_report"] = _timed(
        lambda: report_html(context=report_context(pairing=pairing, year=year)), rounds, cpu["pairing_report"]
    )
    result["cpu"] = cpu
    result["command"] = _command(year=year, rounds=rounds)
    return result


def _command(*, year: int, rounds: int) -> list[list[float]]:
    """``pairaid report --overview --year Y`` run as a new process ``rounds`` times: [wall, CPU] seconds each."""
    import resource
    import tempfile

    pairaid = Path(sys.executable).with_name("pairaid")
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(rounds):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            command = [str(pairaid), "report", "--overview", "--year", str(year), "--out", f"{folder}/o.html"]
            subprocess.run(command, check=True, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            times.append([time.perf_counter() - start, cpu])
    return times


def _child(url: str | None, args: argparse.Namespace) -> dict[str, object]:
    env = dict(os.environ)
    if url:
        env["PAIRAID_DATABASE_URL"] = url
    command = [sys.executable, __file__, "--child", "--year", str(args.year), "--rounds", str(args.rounds)]
    if args.pairing:
        command += ["--pairing", str(args.pairing)]
    if args.no_refresh:
        command.append("--no-refresh")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"timing on {url or 'the configured database'} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mark(seconds: float, target: float) -> str:
    return " [green]ok[/green]" if seconds < target else " [red]over[/red]"


def _cell(times: list[float], target: float, cpu: list[float] | None = None) -> str:
    """Warm wall seconds, best / median, judged by the median; then the median CPU seconds when timed, and
    the first (cold) round's wall seconds."""
    warm = times[1:] or times
    best, median = min(warm), statistics.median(warm)
    used = f" (CPU {statistics.median(cpu[1:] or cpu):.2f})" if cpu else ""
    return f"{best:.2f} / {median:.2f}{_mark(median, target)}{used}, first {times[0]:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", help="a database URL to time (repeatable); default: the configured")
    parser.add_argument("--year", type=int, default=2020, help="report year (default 2020)")
    parser.add_argument("--pairing", type=int, help="pairing id (default: the first province-level bench pairing)")
    parser.add_argument("--rounds", type=int, default=3, help="times each report is built (default 3)")
    parser.add_argument("--no-refresh", action="store_true", help="do not time the refresh of the findings")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    if args.child:
        print(
            json.dumps(
                measure(year=args.year, pairing_id=args.pairing, rounds=args.rounds, refresh=not args.no_refresh)
            )
        )
        return
    results = [_child(url, args) for url in (args.db or [None])]
    table = Table(title=f"Reports for {args.year}: seconds, best / median of {args.rounds} (first round cold)")
    for column in (
        "database",
        "data values",
        "checks refresh: pairing tree (< 0.5 s) / whole year",
        "overview (PostgreSQL < 0.5 s, SQLite < 1.5 s)",
        "one pairing (< 0.3 s)",
        "pairaid report --overview: wall / CPU (< 3 s)",
    ):
        table.add_column(column)
    for r in results:
        database = str(r["database"])
        cpu: dict[str, list[float]] = r.get("cpu", {})  # type: ignore[assignment]
        refresh = (
            f"{r['refresh_pairing'][0]:.2f}{_mark(r['refresh_pairing'][0], TARGETS['refresh'])}"  # type: ignore[index]
            f" (CPU {cpu['refresh_pairing'][0]:.2f}) / {r['refresh_overview'][0]:.2f}"  # type: ignore[index]
            if "refresh_overview" in r
            else "–"
        )
        best_command = min(r["command"], key=lambda t: t[0])  # type: ignore[arg-type, index]
        table.add_row(
            database,
            f"{r['data_values']:,}",
            refresh,
            _cell(r["overview"], TARGETS["overview"][database], cpu.get("overview")),  # type: ignore[arg-type, index]
            _cell(r["pairing_report"], TARGETS["pairing"], cpu.get("pairing_report")),  # type: ignore[arg-type]
            f"{best_command[0]:.2f} / {best_command[1]:.2f}{_mark(best_command[1], TARGETS['command'])}",  # type: ignore[arg-type]
        )
    console = Console()
    console.print(table)
    console.print(f"one pairing: {results[0]['pairing']}", highlight=False)


if __name__ == "__main__":
    main()
