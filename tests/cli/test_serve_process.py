"""``pairaid serve`` stopped by SIGTERM (a service manager's stop) stops the worker it started (issue 13: the
worker kept running, as Python's default for SIGTERM skipped the code that stops it). Real processes on the
test database: PostgreSQL shared as it is; SQLite's in-memory test database copied to a file first."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database_url(folder: Path) -> str:
    db = settings.DATABASES["default"]
    if "postgresql" in db["ENGINE"]:
        return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    connection.ensure_connection()
    copy = folder / "serve.sqlite3"
    target = sqlite3.connect(copy)
    connection.connection.backup(target)  # the test database, areas and all, for the other processes
    target.close()
    return f"sqlite:///{copy}"


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(p) for p in found]


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _until(done: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not within {seconds} s")
        time.sleep(0.2)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the processes from /proc")
def test_sigterm_stops_serve_and_its_worker(transactional_db: None, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PAIRAID_DATABASE_URL": _database_url(tmp_path),
        "PAIRAID_HOME": str(tmp_path / "home"),
        "PAIRAID_ENV": "development",
        "PAIRAID_LOG_LEVEL": "ERROR",
    }
    port = _free_port()
    serve = subprocess.Popen([str(BIN / "pairaid"), "serve", f"127.0.0.1:{port}"], env=env)
    worker = 0
    try:

        def answers() -> bool:
            assert serve.poll() is None, f"pairaid serve ended with {serve.returncode}"
            try:
                return requests.get(f"http://127.0.0.1:{port}/login/", timeout=20).status_code == 200
            except requests.RequestException:
                return False

        _until(answers, 120, "the server answering")
        (worker,) = _children(serve.pid)
        assert _running(worker)
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=60) == 128 + signal.SIGTERM
        _until(lambda: not _running(worker), 30, "the worker stopping")
        with pytest.raises(requests.ConnectionError):
            requests.get(f"http://127.0.0.1:{port}/login/", timeout=5)
    finally:
        for pid in (serve.pid, worker):
            if pid and _running(pid):
                os.kill(pid, signal.SIGKILL)
        serve.wait(timeout=30)
