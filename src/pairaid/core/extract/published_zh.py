"""The year a Chinese page states it was published (issue 9): last year (去年, 上年) is counted from it, not from
the report year, where the page states it (the ``published`` rules of ``data/period_words.yaml``:
a labelled date, ``发布时间:2022-01-18``, anywhere; a date with a time, a line that is only a date or a date in the
headline, in its opening lines).  Read on the page as given: its bylines and date lines are blanked before the
reading steps see it.
"""

from __future__ import annotations

import re
from functools import cache

from pairaid.core.data_files import read_yaml

__all__ = ["published_year"]

_OPENING_LINES = 10


@cache
def _rules() -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
    raw = read_yaml("period_words.yaml")["published"]
    return tuple((str(r["id"]), bool(r.get("opening")), re.compile(str(r["pattern"]))) for r in raw)


def published_rule(text: str) -> tuple[int, str] | None:
    """``(year, rule id)`` of the first ``published`` rule that matches ``text``, else ``None``."""
    opening = text[: _opening_end(text)]
    for rule_id, in_opening, pattern in _rules():
        m = pattern.search(opening if in_opening else text)
        if m is not None:
            return int(m.group(1)), rule_id
    return None


def published_year(text: str) -> int | None:
    """The year ``text`` (a page as given) states it was published, else ``None`` (module docstring)."""
    found = published_rule(text)
    return found[0] if found is not None else None


def _opening_end(text: str) -> int:
    at = -1
    for _ in range(_OPENING_LINES):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
    return at
