"""Donor and recipient of a report's figures, as written (gold-format.md F9).

* A pairing chapter's title names both sides: "Province A – Region B Pairing-off
  ..." (any dash): the donor is the aiding (first) side, the recipient the other.
* A national East-West overview (no pairing title, "eastern provinces" in the
  text) uses donor "eastern provinces and municipalities" and recipient
  "western poor areas".
* A provincial chapter (no pairing title) has donor ``None`` and the province
  reported on as recipient.
* "granted N respectively to County B and County C" gives one recipient per
  listed place (F4): :func:`respectively_recipients`.

Place-name resolution (codes, aliases) belongs to ``pairaid.core.gazetteer``;
here names stay as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Parties", "report_parties", "respectively_recipients"]

NATIONAL_DONOR = "eastern provinces and municipalities"
NATIONAL_RECIPIENT = "western poor areas"

_TITLE = re.compile(
    r"^\s*(?P<donor>[A-Z][\w’'.()]*(?:\s+[A-Z][\w’'.()]*)*)\s*[-–—]\s*"
    r"(?P<recipient>[A-Z][\w’'.()]*(?:\s+[A-Z][\w’'.()]*)*?)\s+"
    r"(?:Pairing|Counterpart|East|Poverty|Cooperation|Twinning|Pair)",
)
_PROVINCE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Province|Zhuang\s+Autonomous\s+Region|Uygur\s+Autonomous\s+Region"
    r"|Hui\s+Autonomous\s+Region|Autonomous\s+Region|Municipality))\b"
)
_IN_PLACE = re.compile(r"\bin\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\s*$")
_PLACE = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
_RESPECTIVELY = re.compile(
    rf"^[^.;,]{{0,40}}?\brespectively\s+(?:to|for|in)\s+(?P<list>{_PLACE}(?:\s*(?:,|and|,\s*and)\s*{_PLACE})+)"
)


@dataclass(frozen=True)
class Parties:
    """Who gives and who receives in a report: ``kind`` is ``pairing``, ``national`` or ``provincial``."""

    donor: str | None
    recipient: str | None
    kind: str


def report_parties(text: str, title: str | None, *, donor: str | None = None, recipient: str | None = None) -> Parties:
    """The report's donor and recipient from its title and text; ``donor``/``recipient`` given by the caller win."""
    if title:
        m = _TITLE.match(title)
        if m is not None:
            return Parties(donor or m.group("donor").strip(), recipient or m.group("recipient").strip(), "pairing")
    if re.search(r"\beastern\s+provinces\b", text, re.I) and re.search(r"\bwestern\b", text, re.I):
        return Parties(donor or NATIONAL_DONOR, recipient or NATIONAL_RECIPIENT, "national")
    place = None
    if title:
        t = _IN_PLACE.search(title)
        place = t.group("name") if t is not None else None
    if place is None:
        p = _PROVINCE.search(text)
        place = p.group("name") if p is not None else None
    return Parties(donor, recipient or place, "pairing" if donor else "provincial")


def respectively_recipients(right: str) -> tuple[str, ...]:
    """Places listed after "respectively to/for/in" at the start of ``right`` (F4), else ``()``."""
    m = _RESPECTIVELY.match(right)
    if m is None:
        return ()
    parts = re.split(r"\s*(?:,\s*and|,|\band\b)\s*", m.group("list"))
    return tuple(p.strip() for p in parts if p.strip())
