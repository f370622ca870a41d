"""Numbers written the Chinese way (gold-format.md Z1), in the normalised text of Chinese lines.

:func:`find_chinese_numbers` returns each number of a stretch of text as a
:class:`~pairaid.core.numbers.NumberMatch`, the record English numbers use:

* digits with a scale: ``7580万`` -> 75800000, ``4.5亿``, ``1亿3500万`` -> 135000000,
  ``5千`` -> 5000, read in :class:`~decimal.Decimal`;
* numerals (``三千二百``, ``两``, ``八千六百万``, ``十一点五``) through cn2an, the
  maintained converter of Chinese numerals; bare ``百``/``千`` (``百名`` = 100) and
  neighbouring digits (``三四十`` = 30-40, ``七八`` = 7-8: a range) are read here, as
  cn2an refuses both, and so are digits with a scale, which need no library and stay
  in Decimal (cn2an goes through float for decimals);
* ``百分之十一点五`` -> 11.5 (rule ``percent_of``, unit percent) and ``八成`` -> 80
  (rule ``tenths``);
* a qualifier inside the number (``1000多万``, ``3.2余万``, ``7亿多``) sets
  ``qualifier`` to ``more_than`` and stays inside the span;
* ranges ``3至5万`` (30000-50000), ``500-800``: one match, the lower bound taking
  the upper bound's scale.

Which numbers are quantities is decided by the mention step; words live in
``data/number_words.yaml`` (section ``zh``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Context, Decimal
from functools import cache
from typing import Any

from pairaid.core.data_files import read_yaml
from pairaid.core.numbers import NumberMatch

__all__ = ["ChineseNumbers", "chinese_numbers", "find_chinese_numbers", "numeral_value"]

_WIDE = Context(prec=200)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


@dataclass(frozen=True)
class ChineseNumbers:
    """``data/number_words.yaml`` section ``zh``, compiled."""

    pattern: re.Pattern[str]
    range_join: re.Pattern[str]
    digits: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, int]
    inside: frozenset[str]
    numerals: str
    point: str
    has_inside: re.Pattern[str]  # a qualifier character inside a number
    has_numeral: re.Pattern[str]  # a numeral in characters


@cache
def chinese_numbers() -> ChineseNumbers:
    """Load and compile the Chinese section of ``data/number_words.yaml`` (cached)."""
    raw: Any = read_yaml("number_words.yaml")
    zh = raw["zh"]
    numerals = str(zh["numerals"])
    digits = {str(k): int(v) for k, v in zh["digits"].items()}
    multipliers = {str(k): int(v) for k, v in zh["digit_multipliers"].items()}
    scales = {str(k): int(v) for k, v in zh["scales"].items()}
    quals = read_yaml("qualifiers.yaml")
    inside = frozenset(str(k) for k in quals["zh"]["inside"])
    ins = "".join(sorted(inside))
    scale = "".join(scales)
    digit_chars = "".join(k for k in digits if k not in "零〇")
    numeral = rf"[{numerals}]+(?:{zh['point']}[{''.join(digits)}]+)?"
    part = rf"(?:{_DIGITS}(?:[{''.join(multipliers)}](?![米克瓦]))?|{numeral})"
    # a numeral of its own after the last scale: "两万一千", "一万二千余"
    whole = rf"[{digit_chars}零]?[{digit_chars}][{''.join(multipliers)}十][{numerals}]*"
    tenths_not = str(zh["tenths_not_before"])
    bare_after = re.escape(str(zh["bare_scale_after"]))
    lead = rf"(?=[\d{numerals}{scale}])"  # the engine tries the rest only where a number can start
    pattern = re.compile(
        rf"{lead}(?:(?P<percent_of>{zh['percent_of']}(?P<pct>{_DIGITS}|{numeral}))"
        rf"|(?P<tenths>(?:\d|10|[{digit_chars}])(?:[{ins}])?){zh['tenths']}(?![{tenths_not}])"
        rf"|(?<![\d.])(?<!\d,)(?P<number>(?:{part}|(?<=[{bare_after}])[{scale}])(?:[{ins}])?"
        rf"(?:[{scale}]+(?:零?{part}(?:[{ins}])?[{scale}]+)*(?:{whole})?)?(?:[{ins}])?)(?![\d]))"
    )
    joins = "|".join(re.escape(str(j)) for j in zh["range_joins"])
    return ChineseNumbers(
        pattern=pattern,
        range_join=re.compile(rf"\s*(?:{joins})\s*"),
        digits=digits,
        multipliers=multipliers,
        scales=scales,
        inside=inside,
        numerals=numerals,
        point=str(zh["point"]),
        has_inside=re.compile(f"[{re.escape(ins)}]"),
        has_numeral=re.compile(f"[{re.escape(numerals)}]"),
    )


def numeral_value(numeral: str) -> Decimal | None:
    """The value of a numeral in Chinese characters, mixed with digits or not (``三千二百`` -> 3200,
    ``1亿3500万`` -> 135000000, ``十一点五`` -> 11.5), or ``None`` when it is no well-formed number."""
    cz = chinese_numbers()
    if numeral in cz.multipliers:  # "百名", "上万人次": cn2an reads no bare multiplier
        return Decimal(cz.multipliers[numeral])
    if numeral in cz.scales:
        return Decimal(cz.scales[numeral])
    if cz.has_numeral.search(numeral) is None:
        return _digits_value(numeral, cz)
    if cz.point in numeral or numeral[0] in cz.multipliers:
        return _segments_value(numeral, cz)  # "四点六亿", "百亿": cn2an reads neither
    return _cn2an(numeral)


def _segments_value(numeral: str, cz: ChineseNumbers) -> Decimal | None:
    """A numeral read as runs of numerals each followed by its scales, summed: "四点六亿" = 4.6 x 10^8."""
    total = Decimal(0)
    for m in re.finditer(rf"([^{''.join(cz.scales)}]+)([{''.join(cz.scales)}]*)", numeral):
        head = m.group(1)
        value = Decimal(cz.multipliers[head]) if head in cz.multipliers else _cn2an(head)
        if value is None:
            return None
        for s in m.group(2):
            value = _WIDE.multiply(value, Decimal(cz.scales[s]))
        total += value
    return total


@cache
def _cn2an(numeral: str) -> Decimal | None:
    import cn2an

    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return Decimal(str(value))


def _digits_value(text: str, cz: ChineseNumbers) -> Decimal | None:
    """Digits with scales: each run of digits times the scales written after it, summed ("1亿3500万")."""
    if text.isdigit():
        return Decimal(text)
    head, tail = text[:-1], text[-1:]
    if tail in cz.scales and head.replace(".", "", 1).isdigit():  # "7.74亿": the usual case, read at once
        return _WIDE.multiply(Decimal(head), Decimal(cz.scales[tail]))
    total = Decimal(0)
    for m in re.finditer(rf"({_DIGITS})([{''.join(cz.multipliers)}]?)([{''.join(cz.scales)}]*)", text):
        if not m.group(0):
            continue
        value = Decimal(m.group(1).replace(",", ""))
        factor = cz.multipliers.get(m.group(2), 1) if m.group(2) else 1
        for s in m.group(3):
            factor *= cz.scales[s]
        total += _WIDE.multiply(value, Decimal(factor))
    return total


def _neighbour_range(core: str, cz: ChineseNumbers) -> tuple[Decimal, Decimal] | None:
    """``三四十`` -> (30, 40), ``七八`` -> (7, 8): two neighbouring digits, then multipliers and scales."""
    if len(core) < 2 or core[0] not in cz.digits or core[1] not in cz.digits:
        return None
    low, high = cz.digits[core[0]], cz.digits[core[1]]
    if high != low + 1 or low == 0:
        return None
    factor = 1
    for c in core[2:]:
        if c == "十":
            factor *= 10
        elif c in cz.multipliers:
            factor *= cz.multipliers[c]
        elif c in cz.scales:
            factor *= cz.scales[c]
        else:
            return None
    return Decimal(low * factor), Decimal(high * factor)


def _read(m: re.Match[str], cz: ChineseNumbers) -> NumberMatch | None:
    kind = m.lastgroup
    if kind == "number":
        text = m.group("number")
        if text.isdigit():  # the usual case, read at once: plain digits ("2019", "12")
            return NumberMatch(m.start(), m.end(), text, Decimal(text), None, False, "digits", None, True)
    if m.group("percent_of"):
        value = numeral_value(m.group("pct"))
        if value is None:
            return None
        return NumberMatch(m.start(), m.end(), m.group(), value, None, True, "percent_of")
    if m.group("tenths"):
        raw = m.group("tenths")
        qualifier = "more_than" if raw[-1] in cz.inside else None
        digit = raw.rstrip("".join(cz.inside))
        value = numeral_value(digit)
        if value is None or value > 10:
            return None
        return NumberMatch(m.start(), m.end(), m.group(), value * 10, None, True, "tenths", qualifier)
    text = m.group("number")
    core = "".join(c for c in text if c not in cz.inside) if cz.has_inside.search(text) else text
    qualifier = "more_than" if len(core) < len(text) else None
    words = cz.has_numeral.search(core) is not None
    pair = _neighbour_range(core, cz) if words else None
    if pair is not None:
        return NumberMatch(m.start(), m.end(), text, pair[0], pair[1], True, "range", qualifier)
    value = numeral_value(core)
    if value is None:
        return None
    scaled = any(c in cz.scales for c in core)
    rule = ("words_scale" if scaled else "words") if words else ("cjk_scale" if scaled else "digits")
    plain = rule == "digits" and "," not in core and "." not in core
    return NumberMatch(m.start(), m.end(), text, value, None, words, rule, qualifier, plain)


def find_chinese_numbers(text: str, start: int = 0, end: int | None = None) -> tuple[NumberMatch, ...]:
    """Every number of ``text[start:end]`` written the Chinese way, in order, ranges joined; spans index ``text``."""
    cz = chinese_numbers()
    stop = len(text) if end is None else end
    found = [n for m in cz.pattern.finditer(text, start, stop) if (n := _read(m, cz)) is not None]
    out: list[NumberMatch] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and cur.rule in ("digits", "words", "cjk_scale", "words_scale")
            and nxt.rule in ("digits", "words", "cjk_scale", "words_scale")
            and cz.range_join.fullmatch(text, cur.end, nxt.start)
            and cur.qualifier is None
        ):
            low = cur.value
            if cur.rule in ("digits", "words") and nxt.rule in ("cjk_scale", "words_scale"):
                low = _WIDE.multiply(cur.value, _scale_of(nxt.text, cz))
            if low < nxt.value:
                joined = NumberMatch(
                    cur.start, nxt.end, text[cur.start : nxt.end], low, nxt.value, cur.words, "range", nxt.qualifier
                )
                out.append(replace(joined, plain=cur.plain and nxt.plain))
                i += 2
                continue
        out.append(cur)
        i += 1
    return tuple(out)


def _scale_of(text: str, cz: ChineseNumbers) -> Decimal:
    """The scale written at the end of a number ("5万" -> 10000, "3.2亿" -> 100000000)."""
    factor = 1
    for c in reversed(text.rstrip("".join(cz.inside))):
        if c not in cz.scales:
            break
        factor *= cz.scales[c]
    return Decimal(factor)
