"""Places listed with "respectively" (F4): "N1, N2 and N3 respectively to B1, B2 and B3" pairs each figure
with a recipient; "the governments of A, B and C respectively arranged N1, N2 and N3" with a donor; places
listed before "each" ("B1, B2 and B3 each received N", "and B1 and B2 N each") each receive the figure."""

from __future__ import annotations

import re

from pairaid.core.extract.places import NOT_PLACE

__all__ = ["each_recipients", "receivers_listed", "respectively_donors", "respectively_recipients"]

_PLACE = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
_RESPECTIVELY = re.compile(
    rf"^[^.;,]{{0,40}}?\brespectively\s+(?:to|for|in)\s+(?P<list>{_PLACE}(?:\s*(?:,|and|,\s*and)\s*{_PLACE})+)"
)


def respectively_recipients(right: str) -> tuple[str, ...]:
    """Places listed after "respectively to/for/in" at the start of ``right`` (F4), else ``()``."""
    m = _RESPECTIVELY.match(right)
    if m is None:
        return ()
    parts = re.split(r"\s*(?:,\s*and|,|\band\b)\s*", m.group("list"))
    return tuple(p.strip() for p in parts if p.strip())


_RESPECTIVELY_DONORS = re.compile(
    rf"\b(?:governments?|departments?|cities|counties|districts|provinces)\s+of\s+(?:the\s+)?"
    rf"(?P<list>{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+and\s+{_PLACE})"
    rf"(?:\s+(?:cities|counties|districts|provinces|municipalities))?"
    rf"\s+(?:each\s+)?respectively\s+(?:[a-z]+\s+){{1,3}}$"
    rf"|(?:^|[,;]\s*|\band\s+)(?P<bare>{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+and\s+{_PLACE})"
    rf"(?:\s+(?:cities|counties|districts|provinces|municipalities))?\s+respectively\s+(?:[a-z]+\s+){{1,3}}$"
)


def respectively_donors(before: str) -> tuple[str, ...]:
    """Places listed as the actors of "respectively" just before a figure (F4), else ``()``.

    ``before`` is the text of the figure's sentence up to the figure: "the governments of A, B
    and C respectively arranged " gives ``("A", "B", "C")``.
    """
    if "respectively" not in before[-60:]:
        return ()
    m = _RESPECTIVELY_DONORS.search(before[-200:])
    if m is None:
        return ()
    names = m.group("list") or m.group("bare")
    parts = re.split(r"\s*(?:,\s*and|,|\band\b)\s*", names)
    out = tuple(p.strip() for p in parts if p.strip())
    return () if any(NOT_PLACE.search(p) for p in out) else out


_LIST = rf"{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+and\s+{_PLACE}"
_EACH_BEFORE = re.compile(rf"(?:^\s*|[,;:]\s*|\band\s+)(?P<list>{_LIST})\s+each\s+(?:[a-z]+\s+){{1,3}}$")
_EACH_AFTER = re.compile(rf"^\W*(?:and\s+)?(?P<list>{_LIST})\s*$")


def each_recipients(left: str, right: str) -> tuple[str, ...]:
    """Places listed as each receiving a figure (F4): "B1, B2 and B3 each received " in ``left``, or
    "and B1 and B2 " in ``left`` with "each" opening ``right``; else ``()``."""
    m = _EACH_BEFORE.search(left[-200:]) if "each" in left[-60:] else None
    if m is None and re.match(r"^\s*each\b", right):
        m = _EACH_AFTER.match(left)
    if m is None:
        return ()
    out = tuple(p.strip() for p in re.split(r"\s*(?:,\s*and|,|\band\b)\s*", m.group("list")) if p.strip())
    return () if any(NOT_PLACE.search(p) for p in out) else out


_RECEIVERS = re.compile(
    rf"(?:^|[,;:]\s*)(?:the\s+)?(?P<list>{_LIST})\s+(?:received|got|obtained|(?:were|was)\s+(?:allotted|allocated|given))\s+$"
)


def receivers_listed(before: str, after: str) -> tuple[str, ...]:
    """Places listed as receiving a run of figures "respectively" ("B1, B2 and B3 received N1, N2 and N3
    respectively"): ``before`` is the sentence up to the run, ``after`` the rest of it; else ``()``."""
    if "respectively" not in after:
        return ()
    m = _RECEIVERS.search(before[-200:])
    if m is None:
        return ()
    out = tuple(p.strip() for p in re.split(r"\s*(?:,\s*and|,|\band\b)\s*", m.group("list")) if p.strip())
    return () if any(NOT_PLACE.search(p) for p in out) else out
