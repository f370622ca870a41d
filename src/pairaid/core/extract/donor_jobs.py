"""Jobs in the donor's own place are labour transferred (F7, F9): "Anhe helped 3,000 Baishan farmers find jobs in
Anhe" moves people to the aiding side to work, where "find jobs in Baishan" or "find jobs locally" gives jobs at
home.  The words after the figure are read by the named pattern ``jobs_in_donor_place`` of the link rule
``parts.jobs_in_donor_place`` (data); the place they name is the fact's donor when one of its words is the donor's."""

from __future__ import annotations

import re

from pairaid.core.extract.model import Mention, Sentence
from pairaid.core.extract.rules import rule_set

__all__ = ["jobs_in_donor_place"]

_POSSESSIVE = re.compile(r"[’']s?$")  # "jobs in Anhe's factories": the place is Anhe
# words of a place's name that name no place of their own ("Anhe Province": "Anhe")
_KIND_WORDS = frozenset(
    {"province", "city", "county", "prefecture", "district", "region", "municipality", "autonomous", "of", "the"}
)


def _core_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w’'-]+", name.lower()) if w not in _KIND_WORDS}


def jobs_in_donor_place(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    bound: dict[int, tuple[str, str, float]],
    donors: dict[int, tuple[str | None, ...]],
) -> None:
    """Rebind in place each English ``jobs`` figure whose own words say its people found jobs in a place of its
    donors (``donors``: mention -> the donors of its facts) to ``labour_transferred``, naming the link rule."""
    if not any(b[0] == "jobs" for b in bound.values()):
        return
    rule = rule_set("en").link_rule("jobs_in_donor_place")
    pattern = rule.pattern("jobs_in_donor_place")
    for i, (indicator, _, sure) in list(bound.items()):
        if indicator != "jobs" or sentences[mentions[i].sentence].lang != "en":
            continue
        words = [_core_words(d) for d in donors.get(i, ()) if d]
        if not words:
            continue
        found = pattern.match(text, mentions[i].end, sentences[mentions[i].sentence].end)
        if found is not None and any(w and w <= _core_words(_POSSESSIVE.sub("", found.group("place"))) for w in words):
            bound[i] = ("labour_transferred", rule.id, sure)
