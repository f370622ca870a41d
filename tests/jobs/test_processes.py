"""Several processes on one PostgreSQL, as a national deployment runs: two web servers (gunicorn),
one ``pairaid worker``, one database, one shared folder for files.

A national-office user signs in on server A; server B knows them (sessions are in the
database). B takes an upload and returns at once; the worker, a third process, reads it
while A shows the progress; B shows the document. A report started on A is built by the
worker and downloaded from B (files are in the shared folder). PostgreSQL only: SQLite is
one process's database.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from django.conf import settings

from tests.web.factories import PASSWORD, REPORT, make_figure, make_user, make_world

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="several processes share PostgreSQL only"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database_url() -> str:
    db = settings.DATABASES["default"]  # the test database, while the test runs
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{process.args} ended with {process.returncode}")
        try:
            requests.get(url, timeout=20)  # the first request loads the application
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.fixture
def processes(transactional_db: None, tmp_path: Path) -> Iterator[dict[str, Any]]:
    env = {
        **os.environ,
        "PAIRAID_DATABASE_URL": _database_url(),
        "PAIRAID_HOME": str(tmp_path / "home"),
        "PAIRAID_MEDIA_ROOT": str(tmp_path / "shared"),
        "PAIRAID_ENV": "development",
        "PAIRAID_DEBUG": "false",
        "PAIRAID_LOG_LEVEL": "ERROR",
    }
    ports = [_free_port(), _free_port()]
    started: list[subprocess.Popen[bytes]] = []
    try:
        for port in ports:
            command = [str(BIN / "gunicorn"), "--workers", "1", "--bind", f"127.0.0.1:{port}"]
            started.append(subprocess.Popen([*command, "pairaid.config.wsgi:application"], env=env))
        started.append(subprocess.Popen([str(BIN / "pairaid"), "worker", "--interval", "0.2"], env=env))
        for port, process in zip(ports, started, strict=False):
            _wait_for(f"http://127.0.0.1:{port}/login/", process)
        yield {"a": f"http://127.0.0.1:{ports[0]}", "b": f"http://127.0.0.1:{ports[1]}", "worker": started[-1]}
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _progress(session: requests.Session, base: str, job: str, seconds: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    seen: list[str] = []
    while time.monotonic() < deadline:
        progress = session.get(f"{base}{job}progress/", timeout=10).json()
        seen.append(progress["status"])
        if progress["finished"]:
            progress["seen"] = seen
            return progress
        time.sleep(0.2)
    raise AssertionError(f"{job} did not finish in {seconds} s: {seen[-5:]}")


def test_two_web_processes_and_a_worker_share_one_database(processes: dict[str, Any]) -> None:
    from pairaid.indicators.models import DataValue
    from pairaid.sources.models import SourceDocument

    world = make_world()
    make_user("office", "national_office")
    make_figure("aid_funds", "75800000", pairing=world.kashi)
    a, b = processes["a"], processes["b"]
    session = requests.Session()
    session.get(f"{a}/login/", timeout=10)
    signed_in = session.post(
        f"{a}/login/",
        data={"username": "office", "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": f"{a}/login/"},
        timeout=10,
    )
    assert signed_in.url == f"{a}/", signed_in.text[:500]

    page = session.get(f"{b}/documents/upload/", timeout=10)  # B knows the session A made
    assert page.status_code == 200 and "office" in page.text
    started = time.monotonic()
    response = session.post(
        f"{b}/documents/upload/",
        data={
            "report_year": 2009,
            "donor": "Shandong",
            "recipient": "Kashi",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        files={"file": ("kashi-2009.txt", REPORT.encode(), "text/plain")},
        headers={"Referer": f"{b}/documents/upload/"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:2000]
    job = response.headers["Location"]
    assert job.startswith("/jobs/") and time.monotonic() - started < 10

    progress = _progress(session, a, job)
    assert progress["status"] == "done" and progress["percent"] == 100, progress
    document = SourceDocument.objects.get(filename="kashi-2009.txt")
    assert DataValue.objects.filter(evidence__document=document, status="extracted").exists()
    assert f'href="/documents/{document.pk}/"' in session.get(f"{b}{job}", timeout=10).text
    assert "75.80 million yuan" in session.get(f"{b}/documents/{document.pk}/", timeout=10).text

    built = session.post(
        f"{a}/downloads/report/",
        data={
            "report-pairing": str(world.kashi.pk),
            "report-year": 2009,
            "report-format": "md",
            "report-language": "en",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": f"{a}/downloads/"},
        allow_redirects=False,
        timeout=30,
    )
    report_job = built.headers["Location"]
    assert _progress(session, b, report_job)["status"] == "done"
    download = session.get(f"{b}{report_job}download/", timeout=10)
    assert download.status_code == 200 and "75.8 million yuan" in download.text
    assert processes["worker"].poll() is None, "the worker runs on"
