"""A large report uploaded through the page: the page answers at once, a worker reads it in the background.

Run: ``.venv/bin/python bench/upload_bench.py --db postgres://postgres@127.0.0.1:5432/pairaid_bench_upload
[--mb 30]`` on a database of its own (it is set up with ``pairaid init``; the report is stored in it).

A report of ``--mb`` megabytes is written (made-up sentences about a pairing's aid, one figure in
about every 2,500 characters). A gunicorn server and a ``pairaid worker`` are started on
the database; a national-office user signs in, uploads the file, and the time until the page
answers is measured; then the job's progress is polled each second until the worker is done.
The table gives the upload's answer time, each stage the page showed and when, and the time
the worker took.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "bench-upload-password-1"


def report_text(megabytes: float) -> str:
    """A made-up report of about ``megabytes`` MB: Shandong's aid to Kashi, year after year, one figure
    in about every 2,500 characters (a yearbook's narrative is mostly words)."""
    head = "Shandong's counterpart aid to Kashi: the yearbook of the pairing\n\n"
    parts, size, n = [head], len(head), 0
    counties = ("Shule County", "Yingjisha County", "Yuepuhu County", "Maigaiti County")
    while size < megabytes * 1_000_000:
        county = counties[n % 4]
        paragraph = (
            f"The counterpart teams of Shandong visited the villages of {county} along the river and listened "
            "to the households about water, schools, clinics and roads before the plans were written down and "
            "signed; the engineers checked the canals, the bridges and the new market halls one by one with "
            "the township officials and wrote what each still needed.\n"
        )
        if n % 5 == 0:
            paragraph = (
                f"In {1990 + n // 5 % 30} Shandong gave aid funds of {(n // 5 % 90 + 10) / 10:.1f} million yuan "
                f"to {county}.\n" + paragraph
            )
        parts.append(paragraph)
        size += len(paragraph)
        n += 1
    return "".join(parts)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    import requests
    from rich.console import Console
    from rich.table import Table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL of a database of its own")
    parser.add_argument("--mb", type=float, default=30.0, help="size of the report in MB")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="pairaid-upload-bench-"))
    env = {
        **os.environ,
        "PAIRAID_DATABASE_URL": args.db,
        "PAIRAID_HOME": str(home),
        "PAIRAID_DEBUG": "false",
        "PAIRAID_LOG_LEVEL": "ERROR",
        "PAIRAID_UPLOAD_MAX_MB": str(int(args.mb) + 10),
    }
    subprocess.run([str(BIN / "pairaid"), "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    setup = (
        "from pairaid.cli.setup_commands import initialise\n"
        "initialise(verbose=False)\n"
        "from django.contrib.auth import get_user_model\n"
        "from pairaid.accounts.services import membership_grant\n"
        "User = get_user_model()\n"
        "if not User.objects.filter(username='bench-office').exists():\n"
        f"    membership_grant(user=User.objects.create_user('bench-office', password='{PASSWORD}'),"
        " role='national_office')\n"
    )
    subprocess.run([sys.executable, "-c", setup], env=env, check=True)
    report = home / "kashi-yearbook.txt"
    report.write_text(report_text(args.mb), encoding="utf-8")
    size_mb = report.stat().st_size / 1_000_000
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}", "pairaid.config.wsgi:application"],
        env=env,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    worker = subprocess.Popen(
        [str(BIN / "pairaid"), "worker"], env=env, stdout=subprocess.DEVNULL, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        session = requests.Session()
        for _ in range(120):
            try:
                session.get(f"{base}/login/", timeout=30)
                break
            except requests.RequestException:
                time.sleep(0.5)
        session.post(
            f"{base}/login/",
            data={
                "username": "bench-office",
                "password": PASSWORD,
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            headers={"Referer": f"{base}/login/"},
        )
        started = time.perf_counter()
        with report.open("rb") as f:
            response = session.post(
                f"{base}/documents/upload/",
                data={"report_year": 2009, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
                files={"file": (report.name, f, "text/plain")},
                headers={"Referer": f"{base}/documents/upload/"},
                allow_redirects=False,
            )
        answered = time.perf_counter() - started
        job = response.headers["Location"]
        stages: list[tuple[float, str, int]] = []
        while True:
            progress = session.get(f"{base}{job}progress/", timeout=30).json()
            seen = (progress["stage"], progress["percent"])
            if not stages or stages[-1][1:] != seen:
                stages.append((time.perf_counter() - started, *seen))
            if progress["finished"]:
                break
            time.sleep(1)
        total = time.perf_counter() - started
    finally:
        for process in (server, worker):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    table = Table(title=f"upload of a {size_mb:.1f} MB report ({args.db.split('://')[0]})")
    table.add_column("seconds after the upload began", justify="right")
    table.add_column("what the job's page showed")
    table.add_row(f"{answered:.2f}", f"the upload page answered ({response.status_code} to {job})")
    for at, stage, percent in stages:
        table.add_row(f"{at:.1f}", f"{stage} ({percent}%)")
    table.add_row(f"{total:.1f}", f"{progress['status']}: {progress['error'] or 'the worker read the report'}")
    Console().print(table)


if __name__ == "__main__":
    main()
