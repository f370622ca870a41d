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
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (corpus, gold answers, spec), or skip/fail when absent."""
    if not (SHARED / "corpus" / "reports").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing, and CI=true requires it")
        pytest.skip(f"{SHARED} is absent (the shared corpus sits beside the repository)")
    return SHARED


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
            db.setdefault("TEST", {})["NAME"] = f"test_{db['NAME']}_{os.getpid()}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> None:
    from pairaid.geo.services import areas_load
    from pairaid.indicators.services import indicators_sync

    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        areas_load()
        indicators_sync()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    """A live-server or transactional test flushes every table when it ends; load the areas
    and indicators back so that the tests after it find them, as ``django_db_setup`` promised."""
    yield
    # after the last test the session's database is gone already: nothing to load back
    if nextitem is not None and {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ())):
        from pytest_django.plugin import blocking_manager_key

        from pairaid.geo.services import areas_load
        from pairaid.indicators.services import indicators_sync

        with item.config.stash[blocking_manager_key].unblock():
            areas_load()
            indicators_sync()
