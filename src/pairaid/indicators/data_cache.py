"""Totals kept in the shared cache under the database's count of changes to what they are made of.

Reading every pairing's statements costs seconds at national size (a million data values),
and the same totals are asked for again and again (the analysis table, the dashboard's
headlines and year totals). The database counts the writes to data values, pairings, areas
and activities itself (triggers of migration indicators 0005, whatever writes the rows:
services, bulk updates, raw SQL, imports), and to what the reports read besides (0006:
transactions, the codelist, evidence, documents, events, plans, the rubric, datasets);
:func:`data_cached` keeps a result under that count, so a result is built again as soon as
anything it is made of changes. The count moves for other connections only when the change commits
(a row counted up in the writing transaction, migration 0007): a result built while a change is being
written reads the old figures and is kept under the old count, so the commit's new count builds it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

from pairaid.core.read_once import once

T = TypeVar("T")

#: Part of every key: raised when what is stored changes shape, so that no process reads another version's.
FORMAT = 14
#: How long a cached result lives at most.
CACHE_SECONDS = 300
#: The count is a row the triggers count up in the writing transaction (0005, on PostgreSQL 0007): another
#: connection sees it move only when the write commits, together with what was written.
_CHANGES = "SELECT n FROM indicators_figures_changes WHERE id = 1"


def data_changes() -> int:
    """How many writes the figures, pairings, areas and activities have had (the database's own count)."""
    with connection.cursor() as cursor:
        cursor.execute(_CHANGES)
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def data_cached(key: str, build: Callable[[], T]) -> T:
    """``build()``, from the shared cache under ``key`` while nothing totals are made of has changed.

    ``key`` names the result and everything it depends on besides the figures (its
    parameters, the language). The count is read once per page (``read_once``).
    """
    full = f"figures:{FORMAT}:{once('data_changes', data_changes)}:{key}"
    found: T | None = cache.get(full)
    if found is None:
        found = build()
        cache.set(full, found, CACHE_SECONDS)
    return found
