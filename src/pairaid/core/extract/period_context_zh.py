"""Periods a Chinese figure takes from the words around it (gold-format.md F5, Z6), read by
:mod:`pairaid.core.extract.mention_periods_zh`; the words are data of ``data/period_words.yaml``.

- **The pairing's Nth year** (``pairing_year_ordinal``): "2031年是甲市对口帮扶乙州的第四年" states that the pairing
  began in 2028, the start of what the page later sums ("截至2031年底,累计…").
- **A span in brackets after a figure** (``bracketed_span``): "累计投入资金18亿元(2029—2031年)" is that span's sum.
- **A table's total row** ("合计  78  98000"): its label sums the rows above it, not the years of a period; it is
  no word of a sum over years (``cumulative_cues``).
- **A period opening a clause** ("甲乙两地结对,五年来累计选派干部80名;引导企业45家…"): it governs the later clauses of
  its sentence that ";" splits from it, as one opening the sentence would.
"""

from __future__ import annotations

import re
from functools import cache

from pairaid.core.chinese_numbers import numeral_value
from pairaid.core.data_files import read_yaml
from pairaid.core.extract.rules import word_list

__all__ = ["bracketed_span", "clause_opening", "ordinal_starts", "total_row_cue"]

_CLAUSE_MARK = re.compile(r"[,;:]")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str]]:
    raw = read_yaml("period_words.yaml")
    ordinals = tuple(re.compile(str(p)) for p in raw["pairing_year_ordinal"])
    totals = re.compile(rf"(?:^|\n)[ \t\u3000]*(?:{'|'.join(word_list('total_rows', 'zh'))})[ \t\u3000|]")
    return ordinals, re.compile(str(raw["bracketed_span"])), totals


def ordinal_starts(text: str, report_year: int) -> list[int]:
    """The start years of the pairing that "YEAR年…第N年" states (YEAR - N + 1), those before the report year."""
    out = []
    for pattern in _patterns()[0]:
        for m in pattern.finditer(text):
            nth = numeral_value(m.group(2))
            if nth is None or not 1 < nth < 60:
                continue
            start = int(m.group(1)) - int(nth) + 1
            if start < report_year:
                out.append(start)
    return out


def bracketed_span(text: str, end: int) -> tuple[int, int] | None:
    """The first and last year of a span in brackets right after a figure ending at ``end``, or ``None``."""
    m = _patterns()[1].match(text[end : end + 24])
    if m is None:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    return (first, last) if first < last else None


def total_row_cue(text: str, at: int) -> bool:
    """Whether the word of a sum at ``at`` is the label of a table's total row ("合计  78  98000")."""
    line = text.rfind("\n", 0, at) + 1
    return _patterns()[2].match(text, max(0, line - 1)) is not None and not text[line:at].strip()


def clause_opening(text: str, sentence_start: int, start: int) -> bool:
    """Whether a phrase at ``start`` opens a clause of its sentence: right after a comma or a colon."""
    lead = text[sentence_start:start]
    marks = list(_CLAUSE_MARK.finditer(lead))
    return bool(marks) and len(lead[marks[-1].end() :].strip()) <= 2
