"""Footer lines that hold a street address (exclusions, issue 11): the address of an office under a report
("Anhe Aid Office, 88 Heping Road, Anhe 100021."), whose numbers (house number, postcode) are no figures.

The pattern, its words and the longest such line are ``street_address`` of ``data/exclusions.yaml``; the pattern is
tried only on a text where one of its words stands (a scan for a word is cheaper than the pattern's).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

__all__ = ["address_lines"]


@cache
def _street() -> tuple[re.Pattern[str], tuple[str, ...], int]:
    raw = yaml.safe_load(resources.files("pairaid.core.data").joinpath("exclusions.yaml").read_text(encoding="utf-8"))
    street = raw["street_address"]
    return re.compile(str(street["pattern"])), tuple(str(w) for w in street["words"]), int(street["line_at_most"])


def address_lines(text: str) -> set[tuple[int, int]]:
    """The (start, end) of each line of ``text`` no longer than ``line_at_most`` that holds a street address."""
    pattern, words, longest = _street()
    if not any(w in text for w in words):
        return set()
    out: set[tuple[int, int]] = set()
    for f in pattern.finditer(text):
        start, end = text.rfind("\n", 0, f.start()) + 1, (text.find("\n", f.end()) + 1 or len(text) + 1) - 1
        if end - start <= longest:
            out.add((start, end))
    return out
