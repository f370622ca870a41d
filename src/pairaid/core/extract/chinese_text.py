"""Chinese lines of a report: which lines are Chinese, and their text normalised for matching.

* :func:`language_parts` reads each line's language: Chinese when its Chinese
  characters, counted four times (a character says about as much as four
  letters), outnumber its Latin letters; a line of neither (digits, blank,
  punctuation) goes with the line before it.
* :func:`normalise` rewrites the Chinese parts:

  - NFKC, character by character: full-width digits, letters and punctuation
    become ASCII (``１２％`` -> ``12%``, ``，`` -> ``,``), ``㎡`` -> ``m2``;
  - Traditional -> Simplified through a one-for-one character table built from
    OpenCC's ``t2s`` conversion (the official ``opencc`` package): converting
    each character alone keeps every offset, so spans map back trivially, and
    matching needs only the characters (``萬`` -> ``万``, ``縣`` -> ``县``);
  - pinyin garble after a character (``個(gè)``, ``萬（wàn）``) and mojibake
    (``\\ufffd``, a ``?`` or a stray Greek, Cyrillic or Latin-1 letter between
    Chinese characters) are dropped, so ``600萬(wàn)元`` reads ``600万元``;
  - a single space inside a figure (``选派 93名 干部``, ``投入 1.2 亿元``; the ``inner_spaces`` rules of
    ``data/unit_words.yaml``) is dropped, so the figure reads as if written together.

  English parts are left as they are.  The result keeps, for each character,
  the offset of the original character it comes from.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterator
from functools import cache

__all__ = ["HAN", "has_chinese", "language_parts", "main_language", "normalise", "read_languages", "simplified"]

#: A Chinese character (CJK unified ideographs, extension A, compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")
_HAN_RUN = re.compile(f"[{HAN}]+")
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_LINE = re.compile(r"[^\n]*\n?")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_STRAY = "\u00a1-\u00ff\u0370-\u03ff\u0400-\u04ff"  # Latin-1 supplement, Greek, Cyrillic
# pinyin in brackets straight after a character, with at least one tone mark: "個(gè)", "萬（wàn）"
_GARBLE = (
    rf"(?<=[{HAN}])[(（][a-zü{_TONED}]{{0,6}}[{_TONED}][a-zü{_TONED}]{{0,6}}[)）]"
    rf"|(?<=[{HAN}])\?[a-zü{_TONED}]{{0,6}}[{_TONED}][a-zü{_TONED}]{{0,6}}\)"  # its "(" lost: "輪?wèn)"
    rf"|\ufffd+"
    rf"|(?<=[{HAN}])[?{_STRAY}]+(?=[{HAN}])"
    rf"|(?<=[{HAN}])\?(?=[{_STRAY}])"
)


def has_chinese(text: str) -> bool:
    """True when ``text`` holds at least one Chinese character."""
    return _HAN_RE.search(text) is not None


def simplified(text: str) -> str:
    """``text`` with Traditional characters made Simplified, one for one (and NFKC where it gives one character)."""
    return _one_for_one(text)


def _count(run: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the runs of ``run`` hold (runs, not characters, are made: fewer objects)."""
    return sum(map(len, run.findall(text)))


def main_language(text: str) -> str:
    """``zh`` when the Chinese characters of ``text``, counted four times, outnumber its Latin letters (counted
    only until they match them: an English report with a few Chinese names is read no further)."""
    most = _count(_HAN_RUN, text) * 4
    latin = 0
    for run in _LATIN_RUN.finditer(text):
        latin += run.end() - run.start()
        if latin >= most:
            return "en"
    return "zh"


