"""Fixtures shared by the whole suite.

* ``django_db_setup`` loads the area table and the indicator codelist once per
  session into the test database, so tests can refer to real areas (653122 Shule).
* ``shared_dir`` is ``../shared`` beside the repository; tests that need it skip
  with a reason when it is absent, except under ``CI=true`` where that is a failure.
* ``work_off`` runs the queued background jobs in this process, as ``pairaid worker``
  runs them (django-tasks' database worker, one task at a time), inside the test's transaction.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread


class _OneRequestAtATime(WSGIServer):
    """The live server answering one request at a time (Django's answers each in a thread of its own).

    On SQLite the tests' database is in memory, and the live server's threads share its one
    connection: two requests at once (a page and its map image) could leave both waiting on it for
    good, which hung a full run. Requests then run in the server's own thread, which holds the
    shared connection."""

    def __init__(self, *args: object, connections_override: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.connections_override = connections_override


if connection.vendor == "sqlite":
    LiveServerThread.server_class = _OneRequestAtATime

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _settings_language_after_each_test() -> Iterator[None]:
    """Each test starts in the settings' language: a page asked for in Chinese leaves Chinese active in its
    thread (Django's LocaleMiddleware activates a request's language, nothing deactivates it), and a test
    after it that words something outside a request (the audit trail's labels) read Chinese."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (corpus, gold answers, spec), or skip/fail when absent."""
    if not (SHARED / "corpus" / "reports").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing, and CI=true requires it")
        pytest.skip(f"{SHARED} is absent (the shared corpus sits beside the repository)")
    return SHARED


#: Names this run's PostgreSQL test database (``test_<name>_<run>``): scripts/test sets it to look
#: for the database afterwards; by default the process id.
RUN = os.environ.get("PAIRAID_TEST_RUN", str(os.getpid()))


def _work_off() -> int:
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


@pytest.fixture
def work_off() -> Callable[[], int]:
    """Run every queued job now (as the worker would); returns how many ran."""
    return _work_off


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """Give each test run its own PostgreSQL test database, so runs side by side do not collide."""
    from django.conf import settings

    for db in settings.DATABASES.values():
        if "postgresql" in db["ENGINE"]:
            db.setdefault("TEST", {})["NAME"] = f"test_{db['NAME']}_{RUN}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[None]:
    from pairaid.geo.services import areas_load
    from pairaid.indicators.services import indicators_sync

    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        areas_load()
        indicators_sync()
    yield
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        _end_other_sessions()


def _end_other_sessions() -> None:
    """End the other sessions on the PostgreSQL test database before pytest-django drops it: the live
    server's request threads leave connections open behind them, and a database in use cannot be
    dropped (it stayed behind, ``test_pairaid_<pid>``, after every run with a browser test)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    """A live-server or transactional test flushes every table when it ends; load the areas
    and indicators back so that the tests after it find them, as ``django_db_setup`` promised
    (after the last test there are none, and the test database is gone)."""
    yield
    if nextitem is not None and {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ())):
        from pytest_django.plugin import blocking_manager_key

        from pairaid.geo.services import areas_load
        from pairaid.indicators.services import indicators_sync

        with item.config.stash[blocking_manager_key].unblock():
            areas_load()
            indicators_sync()
