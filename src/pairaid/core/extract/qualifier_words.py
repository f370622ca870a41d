"""The qualifier words of ``data/qualifiers.yaml`` ("about", "more than"; "约", "超过") and how they become
patterns: one alternation of a place's words, longest first, and the words of a language by place."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml


@cache
def qualifiers_raw() -> Any:
    """``data/qualifiers.yaml`` as read (cached)."""
    return yaml.safe_load(resources.files("pairaid.core.data").joinpath("qualifiers.yaml").read_text(encoding="utf-8"))


def alternation(words: Iterable[str], *, spaced: bool = False) -> str:
    """``words`` as one regular-expression alternation, longest first; with ``spaced``, a space in a word
    matches any run of white space."""
    escaped = (re.escape(w) for w in sorted(words, key=len, reverse=True))
    return "|".join(e.replace(r"\ ", r"\s+") for e in escaped) if spaced else "|".join(escaped)


@dataclass(frozen=True)
class QualifierWords:
    """The qualifier words of a language that stand before a number and after it: the pattern that finds
    one, and the qualifier each word gives."""

    before: re.Pattern[str]
    before_map: dict[str, str]
    after: re.Pattern[str]
    after_map: dict[str, str]

    @cached_property
    def _before_ends(self) -> tuple[str, ...]:
        return tuple({k.split()[-1] for k in self.before_map})

    def before_search(self, text: str) -> re.Match[str] | None:
        """``before.search(text)`` (a qualifier ending ``text``), not tried when the last word of ``text`` ends
        none: tested in lower case on ASCII only, as the pattern ignores case and a few other letters match
        ASCII ones (``ſ``, ``ı``)."""
        tail = text.rstrip()
        if tail.isascii() and not tail.lower().endswith(self._before_ends):
            return None
        return self.before.search(text)