def language_parts(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, language)`` runs of whole lines of ``text``, in order, covering it."""
    return read_languages(text)[0]


def read_languages(text: str) -> tuple[list[tuple[int, int, str]], str]:
    """:func:`language_parts` of ``text`` and its :func:`main_language`, from one look at each line (its Chinese
    characters and Latin letters counted only when it holds both; the Chinese characters of the text counted
    once, and those of the lines without Chinese only as long as they may decide the language)."""
    parts: list[tuple[int, int, str]] = []
    pending = 0  # start of lines of no language waiting for one
    latin = 0  # the Latin letters of the lines with Chinese characters
    spaced: list[str] = []  # the lines of Latin letters and no Chinese character
    for m in _LINE.finditer(text):
        if m.start() == len(text):
            break
        line = m.group()
        if _HAN_RE.search(line) is None:
            if _LATIN.search(line) is None:
                continue
            lang = "en"
            spaced.append(line)
        elif _LATIN.search(line) is None:
            lang = "zh"
        else:
            line_han, line_latin = _count(_HAN_RUN, line), _count(_LATIN_RUN, line)
            lang = "zh" if line_han * 4 > line_latin else "en"
            latin += line_latin
        if parts and parts[-1][2] == lang:
            parts[-1] = (parts[-1][0], m.end(), lang)
        else:
            if parts:
                parts[-1] = (parts[-1][0], m.start(), parts[-1][2])
            parts.append((pending if not parts else m.start(), m.end(), lang))
        pending = m.end()
    # main_language: "en" once the Latin letters reach the Chinese characters counted four times (with no
    # Latin letter at all, a text of Chinese characters is Chinese and one of neither is too)
    han = _count(_HAN_RUN, text) if latin or spaced else 0
    for line in spaced:
        if latin >= han * 4:
            break
        latin += _count(_LATIN_RUN, line)
    main = "en" if (latin or spaced) and latin >= han * 4 and (han or spaced) else "zh"
    if not parts:
        return [(0, len(text), "en")], main
    parts[-1] = (parts[-1][0], len(text), parts[-1][2])
    return parts, main


@cache
def _tables() -> tuple[dict[int, str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The one-for-one table (NFKC where it gives one character, then Traditional -> Simplified),
    the pattern of what is rewritten otherwise (garble, mojibake, NFKC of several characters),
    the characters every match of that pattern starts with, and the runs of characters the table changes."""
    import opencc

    table: dict[int, str] = {}
    multi: list[str] = []
    for code in range(0x20, 0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        norm = unicodedata.normalize("NFKC", char)
        if norm == char:
            continue
        if len(norm) == 1:
            table[code] = norm
        elif norm:
            multi.append(char)
    han = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000))]
    simplified = opencc.OpenCC("t2s").convert("\n".join(han)).split("\n")
    for trad, simp in zip(han, simplified, strict=True):
        if trad != simp and len(simp) == 1:
            table[ord(trad)] = simp
    for code, norm in list(table.items()):  # a full-width Traditional form: NFKC, then Simplified
        again = table.get(ord(norm))
        if again is not None:
            table[code] = again
    several = "".join(re.escape(c) for c in multi)
    changed = re.compile(f"[{''.join(re.escape(chr(c)) for c in sorted(table))}]+")
    rewrite = re.compile(f"{_GARBLE}|(?P<nfkc>[{several}])|{inner_spaces()}")
    return table, rewrite, re.compile(f"[ (（?\ufffd{_STRAY}{several}]"), changed


@cache
def inner_spaces() -> str:
    """The alternation of the ``inner_spaces`` rules of ``data/unit_words.yaml`` (``zh``): a space standing inside
    a figure ("选派 93名 干部", "投入 1.2 亿元"), dropped when a Chinese line is normalised."""
    from pairaid.core.data_files import read_yaml

    raw = read_yaml("unit_words.yaml")["zh"]
    units = "|".join(str(entry["pattern"]) for entry in raw["units"])
    return "|".join(f"(?:{str(rule['pattern']).replace('{unit}', units)})" for rule in raw["inner_spaces"])


def _one_for_one(text: str) -> str:
    """``text`` through the one-for-one table: the regex engine finds the runs the table changes (a few
    full-width marks on a Simplified page), each translated alone; translating every character is slower."""
    table, _, _, changed = _tables()
    return changed.sub(lambda run: run.group().translate(table), text)


def _rewrites(
    rewrite: re.Pattern[str], opening: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """The matches of ``rewrite.finditer(text, start, end)``, tried only where one can start (``opening``:
    a plain class of characters, which the regex engine scans for quickly)."""
    pos = start
    for c in opening.finditer(text, start, end):
        if c.start() < pos:
            continue
        m = rewrite.match(text, c.start(), end)
        if m is not None:
            yield m
            pos = m.end()


def normalise(
    text: str, parts: list[tuple[int, int, str]]
) -> tuple[str, array[int] | None, list[tuple[int, int, str]]]:
    """The text with its Chinese ``parts`` normalised (module docstring); the original offset of each of its
    characters followed by ``len(text)`` (``None`` when nothing changed length); and ``parts`` in its offsets."""
    table, rewrite, opening, converts = _tables()
    pieces: list[str] = []
    runs: list[range | list[int]] = []  # the original offsets of the new text, run by run
    moved: list[tuple[int, int, str]] = []
    changed = False
    pos = 0
    size = 0  # length of the new text so far
    for start, end, lang in parts:
        if lang != "zh":
            pieces.append(text[start:end])
            runs.append(range(start, end))
            moved.append((size, size + end - start, lang))
            size += end - start
            continue
        first = size
        pos = start
        # one for one, so the part converted at once gives each piece between rewrites as a slice; a part with a
        # Traditional character translated whole (one call, where the runs of a Traditional page are many)
        part = text[start:end]
        converted = part.translate(table) if converts.search(part) is not None else part
        for m in _rewrites(rewrite, opening, text, start, end):
            if pos < m.start():
                pieces.append(converted[pos - start : m.start() - start])
                runs.append(range(pos, m.start()))
                size += m.start() - pos
            new = unicodedata.normalize("NFKC", m.group()).translate(table) if m.lastgroup == "nfkc" else ""
            pieces.append(new)
            runs.append([m.start()] * len(new))
            size += len(new)
            changed = True
            pos = m.end()
        if pos < end:
            pieces.append(converted[pos - start :])
            runs.append(range(pos, end))
            size += end - pos
        moved.append((first, size, lang))
    if not changed:
        return "".join(pieces), None, moved
    origin = array("l")
    for run in runs:
        origin.extend(run)
    origin.append(len(text))
    return "".join(pieces), origin, moved
