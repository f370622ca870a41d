"""Step 1: split a report into its title and sections.

Headings are found by these rules (each section records the rule's name):

* ``title``: the first non-empty line when it is short and is not a sentence
  ("Zhejiang-Sichuan Pairing-off Poverty Alleviation");
* ``bracket``: ``【Overview】`` headings, with or without text after them;
* ``own_line``: a short line without final punctuation, standing alone above
  a paragraph, maybe after a list number ("1. Linxi County"), or of a few words ending in a colon
  ("Linxi County:");
* ``glued``: a heading written straight into its paragraph without a space
  ("Entire Village AdvancementIn 2014, ...": a lower-case letter directly
  followed by a capital near the start of a paragraph).
"""

from __future__ import annotations

import re

from pairaid.core.extract.model import Section
from pairaid.core.extract.regex_leads import led_pattern

__all__ = ["find_sections", "title_line"]

_BRACKET = re.compile(r"【([^】\n]{1,120})】")
_GLUED = re.compile(r"[ \t]*([A-Z][A-Za-z’'&,\- ]{2,90}?[a-z])(?=[A-Z][a-z])")
_SENTENCE_END = re.compile(r"[.;:!?。；：]\s*$")


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a full date: "2012-11-20", "2012/11/20", "Nov 20, 2012", "20 November 2012"
_FULL_DATE = led_pattern(
    re.compile(
        rf"\b(?:19|20)\d\d[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b|\b{_MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b"
        rf"|\b\d{{1,2}}\s+{_MONTHS}\s+(?:19|20)\d\d\b"
    )
)
# "Updated: ...", "By staff reporter | ...", "Source: ...": a byline or dateline, not the title
_BYLINE = re.compile(r"^\W*(?:updated|published|posted|released|source|by\s+(?:staff|our|an?\s)|date)\b", re.I)


def _dateline(line: str) -> bool:
    """Whether a line is a date or byline line above the title ("2012-11-20  Anhe Daily", "Updated: ...")
    rather than the title itself: a byline lead, or a full date with at most five other words."""
    if _BYLINE.match(line):
        return True
    m = _FULL_DATE.search(line)
    return m is not None and len((line[: m.start()] + " " + line[m.end() :]).split()) <= 5


def title_line(text: str) -> tuple[int, int] | None:
    """Span of the title: the first non-empty line if short (< 160 chars, no final stop), else ``None``; date
    and byline lines above it ("2012-11-20  Anhe Daily", "Updated: 2012-11-20") are skipped (up to three)."""
    m = re.match(r"\s*([^\n]+)", text)
    for _ in range(3):
        if m is None or not _dateline(m.group(1)):
            break
        m = re.compile(r"\s*([^\n]+)").match(text, m.end(1))
    if m is None:
        return None
    line = m.group(1).rstrip()
    if len(line) > 160 or _SENTENCE_END.search(line) or line.startswith("【"):
        return None
    return m.start(1), m.start(1) + len(line)


# a heading's list number ("1. Linxi County", "(2) Heping County", "3) Schools"): the heading is the words after it
_LIST_NUMBER = re.compile(r"(?:\d{1,2}[.)、]|[(（]\d{1,2}[)）])\s*(?=[A-Z])")
# a short heading ending in a colon alone on its line ("Linxi County:"): a name or a topic of at most five words
_COLON_HEADING = re.compile(r"[A-Z][\w’'-]*(?:\s+[\w’'&-]+){0,4}\s*[:：]")
_COLON_HEADING_LENGTH = 60


def _is_own_line_heading(line: str) -> bool:
    words = line.split()
    if line[-1:] in ":：" and len(line) <= _COLON_HEADING_LENGTH and _COLON_HEADING.fullmatch(line):
        return True
    line = line[m.end() :] if (m := _LIST_NUMBER.match(line)) is not None else line
    return (
        0 < len(words) <= 10
        and line[:1].isupper()
        and not _SENTENCE_END.search(line)
        and not re.search(r"\d{3,}|[,，]", line)
    )


def find_sections(text: str) -> tuple[Section, ...]:
    """The sections of ``text`` in order: heading text, body span and the rule that found the heading.

    Text before the first heading is a section with heading ``""`` (rule
    ``none``) when it is not empty.  Never raises.
    """
    heads: list[tuple[int, int, str, str]] = []  # (heading start, body start, heading, rule)
    title = title_line(text)
    if title is not None:
        heads.append((title[0], title[1], text[title[0] : title[1]], "title"))
    for m in _BRACKET.finditer(text):
        heads.append((m.start(), m.end(), m.group(1).strip(), "bracket"))
    pos = 0
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        stripped = line.strip()
        if not stripped or (title is not None and start <= title[0] < pos) or "【" in stripped:
            continue
        if _is_own_line_heading(stripped) and pos < len(text):
            lead = start + len(line) - len(line.lstrip())
            heads.append((lead, pos, stripped, "own_line"))
            continue
        g = _GLUED.match(line)
        if g is not None and len(g.group(1).split()) <= 8:
            heads.append((start + g.start(1), start + g.end(1), g.group(1).strip(), "glued"))
    heads.sort()
    sections: list[Section] = []
    first = heads[0][0] if heads else len(text)
    if text[:first].strip():
        sections.append(Section("", 0, first, "none"))
    for i, (_, body, heading, rule) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        sections.append(Section(heading, body, max(body, end), rule))
    return tuple(sections)
