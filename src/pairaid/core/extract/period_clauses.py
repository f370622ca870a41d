"""Where a figure's clause ends, for the period phrases after it (:mod:`~pairaid.core.extract.mention_periods`): a
phrase past a clause break dates the next clause's figures, not the figure before it."""

from __future__ import annotations

import re

from pairaid.core.extract.rules import word_list

__all__ = ["OTHER_CLAUSE", "OWN_YEAR", "clause_break"]

# a period phrase after one of these belongs to the next clause ("covers 12 km2, and by the end of 2007, ...")
# or opens a clause of its own after ", and" with a figure ("... for 36 projects, and 29 of them had been
# finished by the end of the year")
# a new clause: after ";" or ":", ", and <verb>ed", ", and <figure>", or a relative clause (", which now has N pupils":
# its period phrase dates its own figures, not those before it)
# ... or a clause about some of them (", and most of them were under way by the end of the year", ", most of which
# had been finished by year end") or a new level ("finished N homes, bringing the number built since 2011 to M")
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:and\s+)?\w+ed\b|,\s*(?:and|while|but)\s+(?:$|\d)|,\s*(?:which|who|whose|where)\b"
    rf"|,\s*(?:and\s+)?(?:{'|'.join(word_list('some_of_them_words'))})\s+of\s+"
    r"(?:them|which|these|those|whom|it)\b"
    rf"|,\s*(?:{'|'.join(word_list('new_level_verbs'))})\b",
    re.I,
)


# a clause of its own after a period phrase: "; ", ", while", ", whereas", ", but", ", and"
OTHER_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but|and)\s", re.I)
OWN_YEAR = ("in_year", "this_year", "last_year")  # the phrases that date a figure of their clause to a year


def clause_break(text: str, a: int, b: int) -> bool:
    """Whether a new clause starts between ``a`` and ``b`` (a figure's end and a period phrase)."""
    return bool(_CLAUSE_BREAK.search(text, a, b))
