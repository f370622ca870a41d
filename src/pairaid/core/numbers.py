"""Numbers in report text: digits, number words, scale words, ranges.

One public function, :func:`find_numbers`, turns a text into the numbers it
contains, each with its character span and the name of the rule that read it.
It never raises on messy text and returns values as :class:`~decimal.Decimal`.

What is read (gold-format.md, Layer 1 and the ``value`` / ``value_high`` fields):

* digits with or without thousands separators and decimals: ``4,456``,
  ``1.574``, ``38755``; digits glued to a word before them (``up3.8``);
* scale words after digits or words: ``1.574 billion`` -> 1574000000,
  ``75.80 million``, ``one million``; Chinese ``万`` / ``亿`` after digits;
* number words one ... ninety-nine with ``hundred`` (``ten``, ``twenty-one``,
  ``two hundred``) and ``a dozen`` (qualifier ``about``);
* ranges ``12-16``, ``500-1,000``, ``1997~1999``, ``three to five``: one match
  with ``value`` the lower and ``value_high`` the upper bound.

Which of these numbers are quantities (and not years, ordinals, list numbers
...) is decided later by :mod:`pairaid.core.extract.exclusions`; the unit by
:mod:`pairaid.core.units`.  Word lists live in ``data/number_words.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal
from functools import cache

from pairaid.core.data_files import read_yaml
from pairaid.core.records import quick_init

__all__ = ["NumberMatch", "find_numbers", "format_decimal", "money_scale_at", "number_words"]


# scale words on long digit strings must not round ("99999999999999999999999999999 million")
_WIDE = Context(prec=200)


@quick_init
@dataclass(frozen=True)
class NumberMatch:
    """A number found in text.

    ``start``/``end`` are ``str`` offsets (end exclusive) covering the number
    and its scale word; ``value`` has the scale applied; ``value_high`` is the
    upper bound of a range, else ``None``.  ``words`` is true when the number
    is written in words.  ``rule`` names the reading rule (``digits``,
    ``digits_scale``, ``cjk_scale``, ``words``, ``words_scale``, ``fixed``,
    ``range``).  ``qualifier`` is set only by fixed phrases (``a dozen``).
    """

    start: int
    end: int
    text: str
    value: Decimal
    value_high: Decimal | None
    words: bool
    rule: str
    qualifier: str | None = None
    plain: bool = False  # digits only: no separator, decimal or scale (a possible year)


@dataclass(frozen=True)
class NumberWords:
    """The number-word lexicon of ``data/number_words.yaml``, compiled."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: tuple[tuple[re.Pattern[str], int], ...]
    cjk_scales: dict[str, int]
    fixed: tuple[tuple[re.Pattern[str], int, str], ...]
    pattern: re.Pattern[str]
    first_words: frozenset[str]


@cache
def number_words() -> NumberWords:
    """Load and compile ``data/number_words.yaml`` (cached; raises on a broken file)."""
    raw = read_yaml("number_words.yaml")
    units = {str(k): int(v) for k, v in raw["units"].items()}
    tens = {str(k): int(v) for k, v in raw["tens"].items()}
    scales = tuple((re.compile(str(s["pattern"]), re.I), int(s["factor"])) for s in raw["scales"])
    cjk = {str(k): int(v) for k, v in raw["cjk_scales"].items()}
    fixed = tuple((re.compile(str(f["pattern"]), re.I), int(f["value"]), str(f["qualifier"])) for f in raw["fixed"])
    unit_alt = "|".join(sorted(units, key=len, reverse=True))
    tens_alt = "|".join(sorted(tens, key=len, reverse=True))
    scale_alt = "|".join(f"(?:{p.pattern})" for p, _ in scales)
    word = rf"(?:(?:{tens_alt})(?:[-\s](?:{unit_alt}))?|{unit_alt})"
    word_number = rf"{word}(?:\s+hundred(?:\s+(?:and\s+)?{word})?)?"
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    cjk_alt = "".join(cjk)
    fixed_alt = "|".join(f"(?:{p.pattern})" for p, _, _ in fixed)
    pattern = re.compile(
        rf"(?P<fixed>\b(?:{fixed_alt})\b)"
        rf"|(?:(?<![\d.,/\\])|(?<=[^\d]\.\.\.))(?P<digits>{digits})(?![\d])"  # a dotted leader: "funds...42.5"
        rf"(?:(?P<cjk>[{cjk_alt}])|(?P<dscale>\s*(?:{scale_alt}))\b)?"
        rf"|(?P<words>\b{word_number}\b)(?P<wscale>\s+(?:{scale_alt})\b)?",
        re.I,
    )
    first_words = (
        frozenset(units) | frozenset(tens) | frozenset(str(f["pattern"]).split("\\")[0].lower() for f in raw["fixed"])
    )
    return NumberWords(units, tens, scales, cjk, fixed, pattern, first_words)


