"""The shared cache (``pairaid.config.cache``): a ``set`` is two statements (an insert that updates the row
when the key is there, and a delete of the expired rows), and the cache reads back what was set."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_a_set_is_two_statements_overwrites_and_removes_the_expired_rows() -> None:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        cache.set("totals", {"aid_funds": 1574000000}, 300)
    assert len(queries) == 2
    assert cache.get("totals") == {"aid_funds": 1574000000}
    with CaptureQueriesContext(connection) as queries:
        cache.set("totals", [1, 2, 3], 300)
    assert len(queries) == 2
    assert cache.get("totals") == [1, 2, 3]
    cache.set("version", 7, None)  # kept for ever
    with connection.cursor() as cursor:  # the row of "totals" expired a minute ago
        past = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=1)
        cursor.execute(
            "UPDATE pairaid_cache SET expires = %s WHERE cache_key LIKE %s",
            [connection.ops.adapt_datetimefield_value(past), "%totals"],
        )
    cache.set("other", "x", 300)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM pairaid_cache ORDER BY cache_key")
        keys = [row[0] for row in cursor.fetchall()]
    assert keys == [":1:other", ":1:version"]
    assert cache.get("totals") is None
    assert cache.get("version") == 7
    assert cache.add("version", 8) is False  # add and the rest are Django's own
    assert cache.get("version") == 7
