"""The ordered steps of report reading, and the report year when the caller does not give it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from pairaid.core.errors import InputError
from pairaid.core.extract.document import Document, read_text
from pairaid.core.extract.facts import bind_facts
from pairaid.core.extract.mentions import find_mentions
from pairaid.core.extract.model import Extraction, Mention, Section
from pairaid.core.extract.opening_parties import (
    dashed_pairing,
    known_codes,
    known_names,
    opening_pairing,
    paired_within,
)
from pairaid.core.extract.pairing_places import recipient_places
from pairaid.core.extract.places import Parties, report_parties
from pairaid.core.extract.places_zh import chinese_parties
from pairaid.core.extract.published_zh import published_year
from pairaid.core.extract.rules import word_list
from pairaid.core.extract.sections import find_sections, title_line
from pairaid.core.extract.sentences import find_sentences
from pairaid.core.extract.tables import read_tables
from pairaid.core.extract.title_pairing import title_pairing

__all__ = ["in_original_offsets", "read_report"]

# a title word that makes a page one on aid to its province, not the province's own chapter (F9)
_TITLE_AID = re.compile(rf"\b(?:{'|'.join(word_list('chapter_aid_words'))})\b", re.I)
# a title of one province on its cooperation with its partners ("East-West Cooperation in Anhe"): not its own chapter
_TITLE_COOPERATION = re.compile(rf"\b(?:{'|'.join(word_list('cooperation_title_words'))})", re.I)


def read_report(text: str, *, report_year: int, donor: str | None = None, recipient: str | None = None) -> Extraction:
    """Read one report's text into mentions and facts.

    ``report_year`` is the year the report covers (the default period, F5);
    ``donor``/``recipient`` override those read from the title (F9).  The steps
    read the normalised text of :func:`pairaid.core.extract.document.read_text`;
    offsets in the result index ``text`` as given.  Raises
    :class:`~pairaid.core.errors.InputError` for empty text.
    """
    if not text.strip():
        raise InputError("the report is empty")
    document = read_text(text)
    text = document.text
    chinese = tuple((p.start, p.end) for p in document.parts if p.language == "zh")
    sections = find_sections(text)
    sentences = find_sentences(text, sections, chinese)
    mentions, tables = read_tables(text, sentences, find_mentions(text, sentences, chinese))
    span = title_line(text)
    title = text[span[0] : span[1]] if span is not None else None
    if document.language == "zh":
        parties = chinese_parties(text, title, donor=donor, recipient=recipient)
    else:
        parties = report_parties(text, title, donor=donor, recipient=recipient)
        opening = _chapter_opening(text, sections, title, report_year)  # a province's own chapter: none of it
        if parties.kind == "provincial" and not donor and (pair := opening_pairing(opening, report_year)) is not None:
            parties = Parties(pair[0], recipient or pair[1], "pairing")  # the pairing its opening names
        elif _title_names_no_pairing(parties, donor, report_year) and (pair := opening_pairing(text, report_year)):
            # "Twenty Years of A–B Cooperation": the title's sides are words or short names that aid no one
            parties = Parties(pair[0], recipient or pair[1], "pairing")
        if parties.kind == "provincial" and not donor and title and (pair := title_pairing(title)) is not None:
            parties = Parties(pair[0], recipient or pair[1], "pairing")  # "Anhe aid brings water to Baishan"
        if parties.kind == "provincial" and not (donor or recipient or parties.recipient):
            pair = dashed_pairing(text)  # a headline of no one area: "... on Anhe–Baishan pairing assistance"
            parties = Parties(pair[0], pair[1], "pairing") if pair is not None else parties
        pair = paired_within(text, parties.donor, parties.recipient) if parties.kind == "pairing" else None
        if pair is not None and not (donor or recipient):
            parties = Parties(pair[0], pair[1], "pairing")  # "Linxi City ... was paired with Heping County"
    facts, readings = bind_facts(
        text,
        sections,
        sentences,
        mentions,
        report_year=report_year,
        parties=parties,
        tables=tables,
        published=published_year(document.original) if document.language == "zh" else None,
    )
    extraction = Extraction(
        report_year=report_year,
        sections=sections,
        sentences=sentences,
        mentions=mentions,
        facts=facts,
        donor=parties.donor,
        recipient=parties.recipient,
        language=document.language,
        readings=readings,
    )
    return in_original_offsets(extraction, document)


def _chapter_opening(text: str, sections: Sequence[Section], title: str | None, year: int) -> str:
    """Where a provincial page may name the pairing it is about: nowhere ("") for a province's own chapter (a title
    that names one province, which aids no one in ``year`` by the shipped registry, and no aid or cooperation: "Anhe
    Province", "Poverty Alleviation in Anhe"; not "Linxi's Pairings in 2018" of a donor province), whose partners
    named in passing ("Linxi and the central units paired with Anhe continued their help") make it no pairing's (F9);
    for another page whose title names provinces and no aid ("East-West Cooperation in Anhe: Briefs"), ``text`` up to
    the end of its first section with a body, since a later section on its eastern partners does not make the chapter
    theirs;
    for any other page ("Aid to Anhe", a news headline, a city's communiqué) the whole of ``text``, whose pairing
    may stand in its second paragraph or a later section."""
    named = [codes for _, _, codes in known_names(title)] if title else []
    provinces_only = bool(named) and all(any(c.endswith("0000") for c in codes) for codes in named)
    if not title or _TITLE_AID.search(title) or not provinces_only:  # not "A doctors reach B County"
        return text
    own = len(named) == 1 and not _TITLE_COOPERATION.search(title)
    if own and not any(recipient_places(name, year).codes for _, name, _ in known_names(title)):
        return ""  # one province that aids no one, no word of aid or cooperation: its own chapter
    first = next((s for s in sections if text[s.start : s.end].strip()), None)  # the title's own paragraphs too
    return text if first is None else text[: first.end]


def _title_names_no_pairing(parties: Parties, donor: str | None, year: int) -> bool:
    """Whether the donor read from the title ("Twenty Years of A" in "Twenty Years of A–B Cooperation") is
    no donor of any pairing in force in ``year`` by the shipped registry (nor given by the caller): the
    pairing the opening names is the report's then, when it names one of the registry.  A title whose two sides
    are areas the gazetteer knows ("Linxi-Heping pairing", two districts or counties, each maybe with its areas in
    brackets: "Linxi City (Anhe) - Heping County (Baishan)") names its pairing itself, one the registry, which holds
    province and prefecture pairs, may not list."""
    return (
        parties.kind == "pairing"
        and not donor
        and parties.donor is not None
        and not recipient_places(parties.donor, year).codes
        and not (known_codes(_bare(parties.donor)) and parties.recipient and known_codes(_bare(parties.recipient)))
    )


def _bare(name: str) -> str:
    """A title side without its bracketed areas: "Linxi City" of "Linxi City (Anhe, Province A)"."""
    return _BRACKETED.sub("", name).strip()


_BRACKETED = re.compile(r"\s*\([^()]*\)")


def in_original_offsets(extraction: Extraction, document: Document) -> Extraction:
    """``extraction`` read from ``document.text`` with every span moved to ``document.original``, and the
    donors and recipients the text names written as the original writes them (Traditional on a
    Traditional page, gold-format.md Z8)."""
    if document.text is document.original:
        return extraction
    span = document.original_span
    original = document.original

    def moved_mention(m: Mention) -> Mention:
        start, end = span(m.start, m.end)
        words = original[start:end]
        if start == m.start and end == m.end and words == m.text:
            return m  # a figure written as the text reads it
        return _moved(m, start=start, end=end, text=words)

    def moved(records: tuple[_Record, ...]) -> tuple[_Record, ...]:  # sections, sentences
        if document.origin is None:
            return records  # the same offsets (a full-width mark or a Traditional character for one in text)
        return tuple(_moved(r, start=a, end=b) for r in records for a, b in [span(r.start, r.end)])  # type: ignore[attr-defined]

    written: dict[str | None, str | None] = {None: None}

    def as_written(name: str | None) -> str | None:  # Z8: a place as the page writes it, in its own script
        if name not in written:
            written[name] = document.as_written(name) if name is not None else None
        return written[name]

    return replace(
        extraction,
        sections=moved(extraction.sections),
        sentences=moved(extraction.sentences),
        mentions=tuple(moved_mention(m) for m in extraction.mentions),
        facts=tuple(
            f
            if as_written(f.donor) == f.donor and as_written(f.recipient) == f.recipient
            else _moved(f, donor=as_written(f.donor), recipient=as_written(f.recipient))
            for f in extraction.facts
        ),
        donor=as_written(extraction.donor),
        recipient=as_written(extraction.recipient),
    )


_Record = TypeVar("_Record")


def _moved(record: _Record, **fields: object) -> _Record:
    """``dataclasses.replace(record, **fields)`` for the frozen records of ``model.py`` (none has a
    ``__post_init__``), without the cost of ``__init__``: a Chinese page has a figure every 50 characters."""
    new = object.__new__(type(record))
    new.__dict__.update(record.__dict__)
    new.__dict__.update(fields)
    return new
