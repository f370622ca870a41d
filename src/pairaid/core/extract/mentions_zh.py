"""Step 3 for Chinese lines: each number of :func:`pairaid.core.chinese_numbers.find_chinese_numbers`
read into a :class:`~pairaid.core.extract.model.Mention` (gold-format.md Z1-Z4).

1. the unit or counter right after the number (:func:`pairaid.core.units.match_chinese_unit`),
   after a qualifier standing between them (``8万左右农民工``); ``七大领域`` counts kinds;
2. with no unit: a number with a scale (``万``, ``亿``) counts the people a person noun after
   it names (``47.8万老乡``), is money when money words stand around it (``援助资金3.2亿``),
   else counts things; a number with neither unit nor scale is no quantity, since Chinese
   counts with a counter (``12所``, never a bare ``12``);
3. the counted noun: the words after the counter up to a stop character, else the words
   before the number (``实施项目453个``);
4. the qualifier inside (``1000多万元``), before (``超过``, ``近``, ``约``; ``至少`` a verb
   away), or after (``以上``, ``左右``) the number, from ``data/qualifiers.yaml``;
5. the exclusions of :func:`pairaid.core.extract.exclusions.chinese_exclusion_rule`.

The span covers the number, its scale, any qualifier between them and the unit, and the
unit or counter; qualifiers before the number stay outside it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import cast

from pairaid.core.chinese_numbers import find_chinese_numbers
from pairaid.core.extract.chinese_text import HAN
from pairaid.core.extract.exclusions import TextIndex, chinese_exclusion_rule, chinese_spans
from pairaid.core.extract.model import Mention, Qualifier
from pairaid.core.extract.qualifier_words import QualifierWords, alternation, qualifiers_raw
from pairaid.core.numbers import NumberMatch
from pairaid.core.units import chinese_units, is_chinese_person_noun, match_chinese_unit

__all__ = ["find_chinese_mentions"]

_NOUN = re.compile(f"[{HAN}]+")
_NOUN_BEFORE = re.compile(f"[{HAN}]+$")
# ("援建项目已竣工293个": the noun before a verb of completion, too)
_VERB_AFTER_NOUN = re.compile(
    "(?:达到|达|为|是|共有|共计|总计|合计|累计|有|共|超过|突破|逾|约|近|分别为|分别|竣工|完工|建成|开工|已)+$"
)
_COUNTED_BEFORE = re.compile(f"\\d+(?:\\.\\d+)?[万亿]?[{HAN}]$")
_GLOSS_BEFORE = re.compile(f"\\([{HAN}、]{{1,6}}\\)$")
# "挂职干部(年末在岗):45人": a figure right after a heading and its colon counts what the heading names
_LABEL_BEFORE = re.compile(f"([{HAN}]+)(?:\\([^()]{{1,8}}\\))?\\s*:\\s*$")
# a quoted name right after a counter or right before a number ("“甲乙共建”幼儿园", "“甲乙希望小学”21所")
_QUOTED_AFTER = re.compile(f"[“「『\"'‘][{HAN}]{{1,10}}[”」』\"'’]")
_QUOTED_BEFORE = re.compile(f"[“「『\"'‘]([{HAN}]{{1,10}})[”」』\"'’]$")
_CLAUSE_MARKS = re.compile(r"[,.;:!?。、]")
_SCALES = frozenset("万亿")
_BARE = frozenset("百千万")
_ONE = Decimal(1)
_JOINS = "和与及"


@dataclass(frozen=True)
class _Qualifiers(QualifierWords):
    """The Chinese words, and those that stand before a measure word after the number ("1000余人")."""

    reach: re.Pattern[str]
    reach_map: dict[str, str]


@cache
def _qualifiers() -> _Qualifiers:
    zh = qualifiers_raw()["zh"]
    maps = {key: {str(k): str(v) for k, v in zh[key].items()} for key in ("before", "reach", "after")}
    return _Qualifiers(
        before=re.compile(rf"({alternation(maps['before'])})\s*$"),
        before_map=maps["before"],
        reach=re.compile(rf"({alternation(maps['reach'])})[{HAN}]{{1,3}}$"),
        reach_map=maps["reach"],
        after=re.compile(rf"\s*({alternation(maps['after'])})"),
        after_map=maps["after"],
    )


def _person_noun_after(text: str, pos: int) -> str:
    """The words after ``pos`` up to the last that names people within eight characters
    ("建档立卡贫困人口受益" -> "建档立卡贫困人口"), or ""."""
    m = _NOUN.match(text, pos, min(len(text), pos + 8))
    if m is None:
        return ""
    word = m.group()
    for k in range(len(word), 1, -1):
        if is_chinese_person_noun(word[:k]):
            return word[:k]
    return ""


def _noun_after(text: str, pos: int, stops: frozenset[str]) -> str:
    if chinese_units().verbs_after.match(text, pos):
        return ""  # "儿童520名重返校园": a verb, no noun, follows the counter
    place = match_chinese_unit(text, pos)
    if place is not None and place.place and place.start == pos:
        return place.word  # "四个县落地项目": the counted noun is the area word
    quoted = _QUOTED_AFTER.match(text, pos, min(len(text), pos + 14))
    if quoted is not None:  # "15所“甲乙共建”幼儿园": the noun after the quoted name that qualifies it
        pos = quoted.end()
    m = _NOUN.match(text, pos, min(len(text), pos + 12))
    if m is None:
        return ""
    word = m.group()
    for i, c in enumerate(word):
        if c in stops and c not in _JOINS:
            word = word[:i]
            break
    return word.rstrip(_JOINS)  # "改善民生和产业扶持项目" is one noun; "干部和" ends before the next figure


def _noun_before(text: str, pos: int, stops: frozenset[str]) -> str:
    gloss = _GLOSS_BEFORE.search(text, max(0, pos - 8), pos)  # "卫生院(所)303个": the noun before its gloss
    if gloss is not None:
        pos = gloss.start()
    counted = _COUNTED_BEFORE.search(text, max(0, pos - 12), pos)  # "教师12批650人次": the noun before "12批"
    if counted is not None:
        pos = counted.start()
    if text[pos - 1 : pos] == " " and text[pos - 2 : pos - 1] != " ":  # "实施援疆项目 120个": a stray space
        pos -= 1
    m = (
        _NOUN_BEFORE.search(text, max(0, pos - 14), pos)
        or _QUOTED_BEFORE.search(text, max(0, pos - 14), pos)  # "援建“甲乙希望小学”21所": the quoted name
        or _LABEL_BEFORE.search(text, max(0, pos - 24), pos)
    )
    if m is None:
        return ""
    word = _VERB_AFTER_NOUN.sub("", m.group(m.lastindex or 0))  # "入驻企业达到76家": the noun before the verb
    cut = max((i for i, c in enumerate(word) if c in stops), default=-1)
    return word[cut + 1 :]


def _qualifier(text: str, number: NumberMatch, after_at: int) -> Qualifier:
    q = _qualifiers()
    if number.qualifier is not None:
        return cast(Qualifier, number.qualifier)
    before = q.before.search(text, max(0, number.start - 6), number.start)
    if before is not None and (before.group(1) != "上" or number.text[:1] in _BARE):
        return cast(Qualifier, q.before_map[before.group(1)])
    reach = q.reach.search(text, max(0, number.start - 6), number.start)
    if reach is not None:
        return cast(Qualifier, q.reach_map[reach.group(1)])
    for at in (number.end, after_at):  # "8万左右农民工", "80%以上"
        after = q.after.match(text, at)
        if after is not None:
            return cast(Qualifier, q.after_map[after.group(1)])
    return "exact"


def find_chinese_mentions(
    text: str, start: int, end: int, sentence_starts: list[int], index: TextIndex
) -> list[Mention]:
    """The mentions of the Chinese stretch ``text[start:end]``, in order (module docstring)."""
    spans = chinese_spans(text, start, end)
    out: list[Mention] = []
    for number in find_chinese_numbers(text, start, end):
        sentence = max(0, bisect.bisect_right(sentence_starts, number.start) - 1)
        mention = _read(text, number, index, spans, sentence)
        if mention is not None:
            out.append(mention)
    return out


def _read(
    text: str, number: NumberMatch, index: TextIndex, spans: list[tuple[int, int, str]], sentence: int
) -> Mention | None:
    cu = chinese_units()
    if number.text == "一":
        return None  # "一批", "一个": an article, no count
    if chinese_exclusion_rule(text, number, number.end, index, spans) is not None:
        return None
    if number.rule in ("percent_of", "tenths"):
        return _mention(text, number, number.end, "percent", None, number.rule, sentence)
    post = _qualifiers().after.match(text, number.end)
    unit_at = post.end() if post is not None and post.group(1) not in ("多", "余") else number.end
    kinds = number.words and text.startswith(cu.kinds, unit_at)
    if kinds:  # "七大领域", "八大类"
        unit_at += len(cu.kinds)
    unit = match_chinese_unit(text, unit_at)
    if unit is not None and unit.place and number.text in _BARE:
        unit = None  # "万州": a bare scale before an area word is a name
    if unit is not None:
        noun = unit.word if unit.place else ""
        if unit.takes_noun:
            noun = _noun_after(text, unit.end, cu.noun_stops) or _noun_before(text, number.start, cu.noun_stops)
        rule = f"{number.rule}+unit"
        return _mention(text, number, unit.end, unit.unit, noun or unit.word, rule, sentence, scale=unit.scale)
    if kinds:
        noun = _noun_after(text, unit_at, cu.noun_stops)
        if not noun:
            return None
        return _mention(text, number, unit_at + len(noun), "count", noun, f"{number.rule}+kinds", sentence)
    if not any(c in _SCALES for c in number.text):
        cell = _unit_column(text, number)
        if cell is not None:  # a table's cell whose row gives its unit ("帮扶资金 | 万元 | 1500")
            rule = f"{number.rule}+unit_column"
            return _mention(text, number, number.end, cell[0], cell[2], rule, sentence, scale=cell[1])
        return None  # Chinese counts with a counter: a bare number is a code, a year or a list number
    people = _person_noun_after(text, unit_at)
    if people:
        return _mention(text, number, unit_at, "person", people, f"{number.rule}+noun", sentence)
    noun = _noun_after(text, unit_at, cu.noun_stops)
    clause_lead = _CLAUSE_MARKS.split(text[max(0, number.start - 12) : number.start])[-1]
    if cu.money_words.search(clause_lead) or cu.money_words.search(noun):
        return _mention(text, number, unit_at, "CNY", None, f"{number.rule}+money", sentence)
    before = _noun_before(text, number.start - len(_qualifier_before(text, number)), cu.noun_stops)
    return _mention(text, number, unit_at, "count", before or None, f"{number.rule}+scale", sentence)


# the cells of a table row as pages give them: split by tabs, two spaces or more, or bars
_CELL_SPLIT = re.compile(r"\t|\s{2,}|\s*[|｜]\s*")
_CELL_EDGE = frozenset({"", " ", "\t", "\n", "|", "｜", "\u3000"})
_CELL_SCALES = {"": Decimal(1), "万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000)}


def _unit_column(text: str, number: NumberMatch) -> tuple[str, Decimal, str | None] | None:
    """``(unit, scale, counted noun)`` of a number that is a whole cell of a table row (three cells or
    more) which has a cell holding only a unit ("万元", "人次", "所"): the unit column of a table of
    indicators.  The counted noun is the row's first cell ("援建学校")."""
    if text[number.start - 1 : number.start] not in _CELL_EDGE or text[number.end : number.end + 1] not in _CELL_EDGE:
        return None  # the quick test: a cell of its own stands between separators or line ends
    line_start = text.rfind("\n", 0, number.start) + 1
    line_end = text.find("\n", number.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    cells = [c.strip() for c in _CELL_SPLIT.split(line)]
    cells = [c for c in cells if c]
    if len(cells) < 3 or number.text not in cells:
        return None
    at = number.start - line_start
    before, after = line[:at], line[at + len(number.text) :]
    if (before.strip() and not _CELL_SPLIT.search(before[-2:] or " ")) or (
        after.strip() and not _CELL_SPLIT.match(after)
    ):
        return None  # the number is not a cell of its own
    if not before.strip():
        return None  # a row's first cell is its label or its list number ("3  援建学校  所  12"), no figure
    for cell in cells:
        found = _unit_of(cell)
        if found is not None:
            noun = cells[0] if found[0] in ("count", "person", "person_time", "household") else None
            return found[0], found[1], noun
    # no unit cell: the unit in brackets of the column's header ("帮扶资金(万元)"), the nearest line above
    # of as many cells and no number
    column = cells.index(number.text)
    pos = line_start - 1
    while pos > 0:
        above_start = text.rfind("\n", 0, pos) + 1
        above = [c.strip() for c in _CELL_SPLIT.split(text[above_start:pos]) if c.strip()]
        if len(above) != len(cells):
            return None
        if not any(_DIGIT_CELL.fullmatch(c) for c in above):
            header = _HEADER_UNIT.search(above[column])
            if header is None:
                return None
            found = _unit_of(header.group(1))
            if found is None:
                return None
            noun = above[column][: header.start()] if found[0] in ("count", "person", "person_time") else None
            return found[0], found[1], noun or None
        pos = above_start - 1
    return None


_DIGIT_CELL = re.compile(r"[\d.,]+%?")
_HEADER_UNIT = re.compile(r"[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,4})\s*[)）]\s*$")


def _unit_of(cell: str) -> tuple[str, Decimal] | None:
    """The unit and scale a cell holding only a unit names ("万元" -> CNY x 10000, "人次", "所"), or ``None``."""
    scale_char = cell[0] if cell[:1] in _CELL_SCALES and len(cell) > 1 else ""
    unit = match_chinese_unit(cell, len(scale_char))
    if unit is None or unit.end != len(cell) or unit.place:
        return None
    return unit.unit, _CELL_SCALES[scale_char] * unit.scale


def _qualifier_before(text: str, number: NumberMatch) -> str:
    m = _qualifiers().before.search(text, max(0, number.start - 6), number.start)
    return m.group(0) if m is not None else ""


def _mention(
    text: str,
    number: NumberMatch,
    end: int,
    unit: str,
    noun: str | None,
    rule: str,
    sentence: int,
    *,
    scale: Decimal = _ONE,
) -> Mention:
    """The mention of ``number`` whose span ends at ``end``; ``scale`` converts to the gold unit (km2 -> ha)."""
    high = number.value_high * scale if number.value_high is not None else None
    return Mention(
        start=number.start,
        end=end,
        text=text[number.start : end],
        value=number.value * scale,
        unit=unit,
        qualifier=_qualifier(text, number, end),
        rule=rule,
        sentence=sentence,
        value_high=high,
        noun=noun if unit in ("count", "person", "person_time", "household") else None,
        noun_phrase=noun or "",
    )
