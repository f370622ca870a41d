"""The count of changes a cached total is kept under moves only when a write commits (issue 12): a total
read while another connection's write is open is the old one under the old count, and after the commit
the new count builds the new total at once (with a count that moved before the commit, the old total was
kept under the new count and served for the cache's five minutes)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper

from pairaid.core.read_once import read_once
from pairaid.indicators.data_cache import data_cached
from pairaid.indicators.totals import scope_totals
from tests.checks.factories import pairing, value

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's test database is in memory, one connection: a second cannot hold a write open beside it",
)


@pytest.fixture
def writer(transactional_db: None) -> Iterator[BaseDatabaseWrapper]:
    """A second connection to the test database (the first is the reader's)."""
    other = connections.create_connection("default")
    try:
        yield other
    finally:
        other.close()


def _aid(**scope: object) -> Decimal:
    with read_once():  # as a page reads: the count once
        totals = data_cached("totals", lambda: scope_totals(year=2009, **scope))  # type: ignore[arg-type]
        return next(t.value for t in totals if t.indicator.code == "aid_funds")


def test_a_total_read_while_a_write_is_open_is_built_again_when_it_commits(writer: BaseDatabaseWrapper) -> None:
    root = pairing()
    aid = value("aid_funds", "100", pairing=root)
    assert _aid() == Decimal("100")
    writer.set_autocommit(False)
    with writer.cursor() as cursor:
        cursor.execute("UPDATE indicators_datavalue SET value = 200 WHERE id = %s", [aid.pk])
    assert _aid() == Decimal("100")  # the write is open: the old total, kept under the old count
    writer.commit()
    assert _aid() == Decimal("200")  # the commit moved the count
    writer.set_autocommit(True)