@cache
def _money_scales() -> tuple[re.Pattern[str], dict[str, int]]:
    raw = read_yaml("number_words.yaml")
    factors = {str(k): int(v) for k, v in raw["money_scales"].items()}
    alt = "|".join(re.escape(k) for k in sorted(factors, key=len, reverse=True))
    return re.compile(rf"[ \t]?({alt})(?![A-Za-z0-9²³])"), factors


def money_scale_at(text: str, pos: int) -> tuple[int, int] | None:
    """The factor and end of a one-letter scale of money written at ``pos`` ("m" of "RMB12m", "k" of "CNY 450k";
    ``money_scales`` of ``data/number_words.yaml``), or ``None``: the caller decides that the number is money."""
    pat, factors = _money_scales()
    m = pat.match(text, pos)
    return None if m is None else (factors[m.group(1)], m.end())


def format_decimal(value: Decimal) -> str:
    """Render a value as a plain decimal string (``"1574000000"``, ``"7.01"``), never exponent form."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text


def _scale_factor(text: str, nw: NumberWords) -> int:
    phrase = text.strip()
    for pat, f in nw.scales:  # a scale of several words ("ten thousand", "hundred million") first
        if pat.fullmatch(phrase):
            return f
    factor = 1
    for piece in re.split(r"\s+", text.strip().lower()):
        for pat, f in nw.scales:
            if pat.fullmatch(piece):
                factor *= f
                break
    return factor


def _word_value(text: str, nw: NumberWords) -> int:
    total = 0
    current = 0
    for piece in re.split(r"[\s-]+", text.lower()):
        if piece in nw.units:
            current += nw.units[piece]
        elif piece in nw.tens:
            current += nw.tens[piece]
        elif piece == "hundred":
            current = max(current, 1) * 100
        elif piece == "and":
            continue
    total += current
    return total


def _read(m: re.Match[str], nw: NumberWords) -> NumberMatch:
    text = m.group(0)
    if m.group("fixed"):
        for pat, fixed_value, qual in nw.fixed:
            if pat.fullmatch(m.group("fixed")):
                return NumberMatch(m.start(), m.end(), text, Decimal(fixed_value), None, True, "fixed", qual)
    if m.group("digits"):
        value = Decimal(m.group("digits").replace(",", ""))
        if m.group("cjk"):
            return NumberMatch(
                m.start(),
                m.end(),
                text,
                _WIDE.multiply(value, Decimal(nw.cjk_scales[m.group("cjk")])),
                None,
                False,
                "cjk_scale",
            )
        if m.group("dscale"):
            factor = _scale_factor(m.group("dscale"), nw)
            return NumberMatch(
                m.start(), m.end(), text, _WIDE.multiply(value, Decimal(factor)), None, False, "digits_scale"
            )
        plain = "," not in m.group("digits") and "." not in m.group("digits")
        return NumberMatch(m.start(), m.end(), text, value, None, False, "digits", plain=plain)
    value = Decimal(_word_value(m.group("words"), nw))
    if m.group("wscale"):
        factor = _scale_factor(m.group("wscale"), nw)
        return NumberMatch(m.start(), m.end(), text, _WIDE.multiply(value, Decimal(factor)), None, True, "words_scale")
    return NumberMatch(m.start(), m.end(), text, value, None, True, "words")


_RANGE_JOIN = re.compile(r"\s*[-–~～—]\s*|\s+to\s+")


def find_numbers(text: str, start: int = 0, end: int | None = None) -> tuple[NumberMatch, ...]:
    """Every number in ``text`` (or in ``text[start:end]``), in order, ranges joined into one match.

    Returns a tuple of :class:`NumberMatch` with spans into ``text``.  A range
    whose lower bound has no scale word takes the scale of the upper one
    ("3-5 million" -> 3000000-5000000).  Never raises.
    """
    nw = number_words()
    found = [_read(m, nw) for m in _scan(text, nw, start, len(text) if end is None else end)]
    out: list[NumberMatch] = []
    i = 0
    while i < len(found):
        cur = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            join = _RANGE_JOIN.fullmatch(text, cur.end, nxt.start)
            if join and cur.words == nxt.words and cur.value < nxt.value * 1000 and _range_ok(cur, nxt, text):
                low = cur.value
                if cur.rule in ("digits", "words") and nxt.rule in ("digits_scale", "words_scale", "cjk_scale"):
                    bare = _bare(nxt, text, nw)
                    factor = _WIDE.divide(nxt.value, bare) if bare else Decimal(1)
                    low = _WIDE.multiply(cur.value, factor)
                if low < nxt.value:
                    out.append(
                        NumberMatch(
                            cur.start,
                            nxt.end,
                            text[cur.start : nxt.end],
                            low,
                            nxt.value,
                            cur.words,
                            "range",
                            plain=cur.plain and nxt.plain,
                        )
                    )
                    i += 2
                    continue
        out.append(cur)
        i += 1
    return tuple(out)


@cache
def _starts(words: frozenset[str]) -> re.Pattern[str]:
    """Where a number can start, in one pass of the regex engine over the text: a digit not inside
    another number (the digit first, then a look back at the character before it), or one of
    ``words`` as a whole word (led by a class of their first letters, which rejects most
    characters in one step)."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    firsts = "".join(sorted({re.escape(w[0]) for w in words if w}))
    word = rf"(?=[{firsts}])(?<![A-Za-z])(?:{alts})(?![A-Za-z])" if firsts else r"(?!)"
    # any digit (full-width too), after a dotted leader too ("funds......42.5"); ASCII words
    return re.compile(rf"\d(?:(?<![\d.,/\\]\d)|(?<=[^\d]\.\.\.\d))|(?a:{word})", re.I)


