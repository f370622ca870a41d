"""The filters a read was given: of optional lookups, those with a value.

A selector takes each filter as an optional keyword (``None`` or ``""`` for "not narrowed") and
passes them on as database lookups; :func:`given_filters` keeps those that narrow, so that the
selector states its lookups once, as data, instead of one ``if`` a filter.
"""

from __future__ import annotations

from typing import Any


def given_filters(**lookups: Any) -> dict[str, Any]:
    """``lookups`` without those left empty (``None`` or ``""``); ``0``, ``False`` and ``[]`` narrow.

    >>> given_filters(level="county", parent__code=None, name__icontains="")
    {'level': 'county'}
    """
    return {lookup: value for lookup, value in lookups.items() if value is not None and value != ""}
