"""Tables that a page asks about many times, read once per request.

A page reads the same small tables again and again through the selectors it calls:
the pairing forest (every pairing's parent), the area tree, the indicator codelist.
Inside :func:`read_once`, :func:`once` keeps what each loader returned under its key,
so the second asker gets it without a query; outside, every call loads afresh (the
services, the command line and the tests see the database as it is now).

The pages open the block for the reads of one request only (``GET`` and ``HEAD``:
``pairaid.web.read_once.ReadOnceMiddleware``), so nothing outlives the request and
no process holds state that another process could contradict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_MEMO: ContextVar[dict[str, Any] | None] = ContextVar("pairaid_read_once", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """Within the block, what :func:`once` loads under a key is loaded once (a block inside another
    shares the outer block's reads)."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def reading_once() -> bool:
    """Whether the caller is inside :func:`read_once` (what it reads may be kept for the rest of the block)."""
    return _MEMO.get() is not None


def held(key: str) -> Any:
    """What :func:`once` keeps under ``key`` in the current block, or None (outside a block, or not read yet)."""
    memo = _MEMO.get()
    return None if memo is None else memo.get(key)


def once(key: str, load: Callable[[], T]) -> T:
    """``load()``, or inside :func:`read_once` what it returned the first time for ``key``."""
    memo = _MEMO.get()
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    return memo[key]  # type: ignore[no-any-return]
