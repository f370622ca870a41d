"""Which year a report covers, from its text and, where it has one, its yearbook file name.

Yearbooks are named for the year they appear in and report on the year before: a
file named ``2010_…`` from the 2010 yearbook covers 2009 (shared/corpus/index.csv,
``yearbook_year`` against ``report_year``).
"""

from __future__ import annotations

import re
from collections import Counter

from pairaid.core.extract.pipeline import report_year_candidates, report_year_from_text

_YEARBOOK_FILE = re.compile(r"^((?:19|20)\d\d)[_-]")
_CHINESE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?!\s*[-~–至到])")


def report_year_of(text: str, *, filename: str | None = None) -> int | None:
    """The year the report covers, or ``None`` when neither text nor file name tells.

    Order: a yearbook file name (``2010_…`` → 2009) when the text names that year or
    only earlier ones (history such as "in 2002 the two cities were twinned"); else
    the year the English text reports on ("In 2009", :func:`report_year_from_text`);
    else the most frequent "2009年" (the later year on a tie); else the file name's year.
    """
    match = _YEARBOOK_FILE.match(filename or "")
    from_name = int(match.group(1)) - 1 if match is not None else None
    candidates = report_year_candidates(text)
    if from_name is not None and (from_name in candidates or all(year < from_name for year in candidates)):
        return from_name
    found = report_year_from_text(text)
    if found is not None:
        return found
    chinese = Counter(int(m.group(1)) for m in _CHINESE_YEAR.finditer(text))
    if chinese:
        return max(chinese, key=lambda year: (chinese[year], year))
    return from_name
