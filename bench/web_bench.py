"""Server time of the busiest pages under load: dashboard, a pairing page, the data-value list, the analysis table.

Run: ``.venv/bin/python bench/web_bench.py --db sqlite:////tmp/pairaid_bench.sqlite3
--db postgres://postgres@127.0.0.1:5432/pairaid_bench`` after filling each database with
``bench/national_data.py`` (or pass ``--generate 1.0`` to fill an empty one first).

For each database a server is started on 127.0.0.1 (``--workers`` pre-forked
single-threaded wsgiref processes around pairaid's WSGI application, which add a
``Server-Timing: app;dur=<ms>`` header); this process is the client: it warms the pages up, then sends
``--requests`` requests per page from ``--clients`` threads over loopback and reports
p50 and p95 of the server time (and of the time the client saw). Target: p95 < 300 ms.
Pages are fetched as an anonymous visitor (confirmed figures) and, for the figure
list, also as a signed-in administrator (every status). The analysis table answers
"aid funds by recipient province by year, 2009–2014" (and its XLSX download); before
timing, its cells are checked against the roll-up service's totals (``rollup_by_area``,
``rollup_by_year``), and its first, uncached build is timed on its own.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TARGET_MS = 300.0
PIVOT = "/analysis/?indicator=aid_funds&rows=province&from=2009&to=2014"


def _serve(port: int, workers: int) -> None:
    """The server process: pairaid's WSGI app behind ``workers`` wsgiref processes, timing each request."""
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    from pairaid.cli.setup_commands import initialise

    initialise(verbose=False)
    from django.core.wsgi import get_wsgi_application

    django_app = get_wsgi_application()

    def timed(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        started = time.perf_counter()
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = b"".join(django_app(environ, capture))
        elapsed = (time.perf_counter() - started) * 1000
        start_response(captured["status"], [*captured["headers"], ("Server-Timing", f"app;dur={elapsed:.2f}")])
        return [body]

    class Quiet(WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    # Pre-forked single-threaded workers on one listening socket, as a production WSGI
    # server runs them: no two requests of a worker share the GIL, each keeps its connection.
    server = make_server("127.0.0.1", port, timed, server_class=WSGIServer, handler_class=Quiet)
    server.request_queue_size = 128
    from django.db import connections

    connections.close_all()
    for _ in range(workers - 1):
        if os.fork() == 0:
            break
    os.write(1, b"ready\n")  # one write per worker, so that the lines never interleave
    server.serve_forever()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bench_ids(env: dict[str, str]) -> dict[str, Any]:
    """Ids and a year to ask for, read in a helper process (settings are fixed per process)."""
    code = (
        "import json\n"
        "from pairaid.cli.setup_commands import initialise\n"
        "initialise(verbose=False)\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.db.models import Count, Max\n"
        "from pairaid.accounts.services import membership_grant\n"
        "from pairaid.indicators.models import DataValue\n"
        "from pairaid.registry.models import Pairing\n"
        "p = Pairing.objects.filter(parent__isnull=True).annotate(n=Count('children')).order_by('-n', 'pk').first()\n"
        "year = DataValue.objects.aggregate(y=Max('period_start__year'))['y']\n"
        "User = get_user_model()\n"
        "if not User.objects.filter(username='bench-admin').exists():\n"
        "    u = User.objects.create_user('bench-admin', password='bench-admin-password-1')\n"
        "    membership_grant(user=u, role='administrator')\n"
        "import time\n"
        "from decimal import Decimal\n"
        "from pairaid.indicators.pivot import pivot_table\n"
        "from pairaid.indicators.rollups import rollup_by_area, rollup_by_year\n"
        "started = time.perf_counter()\n"
        "t = pivot_table(indicator='aid_funds', rows='province', first_year=2009, last_year=2014)\n"
        "built = (time.perf_counter() - started) * 1000\n"
        "cells = {(r.key, y): v for r in t.rows for y, v in zip(t.years, r.values) if v is not None}\n"
        "service = {(r.key, y): r.value for y in t.years\n"
        "           for r in rollup_by_area(indicator='aid_funds', year=y).get(('CNY', 'year'), [])}\n"
        "national = {int(r.key): r.value\n"
        "            for r in rollup_by_year(indicator='aid_funds', years=t.years).get('CNY', [])}\n"
        "agree = cells == service and list(t.national) == [national.get(y) for y in t.years]\n"
        "print(json.dumps({'pairing': p.pk if p else None, 'year': year, 'values': DataValue.objects.count(),\n"
        "                  'pivot_agrees': agree, 'pivot_cells': len(cells), 'pivot_build_ms': built}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _measure(
    db: str, *, requests_per_page: int, clients: int, workers: int, generate: float | None
) -> list[dict[str, Any]]:
    import requests

    env = {**os.environ, "PAIRAID_DATABASE_URL": db, "PAIRAID_LOG_LEVEL": "ERROR", "PAIRAID_DEBUG": "false"}
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    if generate is not None:
        subprocess.run(
            [sys.executable, str(REPO / "bench" / "national_data.py"), "--scale", str(generate)], env=env, check=True
        )
    ids = _bench_ids(env)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline().strip() for _ in range(workers)]
        if lines != ["ready"] * workers:
            raise SystemExit(f"the server did not start: {lines}")
        base = f"http://127.0.0.1:{port}"
        admin = requests.Session()
        admin.get(f"{base}/login/")
        admin.post(
            f"{base}/login/",
            data={
                "username": "bench-admin",
                "password": "bench-admin-password-1",
                "csrfmiddlewaretoken": admin.cookies["csrftoken"],
            },
            headers={"Referer": f"{base}/login/"},
        )
        anonymous = requests.Session()
        pages = {
            "dashboard": (anonymous, "/"),
            "pairing page": (anonymous, f"/pairings/{ids['pairing']}/"),
            "data-value list": (anonymous, f"/figures/?year={ids['year']}"),
            "data-value list (admin)": (admin, f"/figures/?year={ids['year']}&page=3"),
            "data values (API)": (anonymous, f"/api/v1/data-values?year={ids['year']}&page_size=100"),
            "analysis (aid funds × province × 2009–2014)": (anonymous, PIVOT),
            "analysis as XLSX": (anonymous, PIVOT + "&format=xlsx"),
        }
        rows = []
        for name, (session, path) in pages.items():
            for _ in range(3):
                session.get(base + path).raise_for_status()

            def one(_: int, session: Any = session, path: str = path) -> tuple[float, float]:
                started = time.perf_counter()
                response = session.get(base + path)
                response.raise_for_status()
                server_ms = float(response.headers["Server-Timing"].split("dur=")[1])
                return server_ms, (time.perf_counter() - started) * 1000

            with ThreadPoolExecutor(clients) as pool:
                timings = list(pool.map(one, range(requests_per_page)))
            server_ms = [s for s, _ in timings]
            client_ms = [c for _, c in timings]
            rows.append(
                {
                    "page": name,
                    "path": path,
                    "n": len(timings),
                    "server_p50": statistics.median(server_ms),
                    "server_p95": _percentile(server_ms, 0.95),
                    "client_p95": _percentile(client_ms, 0.95),
                    "values": ids["values"],
                    "pivot": ids,
                }
            )
        return rows
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and the workers it forked
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", help="database URL (repeatable); default: the configured one")
    parser.add_argument("--requests", type=int, default=100, help="requests per page")
    parser.add_argument("--clients", type=int, default=os.cpu_count() or 2, help="concurrent client threads")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="server worker processes")
    parser.add_argument("--generate", type=float, default=None, help="fill the database first at this scale")
    parser.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        _serve(args.serve, args.workers)
        return

    from rich.console import Console
    from rich.table import Table

    console = Console()
    for db in args.db or [os.environ.get("PAIRAID_DATABASE_URL", "")]:
        rows = _measure(
            db, requests_per_page=args.requests, clients=args.clients, workers=args.workers, generate=args.generate
        )
        table = Table(
            title=f"{db.split('://')[0] or 'configured'}: {rows[0]['values']:,} data values, {args.clients} clients"
        )
        for column in ("page", "requests", "server p50 ms", "server p95 ms", "client p95 ms", "p95 < 300 ms"):
            table.add_column(column, justify="left" if column == "page" else "right")
        for row in rows:
            ok = "[green]yes[/green]" if row["server_p95"] < TARGET_MS else "[red]no[/red]"
            table.add_row(
                row["page"],
                str(row["n"]),
                f"{row['server_p50']:.1f}",
                f"{row['server_p95']:.1f}",
                f"{row['client_p95']:.1f}",
                ok,
            )
        console.print(table)
        ids = rows[0]["pivot"]
        console.print(
            f"analysis table: {ids['pivot_cells']} cells, equal to the roll-up service's totals: "
            f"{'yes' if ids['pivot_agrees'] else 'NO'}; first (uncached) build {ids['pivot_build_ms']:.0f} ms"
        )


if __name__ == "__main__":
    main()
