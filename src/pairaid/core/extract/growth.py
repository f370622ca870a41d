"""Step: growth rates (gold-format.md F6), read by the ``growth`` rules of ``data/rules/<lang>/growth.yaml``.

* ``growth.rate``: a percentage after "up", "rose", "growth of" ... is the change of the bound figure
  before it in its sentence, with the base year written after it ("up 28.2% over 2008"); in a run of
  rates ("respectively up a%, b% ... compared with 2008") each goes to its figure, and a later rate
  without a base year takes the last one written;
* ``growth.multiplier``: "3.9 times that of 2010" is a change of 290% on the figure before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pairaid.core.extract.model import Context, Mention, Sentence
from pairaid.core.extract.rules import rule_set

__all__ = ["Rate", "find_rates"]


@dataclass(frozen=True)
class Rate:
    """A growth rate for the figure ``mention``: percent change, base year (``None`` if not stated), rule id."""

    mention: int
    percent: Decimal
    base_year: int | None
    rule: str


def find_rates(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    contexts: tuple[Context, ...],
    bound: set[int],
) -> tuple[Rate, ...]:
    """Growth rates of the ``bound`` mentions (rules in the module docstring)."""
    lang = sentences[0].lang if sentences else "en"
    rules = rule_set(lang)
    rate, multiplier = rules.link_rule("rate"), rules.link_rule("multiplier")
    rate_left, base_year_pat, respectively_pat = (
        rate.pattern("rate_left"),
        rate.pattern("base_year"),
        rate.pattern("respectively"),
    )
    rates: list[Rate] = []
    last_base: int | None = None
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if m.unit != "percent" or not rate_left.search(contexts[i].left + " " + _left_words(text, m, 25)):
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < len(mentions):
            nxt = mentions[run[-1] + 1]
            if nxt.unit != "percent" or nxt.sentence != m.sentence:
                break
            run.append(run[-1] + 1)
        tail = text[mentions[run[-1]].end : mentions[run[-1]].end + 80]
        base = base_year_pat.match(tail)
        base_year = int(base.group("year")) if base is not None else last_base
        if base is not None:
            last_base = base_year
        figures = [j for j in range(i - 1, -1, -1) if mentions[j].sentence == m.sentence and j in bound]
        respectively = respectively_pat.search(text, max(0, m.start - 40), m.start) is not None
        targets = sorted(figures[: len(run)]) if respectively and len(run) > 1 else figures[:1]
        for pct_idx, fig in zip(run, targets, strict=False):
            rates.append(Rate(fig, mentions[pct_idx].value, base_year, rate.id))
        i = run[-1] + 1
    for mm in multiplier.pattern("multiplier").finditer(text):
        before = [j for j, x in enumerate(mentions) if x.end <= mm.start() and j in bound]
        if before:
            j = before[-1]
            if text.count(".", mentions[j].end, mm.start()) == 0:
                pct = (Decimal(mm.group("n")) - 1) * 100
                rates.append(Rate(j, pct, int(mm.group("year")), multiplier.id))
    return tuple(rates)


def _left_words(text: str, m: Mention, width: int) -> str:
    return text[max(0, m.start - width) : m.start]
