"""How fast the reports are built: the national overview and one pairing's annual report (context + HTML).

Run: ``.venv/bin/python bench/report_bench.py --db sqlite:////tmp/pairaid_bench.sqlite3
--db postgres://postgres@127.0.0.1:5432/pairaid_bench`` after filling each database
with ``bench/national_data.py`` (without ``--db``, the configured database). Each
database is timed in a process of its own (Django's settings are fixed per process).

For each: the overview (``overview_context`` + ``report_html``, what ``pairaid report
--overview --year Y`` renders) and one province-level pairing's report with every
pairing under it (``report_context`` + ``report_html``), each ``--rounds`` times
(the best and the median are shown), and once the refresh of the checks' findings
that ``pairaid report`` runs first. Targets: overview < 5 s, one pairing < 2 s.
Nothing is written, except the findings of the refresh (as ``pairaid report`` does).
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

TARGETS = {"overview": 5.0, "pairing": 2.0}


def _timed(func: object, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def measure(*, year: int, pairing_id: int | None, rounds: int, refresh: bool) -> dict[str, object]:
    """Time the reports on the configured database; returns seconds per step and what was timed."""
    from pairaid.cli.setup_commands import initialise

    initialise(verbose=False)
    from django.conf import settings

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
    if refresh:
        result["refresh_overview"] = _timed(lambda: findings_refresh(year=year), 1)
        result["refresh_pairing"] = _timed(lambda: findings_refresh(pairing=pairing, year=year), 1)
    result["overview"] = _timed(lambda: report_html(context=overview_context(year=year)), rounds)
    result["pairing_report"] = _timed(lambda: report_html(context=report_context(pairing=pairing, year=year)), rounds)
    return result


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


def _cell(times: list[float], target: float | None = None) -> str:
    best, median = min(times), statistics.median(times)
    mark = "" if target is None else (" [green]ok[/green]" if median < target else " [red]over[/red]")
    return f"{best:.2f} / {median:.2f}{mark}"


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
    table = Table(title=f"Reports for {args.year}: seconds, best / median of {args.rounds}")
    for column in (
        "database",
        "data values",
        "checks refresh (all / pairing)",
        "overview (< 5 s)",
        "one pairing (< 2 s)",
    ):
        table.add_column(column)
    for r in results:
        refresh = (
            f"{r['refresh_overview'][0]:.2f} / {r['refresh_pairing'][0]:.2f}"  # type: ignore[index]
            if "refresh_overview" in r
            else "–"
        )
        table.add_row(
            str(r["database"]),
            f"{r['data_values']:,}",
            refresh,
            _cell(r["overview"], TARGETS["overview"]),  # type: ignore[arg-type]
            _cell(r["pairing_report"], TARGETS["pairing"]),  # type: ignore[arg-type]
        )
    console = Console()
    console.print(table)
    console.print(f"one pairing: {results[0]['pairing']}", highlight=False)


if __name__ == "__main__":
    main()
