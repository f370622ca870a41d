"""A report's summary: one paragraph per theme, written from its headline totals in the report's
language, with the wording of ``data/narrative.yaml``; editable before export.

``pairaid report --narrative-out FILE`` writes the paragraphs to a text file (a ``## heading`` line before
each, the theme's title in the report's language; the theme's code is read back too); after editing,
``--narrative FILE`` puts the edited paragraphs in the report (:func:`narrative_read`). A theme left out of
the file keeps its generated paragraph; an empty one drops it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pairaid.core.errors import InputError
from pairaid.reports.context import ReportValue
from pairaid.reports.labels import say, wording


def _joined(items: list[str], language: str) -> str:
    words = wording("narrative")
    glue, last = say(words["glue"], language), say(words["last_glue"], language)
    return items[0] if len(items) == 1 else glue.join(items[:-1]) + last + items[-1]


def _capital(text: str) -> str:
    """``text`` opening a sentence: its first letter a capital (Chinese unchanged)."""
    return text[:1].upper() + text[1:]


def _rank(value: ReportValue, unit: str | None) -> tuple[bool, bool]:
    """Which of an indicator's totals the summary says: the one in the codelist's unit, then the year's
    (not the stock at its end)."""
    return (value.unit != unit, value.period_kind != "year")


def _inside(part: ReportValue, whole: ReportValue) -> bool:
    """Whether ``part`` is said "of which" of ``whole``: of the same period kind, and resting on the pairings
    the whole rests on (a value that says none, one written by hand, is taken as inside)."""
    if part.period_kind != whole.period_kind:
        return False
    return not (part.reaches or whole.pairings) or whole.holds(part)


def narrative(
    *, headline: list[ReportValue], year: int, who: str | None, language: str, units: Mapping[str, str] | None = None
) -> dict[str, str]:
    """One paragraph per theme with a headline total (theme → text), in theme order; ``who``: the
    donor side's name (None in the overview: the donor provinces and cities). ``units``: each indicator's
    unit in the codelist; of an indicator told in two units (leaders' visits in persons and in
    person-times), the total in the codelist's unit is said, else the first; of one told as the year's and
    as a stock at its end, the year's. A part is said "of which" of its whole only when it rests on the
    whole's pairings (:func:`_inside`) and the parts are not larger than the whole; else it is a sentence of
    its own after the theme's, never listed beside its whole or the other parts as if they added up
    (issue 12). Figures are joined in one sentence only when they are of one subject (their totals rest on the
    same pairings' statements): the enterprises of a fair are not said beside the investment of a park's; each
    other subject's figures are a sentence of their own (the theme's ``more`` wording)."""
    words = wording("narrative")
    items: dict[str, dict[str, Any]] = words["items"]
    by_code: dict[str, ReportValue] = {}
    wanted = units or {}
    for f in headline:
        if f.code not in items:
            continue
        held = by_code.get(f.code)
        if held is None or _rank(f, wanted.get(f.code)) < _rank(held, wanted.get(f.code)):
            by_code[f.code] = f
    parts_of: dict[str, list[str]] = {}
    for code, item in items.items():
        whole = by_code.get(item.get("part_of", ""))
        if code in by_code and whole is not None and by_code[code].unit == whole.unit and _inside(by_code[code], whole):
            parts_of.setdefault(whole.code, []).append(code)
    for whole, codes in list(parts_of.items()):
        if sum(by_code[c].value for c in codes) > by_code[whole].value:
            del parts_of[whole]  # parts larger than the stated whole are no "of which": each said alone
    inside = {c for codes in parts_of.values() for c in codes}
    paragraphs = {}
    for theme, template in words["themes"].items():
        groups: dict[frozenset[int], list[str]] = {}  # the phrases of each subject: a sentence each
        apart = []
        for code, item in items.items():
            if item["theme"] != theme or code not in by_code or code in inside:
                continue
            if item.get("part_of"):  # a part its whole does not hold: a sentence of its own
                apart.append(say(item["alone"], language).format(v=by_code[code].shown, year=year))
                continue
            phrase = say(item, language).format(v=by_code[code].shown)
            parts = [say(items[c], language).format(v=by_code[c].shown) for c in parts_of.get(code, [])]
            if parts:
                phrase += say(words["parts"], language).format(items=say(words["parts_glue"], language).join(parts))
            groups.setdefault(by_code[code].pairings, []).append(phrase)
        who_said = who or say(words["who_overview"], language)
        sentences = []
        for n, phrases in enumerate(groups.values()):
            said = _joined(phrases, language)
            sentences.append(
                say(template if n == 0 else words["more"][theme], language).format(
                    year=year, who=who_said, Who=_capital(who_said), items=said, Items=_capital(said)
                )
            )
        sentences += apart
        if sentences:
            paragraphs[theme] = say(words["sentence_glue"], language).join(sentences)
    return paragraphs


def _title(theme: str, language: str) -> str:
    """A theme's heading in ``language`` ("Aid funds", "援助资金")."""
    return say(wording("narrative")["titles"][theme], language)


def narrative_text(paragraphs: dict[str, str], language: str = "en") -> str:
    """The paragraphs as a text file to edit: ``## heading`` (the theme's title in ``language``) then the
    paragraph, for each."""
    return "".join(f"## {_title(theme, language)}\n{text}\n\n" for theme, text in paragraphs.items())


def _theme(heading: str) -> str | None:
    """The theme a ``## heading`` names: its title in English or Chinese, or its code ("funds")."""
    wanted = heading.casefold()
    for theme, titles in wording("narrative")["titles"].items():
        if wanted in {theme, *(str(t).casefold() for t in titles.values())}:
            return str(theme)
    return None


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _numbers(text: str) -> set[str]:
    return {m.group().replace(",", "").rstrip("0").rstrip(".") if "." in m.group() else m.group().replace(",", "")
            for m in _NUMBER.finditer(text)}


def narrative_unknown_numbers(edited: Mapping[str, str], generated: Mapping[str, str], figures: list[str]) -> list[str]:
    """The numbers of the ``edited`` paragraphs found neither in the ``generated`` ones nor in the report's
    ``figures`` (as shown: "1.574 billion yuan", "780余家"): an edit that may contradict the tables."""
    known = _numbers(" ".join([*generated.values(), *figures]))
    seen: list[str] = []
    for match in _NUMBER.finditer(" ".join(edited.values())):
        if not (_numbers(match.group()) <= known) and match.group() not in seen:
            seen.append(match.group())
    return seen


def narrative_read(text: str, generated: dict[str, str]) -> dict[str, str]:
    """The paragraphs of an edited file (:func:`narrative_text`) over the ``generated`` ones.

    Raises:
        InputError: a ``## theme`` the report has no paragraph for, or text before the first theme.
    """
    edited: dict[str, list[str]] = {}
    theme = None
    for line in text.splitlines():
        if line.startswith("## "):
            theme = _theme(line[3:].strip())
            if theme is None:
                titles = wording("narrative")["titles"]
                known = "; ".join(f"{t['en']} / {t['zh']}" for t in titles.values())
                raise InputError(f"narrative: unknown section {line[3:].strip()!r} (use {known})")
            edited[theme] = []
        elif theme is None:
            if line.strip():
                raise InputError("narrative: text before the first '## theme' line")
        else:
            edited[theme].append(line)
    merged = dict(generated)
    for name, lines in edited.items():
        paragraph = " ".join(" ".join(lines).split())
        if paragraph:
            merged[name] = paragraph
        else:
            merged.pop(name, None)
    order = list(wording("narrative")["themes"])
    return {name: merged[name] for name in order if name in merged}
