"""Periods a Chinese figure takes from the words around it (gold-format.md F5, Z6), read by
:mod:`pairaid.core.extract.mention_periods_zh`; the words are data of ``data/period_words.yaml``.

- **The pairing's Nth year** (``pairing_year_ordinal``): "2031年是甲市对口帮扶乙州的第四年" states that the pairing
  began in 2028, the start of what the page later sums ("截至2031年底,累计…").
- **A span in brackets after a figure** (``bracketed_span``): "累计投入资金18亿元(2029—2031年)" is that span's sum.
- **A table's total row** ("合计  78  98000"): its label sums the rows above it, not the years of a period; it is
  no word of a sum over years (``cumulative_cues``).
- **A period opening a clause** ("甲乙两地结对,五年来累计选派干部80名;引导企业45家…"): it governs the later clauses of
  its sentence that ";" splits from it, as one opening the sentence would.
- **A count listed after a stock now** ("目前,甲市在乙县挂职干部96名,专业技术人才740名"): a comma and a noun with no
  verb of its own between them make it a stock now too (``listed_after``).
- **A sum opening a sentence** ("甲市先后选派干部520名,…;援建学校29所…"): a word of a sum (``cumulative_cues``) right
  after the subject that opens a sentence, before its first figure, sums the figures of its later clauses split by ";"
  too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from pairaid.core.chinese_numbers import numeral_value
from pairaid.core.data_files import read_yaml
from pairaid.core.extract.model import Mention, Period
from pairaid.core.extract.rules import word_list

__all__ = ["bracketed_span", "clause_opening", "listed_after", "ordinal_starts", "sum_cue", "total_row_cue"]

_CLAUSE_MARK = re.compile(r"[,;:]")
_SUBJECT = 6  # the characters of a subject that opens a sentence ("甲市", "安和省各级政府")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = read_yaml("period_words.yaml")
    ordinals = tuple(re.compile(str(p)) for p in raw["pairing_year_ordinal"])
    totals = re.compile(rf"(?:^|\n)[ \t\u3000]*(?:{'|'.join(word_list('total_rows', 'zh'))})[ \t\u3000|]")
    return ordinals, re.compile(str(raw["bracketed_span"])), totals, re.compile(str(raw["listed_after"]))


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


def sum_opens_sentence(text: str, start: int, figures: list[int], cue: re.Pattern[str]) -> bool:
    """Whether the sentence whose clause after ";" starts at ``start`` opens on a word of a sum (``cue``) before its
    first figure (``figures``: the figures' offsets, in order)."""
    back = max(0, start - 400)
    whole = max(text.rfind("。", back, start), text.rfind("\n", back, start), back - 1) + 1
    if whole >= start or not text[whole:start].rstrip().endswith(";"):
        return False  # the sentence's first clause, whose own words were read
    k = bisect.bisect_left(figures, whole)
    first = figures[k] if k < len(figures) else start
    # (right after the subject that opens the sentence: "甲市先后选派…", not "甲市选派的干部五年间共引导…")
    found = cue.search(text, whole, min(first, start, whole + _SUBJECT + 2))
    return found is not None and not total_row_cue(text, found.start())


def sum_cue(text: str, sentence_start: int, start: int, figures: list[int], cue: re.Pattern[str]) -> bool:
    """Whether a figure at ``start`` is summed: a word of a sum before it in its sentence (not a table's total row), or
    one opening the sentence its clause after ";" belongs to (:func:`sum_opens_sentence`)."""
    found = cue.search(text, sentence_start, start)
    if found is not None and not total_row_cue(text, found.start()):
        return True
    return sum_opens_sentence(text, sentence_start, figures, cue)


def listed_after(text: str, mentions: Sequence[Mention], i: int, before: Period | None) -> bool:
    """Whether figure ``i`` is listed right after the figure before it in its sentence, a comma and a noun between,
    when that one is a stock now (``before``: its period)."""
    if i == 0 or before is None or before.rule != "zh:now_stock" or mentions[i - 1].sentence != mentions[i].sentence:
        return False
    return _patterns()[3].fullmatch(text, mentions[i - 1].end, mentions[i].start) is not None
