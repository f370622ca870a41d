"""The shared cache: Django's database cache, with a ``set`` of two statements instead of five.

Django's ``DatabaseCache.set`` counts the table's rows, then in a transaction looks the key up and
updates or inserts it: five queries inside a page's transaction (the savepoint and its release
count), paid by every page that fills the cache (the totals of :mod:`pairaid.indicators.data_cache`).
Here a ``set`` is one insert that updates the row when the key is there (``ON CONFLICT``, SQLite
and PostgreSQL alike), and the table is kept small by deleting the expired rows at each ``set``
rather than by counting them first (what is kept for ever, ``timeout=None``, stays).
"""

from __future__ import annotations

import base64
import pickle
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils.timezone import now as tz_now


class UpsertDatabaseCache(DatabaseCache):
    """:class:`DatabaseCache` whose ``set`` is an insert-or-update and a delete of the expired rows."""

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        key = self.make_and_validate_key(key, version=version)
        seconds = self.get_backend_timeout(timeout)
        connection = connections[router.db_for_write(self.cache_model_class)]
        quote = connection.ops.quote_name
        table, cache_key, value_column, expires = (
            quote(n) for n in (self._table, "cache_key", "value", "expires")
        )
        zone = UTC if settings.USE_TZ else None
        ends = datetime.max if seconds is None else datetime.fromtimestamp(seconds, tz=zone)
        now = tz_now().replace(microsecond=0)
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({cache_key}, {value_column}, {expires}) VALUES (%s, %s, %s) "
                f"ON CONFLICT ({cache_key}) DO UPDATE SET {value_column} = excluded.{value_column}, "
                f"{expires} = excluded.{expires}",
                [key, encoded, connection.ops.adapt_datetimefield_value(ends.replace(microsecond=0))],
            )
            cursor.execute(
                f"DELETE FROM {table} WHERE {expires} < %s",
                [connection.ops.adapt_datetimefield_value(now)],
            )