def _scan(text: str, nw: NumberWords, start: int, end: int) -> list[re.Match[str]]:
    """Matches of the number pattern, tried only where a number can start (a digit, a number word).

    Trying the whole pattern at every character is several times slower than
    finding the few places where it can match.
    """
    out: list[re.Match[str]] = []
    last_end = -1
    for lead in _starts(nw.first_words).finditer(text, start, end):
        pos = lead.start()
        if pos < last_end:
            continue
        m = nw.pattern.match(text, pos, end)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


_YEAR_IN = re.compile(r"\b(?:in|of|for)\s+$", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\b(?:rose|risen|rising|increas\w*|grew|grown|growing|climb\w*|jump\w*|went|gone|fell|fallen|falling|"
    r"dropp?\w*|declin\w*|decreas\w*|reduc\w*|cut|up|down|expand\w*|rais\w*|lift\w*|improv\w*|boost\w*|"
    r"doubl\w*|tripl\w*|soar\w*|surg\w*|shr[iau]nk\w*|moved?|changed?)\s+(?:[\w-]+\s+){0,3}?from)\s+$",
    re.I,
)


def _range_ok(low: NumberMatch, high: NumberMatch, text: str) -> bool:
    # "to" joins only numbers written the same way and close together ("3 to 5"),
    # never "from 10 counties to 14"; a dash between words is a compound ("one-for-one").
    # "fell by 0.8 million to 4.3 million" and "rose from 3 to 5" are a change and a new level.
    between = text[low.end : high.start]
    if "to" in between and _YEAR_IN.search(text, max(0, low.start - 4), low.start) and _YEAR.fullmatch(low.text):
        return False  # "from 2,100 in 2018 to 3,500 people": a year, then the new level
    if low.words and "-" in between:
        return False
    if "to" in between and _YEAR.fullmatch(low.text) and not _YEAR.fullmatch(high.text):
        return False  # "homes built since 2011 to 24,800": a year, then the new level
    if "to" in between and _CHANGE_BEFORE.search(text, max(0, low.start - 50), low.start):
        return False
    return high.start - low.end <= 4


def _bare(m: NumberMatch, text: str, nw: NumberWords) -> Decimal:
    inner = nw.pattern.match(text, m.start)
    if inner is None:  # pragma: no cover - the match was produced by the same pattern
        return Decimal(1)
    if inner.group("digits"):
        return Decimal(inner.group("digits").replace(",", ""))
    return Decimal(_word_value(inner.group("words") or "1", nw))
