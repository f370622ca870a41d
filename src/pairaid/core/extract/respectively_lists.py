"""Places listed with "respectively" (F4): "N1, N2 and N3 respectively to B1, B2 and B3" pairs each figure
with a recipient; "the governments of A, B and C respectively arranged N1, N2 and N3" with a donor."""

from __future__ import annotations

import re

from pairaid.core.extract.places import NOT_PLACE

__all__ = ["respectively_donors", "respectively_recipients"]

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
