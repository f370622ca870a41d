"""Step 3: mentions, every quantity in the text with its unit, noun, qualifier and span.

For each number of :func:`pairaid.core.numbers.find_numbers`:

1. the unit word right after it (:func:`pairaid.core.units.match_unit`), or
   a currency word right before it (``RMB``, ``CNY``, ``¥``: ``before`` of ``data/unit_words.yaml``);
2. the counted noun: the noun phrase after the number (or unit) up to a stop
   word or punctuation, whose head is its first plural noun, else its last
   word; a person noun makes the unit ``person``, "household(s)" makes it
   ``household``, anything else ``count``;
3. the qualifier before it ("more than", "nearly", ...) or after it ("or
   more"), from ``data/qualifiers.yaml``; qualifier words stay outside the span;
4. the exclusion rules of :mod:`pairaid.core.extract.exclusions`;
5. bare numbers take a unit from the figures around them (:mod:`pairaid.core.extract.bare_numbers`).

The span (gold-format.md M1) covers the number, its scale and unit words, and
the counted noun when it is at most one word away ("19 key projects" but only
"52" in "52 economic cooperation projects").
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from importlib import resources
from typing import Any, NamedTuple, cast

import yaml

from pairaid.core.extract.bare_numbers import inherit_units, money_lists
from pairaid.core.extract.exclusions import ExclusionContext, TextIndex, exclusion_rule, index_text
from pairaid.core.extract.mentions_zh import find_chinese_mentions
from pairaid.core.extract.model import Mention, Qualifier, Sentence
from pairaid.core.extract.qualifier_words import QualifierWords, alternation, qualifiers_raw
from pairaid.core.extract.rules import word_list
from pairaid.core.numbers import NumberMatch, find_numbers, money_scale_at
from pairaid.core.units import (
    UnitMatch,
    is_person_noun,
    is_plural,
    match_unit,
    short_length_at,
    singular,
    unit_before,
)

__all__ = ["NounPhrase", "find_mentions", "noun_phrase"]

_TOKEN = re.compile(r"[ \t]*(?:(?P<word>[A-Za-z][A-Za-z'’\-]*)|(?P<num>\d)|(?P<punct>\S))")
_VERB_LIKE = re.compile(r"[A-Za-z]{3,}ed")
_ADJECTIVAL_PLURALS = frozenset({"poor", "elderly", "youth"})


class NounPhrase(NamedTuple):
    """The words after a number up to a stop: ``words`` with spans, index of the head, and flags (a named
    tuple: one is made for every number, and a tuple is made faster than a frozen dataclass)."""

    words: tuple[tuple[str, int, int], ...]
    head: int | None
    plural: bool
    at_text_end: bool
    hyphen_attached: bool

    @property
    def head_word(self) -> str | None:
        return self.words[self.head][0] if self.head is not None else None

    @property
    def text(self) -> str:
        return " ".join(w for w, _, _ in self.words)


def _load_yaml(name: str) -> Any:
    return yaml.safe_load(resources.files("pairaid.core.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def qualifier_words() -> QualifierWords:
    """Load ``data/qualifiers.yaml`` (cached)."""
    raw = qualifiers_raw()
    before = {str(k).lower(): str(v) for k, v in raw["before"].items()}
    after = {str(k).lower(): str(v) for k, v in raw["after"].items()}
    b_alt, a_alt = alternation(before, spaced=True), alternation(after, spaced=True)
    return QualifierWords(
        # the words at the end of the text before a number, not glued to a letter; the look-ahead on their
        # first letters spares the engine a try of every word at every character
        before=re.compile(rf"(?=[{''.join(sorted({k[0] for k in before}))}])(?<![A-Za-z])({b_alt})\s*$", re.I),
        before_map=before,
        after=re.compile(rf"\s+({a_alt})\b", re.I),
        after_map=after,
    )


@cache
def _stops() -> frozenset[str]:
    return frozenset(str(w) for w in unit_words_raw()["noun_phrase_stops"])


@cache
def _not_alone() -> frozenset[str]:
    return frozenset(str(w) for w in unit_words_raw()["not_nouns_alone"])


@cache
def unit_words_raw() -> Any:
    return _load_yaml("unit_words.yaml")


_MORE = re.compile(r"[ \t]+(?:more|further|additional|extra)(?=[ \t]+[a-z])(?![ \t]+than\b)", re.I)


def noun_phrase(text: str, pos: int, max_words: int = 7) -> NounPhrase:
    """The noun phrase starting at ``pos``: up to ``max_words`` words, ended by punctuation, a digit or a stop word.

    "and" continues the phrase until a plural noun has been seen ("domestic and
    foreign enterprises"); the head is the first plural noun, else the last word.
    """
    stops = _stops()
    words: list[tuple[str, int, int]] = []
    head: int | None = None
    hyphen = text[pos : pos + 1] == "-"
    i = pos + 1 if hyphen else pos
    if text.startswith(" of ", i) and text[max(0, pos - 5) : pos].lower().endswith("dozen"):
        i += 3  # "a dozen of lectures"
    elif (more := _MORE.match(text, i)) is not None:
        i = more.end()  # "900 more villagers", "35 further nurses": people, not "more"
    at_end = False
    while len(words) < max_words:
        m = _TOKEN.match(text, i)
        if m is None:
            at_end = not text[i:].strip()
            break
        written, punct = m.group("word", "punct")
        if punct in ("–", "—"):
            i = m.end()
            continue
        if written is None:
            break
        word = written.strip("'’-")
        low = word.lower()
        if low == "and":
            if head is not None or not words:
                break
            i = m.end()
            continue
        if low in stops:
            break
        at = m.start("word")
        words.append((word, at, at + len(word)))
        i = m.end()
        plural = is_plural(low)
        if written.endswith(("'", "’")) and plural:
            continue  # a possessive ("farmers' cooperatives") qualifies the noun after it
        if plural and _compound_continues(text, i, stops):
            continue  # "skills training courses": the head is the last plural of the compound
        if plural:
            if low in _ADJECTIVAL_PLURALS:
                nxt = _TOKEN.match(text, i)
                nxt_word = nxt.group("word") if nxt is not None else None
                if nxt_word is not None and nxt_word.lower() not in stops and nxt_word.lower() != "and":
                    continue
            head = len(words) - 1
            break
    if len(words) == 1 and words[0][0].lower() in _not_alone():
        head = None  # "the fourth batch, 35 strong, arrived": no counted noun
    elif hyphen and words:
        head = 0
    elif head is None and words and not at_end and not _VERB_LIKE.fullmatch(words[-1][0]):
        head = len(words) - 1  # else a participle ("71 completed") is no counted noun
    return NounPhrase(tuple(words), head, head is not None and is_plural(words[head][0]), at_end, hyphen)


def _compound_continues(text: str, pos: int, stops: frozenset[str]) -> bool:
    """True when one or two more nouns, the last of them plural, follow at ``pos`` ("training courses")."""
    for _ in range(2):
        m = _TOKEN.match(text, pos)
        if m is None or m.group("word") is None:
            return False
        low = m.group("word").strip("'’-").lower()
        if low in stops or low == "and" or (low.endswith("ed") and "-" not in low):
            return False  # a verb ("enterprises started projects") ends the compound
        if is_plural(low) and low not in _ADJECTIVAL_PLURALS:
            return not m.group("word").endswith(("'", "’"))
        pos = m.end()
    return False


def _qualifier(text: str, number: NumberMatch, end: int) -> tuple[Qualifier, str | None]:
    qw = qualifier_words()
    if number.qualifier is not None:
        return cast(Qualifier, number.qualifier), "fixed"
    m = qw.before_search(text[max(0, number.start - 24) : number.start])
    if m is not None:
        return cast(Qualifier, qw.before_map[re.sub(r"\s+", " ", m.group(1).lower())]), "before"
    a = qw.after.match(text, end)
    if a is not None:
        return cast(Qualifier, qw.after_map[re.sub(r"\s+", " ", a.group(1).lower())]), "after"
    return "exact", None


def find_mentions(
    text: str, sentences: tuple[Sentence, ...], chinese: tuple[tuple[int, int], ...] = ()
) -> tuple[Mention, ...]:
    """Every quantity of ``text`` as a :class:`Mention`, in text order (gold-format.md Layer 1, M1).

    ``sentences`` (from :func:`pairaid.core.extract.sentences.find_sentences`)
    give each mention its sentence index; the stretches ``chinese`` are read by
    :func:`pairaid.core.extract.mentions_zh.find_chinese_mentions`.  Never raises.
    """
    index: TextIndex = index_text(text)
    starts = [s.start for s in sentences]
    out: list[Mention] = []
    english, pos = [], 0
    for a, b in chinese:
        english.append((pos, a))
        pos = b
    english.append((pos, len(text)))
    for a, b in english:
        if a >= b:
            continue
        for number in find_numbers(text, a, b):
            if out and number.start < out[-1].end:
                continue  # inside the unit of the mention before it: the "2" of "186,000 m2"
            sent = max(0, bisect.bisect_right(starts, number.start) - 1)
            mention = _read_mention(text, number, index, sent)
            if mention is not None:
                out.append(mention)
    read = money_lists(text, inherit_units(text, out))
    if not chinese:
        return tuple(read)
    for a, b in chinese:
        read.extend(find_chinese_mentions(text, a, b, starts, index))
    return tuple(sorted(read, key=lambda m: m.start))


_MONEY_M_AFTER = re.compile(r"[ \t]*(?:yuan|RMB|CNY)\b", re.I)


@cache
def _scale_money() -> re.Pattern[str]:
    """Words of money ending just before a number, a qualifier between them aside (``scale_money`` of words.yaml)."""
    qualifiers = alternation([str(k).lower() for k in qualifiers_raw()["before"]], spaced=True)
    words = "|".join(word_list("scale_money"))
    return re.compile(rf"(?<![A-Za-z])(?:{words})\s*(?:(?:a\s+total\s+of|{qualifiers})\s+)?$", re.I)


def _metres(text: str, start: int, end: int) -> UnitMatch | None:
    """The one-letter unit of length after the number from ``start`` to ``end`` ("m" of "a 850 m road",
    ``short_lengths`` of unit_words.yaml) when it is no million of money (a currency word before the number or yuan
    after the "m", words of money just before the number: "RMB 3m", "8m yuan", "invested 12.5m") and the text goes on
    after it (a page cut inside "million" ends on "m")."""
    found = short_length_at(text, end)
    if found is None or not text[found.end :].strip():
        return None
    if unit_before(text, start) is not None or _MONEY_M_AFTER.match(text, found.end) or _money_before(text, start):
        return None
    return found


def _money_before(text: str, start: int) -> bool:
    """Words of money end just before the number at ``start`` ("invested 12.5m": ``scale_money`` of words.yaml)."""
    return _scale_money().search(text, max(0, start - 50), start) is not None


def _read_mention(text: str, number: NumberMatch, index: TextIndex, sentence: int) -> Mention | None:
    start, end = number.start, number.end
    post = qualifier_words().after.match(text, end)
    np_from = post.end() if post is not None else end
    unit_match = match_unit(text, end)
    unit: str | None = None
    rule = number.rule
    value, value_high = number.value, number.value_high
    if unit_match is None and number.rule in ("digits", "range") and (short := money_scale_at(text, end)) is not None:
        # "RMB12m", "CNY 3-5m", "8m yuan", "invested 12.5m": a scale abbreviated on money (never on a bare "12m",
        # a length)
        factor, short_end = short
        after = match_unit(text, short_end)
        named = (after is not None and after.unit == "CNY") or unit_before(text, start) is not None
        if named or _money_before(text, start):
            value, end = value * factor, short_end
            value_high = value_high * factor if value_high is not None else None
            unit_match, np_from = after, short_end
            rule += "+money_scale"
    if unit_match is None and "+money_scale" not in rule and (metres := _metres(text, start, end)) is not None:
        unit_match = metres  # "a 850 m road", "120m long"
    if unit_match is not None:
        unit = unit_match.unit
        if unit_match.scale != 1:  # a unit given in another (km2 -> ha): the value in the gold unit
            value = value * unit_match.scale
            value_high = value_high * unit_match.scale if value_high is not None else None
        end = unit_match.end
        np_from = end
        rule += "+unit"
    elif (before := unit_before(text, start)) is not None:
        unit, start = before  # the span starts at the currency word (gold-format.md M1)
        rule += "+rmb"
    elif rule.endswith("+money_scale"):
        unit = "CNY"  # "invested 12.5m": money by the words before it, in yuan
    phrase = noun_phrase(text, np_from)
    if phrase.hyphen_attached and unit is None:
        first = phrase.words[0][0] if phrase.words else ""
        if not is_person_noun(first):
            phrase = NounPhrase((), None, False, phrase.at_text_end, True)
    noun: str | None = None
    if unit in (None, "household", "person") and phrase.head is not None:
        noun = singular(phrase.words[phrase.head][0])
        if unit is None:
            unit = "person" if is_person_noun(noun) else "household" if noun == "household" else "count"
            rule += "+noun"
    if unit is None:
        unit = "count"
    ctx = ExclusionContext(
        has_unit=unit_match is not None or unit == "CNY",
        plural_noun=phrase.plural and phrase.head is not None and phrase.head <= 1,
        has_noun=phrase.head is not None,
        at_text_end=phrase.at_text_end and unit_match is None,
    )
    excluded = exclusion_rule(text, number, ctx, index)
    if excluded is not None:
        return None
    near_noun = phrase.head is not None and phrase.head <= 1 and post is None
    if unit in ("count", "person", "household") and near_noun and unit_match is None and phrase.head is not None:
        end = phrase.words[phrase.head][2]
    qualifier, _ = _qualifier(text, number, number.end if unit_match is None else end)
    return Mention(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        unit=unit,
        qualifier=qualifier,
        rule=rule,
        sentence=sentence,
        value_high=value_high,
        noun=noun if unit in ("count", "person", "household") else None,
        noun_phrase=phrase.text,
    )
