"""Two writers at once on a SQLite file (issue 13): schemathesis with four workers against ``pairaid serve``
got a 500 "database is locked" from ``POST /api/v1/data-values/1/accept``. A transaction that reads and then
writes began as SQLite's default deferred one: when two of them had both read (each holding a shared lock),
the first to write could not commit until the other ended, and SQLite refused the other's write at once,
without waiting out its busy timeout. The settings begin every transaction IMMEDIATE (Django 5.1+
``transaction_mode``): the second writer waits for the first to commit, then goes on.

The smallest case: two connections made with the settings' SQLite options on a file of the test's own (so it
runs whichever database the suite uses), each reading a counter and then writing it plus one in a transaction
begun as ``transaction.atomic`` begins one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db.utils import DEFAULT_DB_ALIAS, ConnectionHandler


def _writer(
    handler: ConnectionHandler,
    after: threading.Event | None,
    read: threading.Event,
    other_read: threading.Event | None,
    errors: list[str],
) -> None:
    connection = handler[DEFAULT_DB_ALIAS]  # this thread's own connection
    try:
        if after is not None:
            after.wait(5)
        # as transaction.atomic() begins: BEGIN, or BEGIN <transaction_mode>
        connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT n FROM counter")
            (n,) = cursor.fetchone()
            read.set()
            if other_read is not None:
                other_read.wait(1)  # the other has read too (with IMMEDIATE it is waiting to begin: give up soon)
            cursor.execute("UPDATE counter SET n = %s", [n + 1])
        connection.commit()
    except Exception as exc:  # the error is what the test looks at
        errors.append(str(exc))
        connection.rollback()
    finally:
        read.set()
        connection.close()


def _two_writers(path: Path, options: dict[str, Any]) -> tuple[list[str], int]:
    """Two threads each read the counter, then write it plus one in the same transaction: their errors and the
    counter at the end."""
    handler = ConnectionHandler(
        {DEFAULT_DB_ALIAS: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options}}
    )
    setup = handler[DEFAULT_DB_ALIAS]
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    setup.close()
    first_read, second_read = threading.Event(), threading.Event()
    errors: list[str] = []
    threads = [
        threading.Thread(target=_writer, args=(handler, None, first_read, second_read, errors)),
        threading.Thread(target=_writer, args=(handler, first_read, second_read, None, errors)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    check = handler[DEFAULT_DB_ALIAS]
    with check.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        (n,) = cursor.fetchone()
    check.close()
    return errors, n


@pytest.fixture
def own_file(django_db_blocker: Any) -> Iterator[None]:
    """Connections to a file of the test's own, not to the test database (pytest-django blocks every connection)."""
    with django_db_blocker.unblock():
        yield


@pytest.mark.usefixtures("own_file")
def test_two_transactions_reading_then_writing_both_commit(tmp_path: Path) -> None:
    assert settings.SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert _two_writers(tmp_path / "settings.sqlite3", settings.SQLITE_OPTIONS) == ([], 2)


@pytest.mark.usefixtures("own_file")
def test_deferred_transactions_refuse_one_writer(tmp_path: Path) -> None:
    """The failure the setting prevents (SQLite's deferred default), so that the test above shows it."""
    deferred = {k: v for k, v in settings.SQLITE_OPTIONS.items() if k != "transaction_mode"}
    assert _two_writers(tmp_path / "deferred.sqlite3", deferred) == (["database is locked"], 1)
