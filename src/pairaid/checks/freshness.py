"""Whether the stored findings of a scope are fresh: what a refresh found still stands, so that
``pairaid report`` need not run the checks again before writing.

A refresh (:func:`pairaid.checks.services.findings_refresh`) notes in the shared cache, for its scope
(pairing tree or all, year or all, with extracted figures or not), the database's count of changes to
what the checks read (figures, pairings, areas, activities, the codelist, evidence and documents:
:mod:`pairaid.indicators.data_cache`) when it began, and the findings' *version*, a token drawn
anew whenever a refresh stored other findings than those it replaced. The findings of a scope are
fresh while both are unchanged: nothing they are made of was written since, and no refresh of another
scope (a pairing's tree refreshed after the whole year, or the other way round) stored different ones.
A note lives at most :data:`FRESH_SECONDS`; the cache may drop it sooner, and then the checks run.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache

from pairaid.indicators.data_cache import data_changes

#: How long a refresh's note lasts at most (a write committed after a refresh began but counted before it is
#: caught by the refresh its own commit runs, or at the latest when the note runs out).
FRESH_SECONDS = 3600
_VERSION = "findings-version:{extracted}"


def _scope_key(pairing_id: int | None, year: int | None, extracted: bool) -> str:
    return f"findings-fresh:1:{pairing_id or 'all'}:{year or 'all'}:{int(extracted)}"


def _version(extracted: bool) -> str | None:
    found: str | None = cache.get(_VERSION.format(extracted=int(extracted)))
    return found


def findings_fresh(*, pairing_id: int | None, year: int | None, include_extracted: bool = False) -> bool:
    """Whether the findings of the scope are as a refresh would store them now (see the module's docstring)."""
    note = cache.get(_scope_key(pairing_id, year, include_extracted))
    version = _version(include_extracted)
    return note is not None and version is not None and note == (data_changes(), version)


def findings_signature(rows: Iterable[tuple[Any, ...]]) -> list[tuple[str, ...]]:
    """Findings compared by what they say: rows of (rule, severity, message, values, pairing id, year), sorted."""
    return sorted(tuple(str(part) for part in row) for row in rows)


def findings_noted(
    *, pairing_id: int | None, year: int | None, include_extracted: bool, changes: int, changed: bool
) -> None:
    """Note a refresh of the scope that began at the count ``changes``; ``changed``: it stored other findings
    than it replaced (every other scope's note is then void)."""
    version = _version(include_extracted)
    if changed or version is None:
        version = uuid.uuid4().hex
        cache.set(_VERSION.format(extracted=int(include_extracted)), version, None)
    cache.set(_scope_key(pairing_id, year, include_extracted), (changes, version), FRESH_SECONDS)


def findings_changed(*, include_extracted: bool) -> None:
    """Void every scope's note: a refresh outside the scopes (the figures of no pairing) stored other findings."""
    cache.set(_VERSION.format(extracted=int(include_extracted)), uuid.uuid4().hex, None)
