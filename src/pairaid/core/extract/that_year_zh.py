""""That year" (当年) in a Chinese page (gold-format.md F5, Z6): the last year its paragraph named before it
("甲市援乙县从2010年开始。当年甲市投入…": 2010), else the whole year the page reports on (as 全年); phrase
``that_year`` of ``data/period_words.yaml``, resolved for :mod:`pairaid.core.extract.mention_periods_zh`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol, TypeVar

from pairaid.core.extract.model import Sentence

__all__ = ["that_year"]


class _Phrase(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def first(self) -> int: ...


P = TypeVar("P", bound=_Phrase)


def that_year(found: dict[int, list[P]], sentences: tuple[Sentence, ...]) -> None:
    """Turn each ``that_year`` phrase of ``found`` (the period phrases of each sentence, in order) into an
    ``in_year`` of the last year its paragraph named before it, else a ``whole_year``; in place."""
    year: int | None = None
    paragraph: tuple[int, int] | None = None
    for k in sorted(found):
        if (sentences[k].section, sentences[k].paragraph) != paragraph:
            year, paragraph = None, (sentences[k].section, sentences[k].paragraph)
        for n, p in enumerate(found[k]):
            if p.kind == "that_year":
                changes: dict[str, Any] = {"kind": "whole_year"} if year is None else {"kind": "in_year", "first": year}
                found[k][n] = replace(p, **changes)  # type: ignore[type-var]
            elif p.kind in ("in_year", "since"):  # "2029年,…", "从2029年开始"
                year = p.first
