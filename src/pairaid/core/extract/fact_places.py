"""Step: the donor and recipient of each bound figure, as written (gold-format.md F4, F9).

Places named in a sentence are the names of the report's recipient places
(:mod:`pairaid.core.extract.pairing_places`: the recipients of the donor's pairings in the
report year, found anywhere: "visit Kashi", "Shule County's projects") and the places a figure
goes to, is for or happens in ("to County B", "in Baishan"; :func:`~pairaid.core.extract.places.sentence_places`).

In a pairing chapter a figure's recipient is, in order:

1. the place it is paired with in "N and M went respectively to A and B", or listed before a run told
   "respectively" ("A and B, which received N and M respectively"), or the places listed after "respectively
   to", before "each" ("A and B each received N") or receiving a sum "each" (one fact each, F4);
2. a place named after it in its own words or its clause (up to ";", ", and <verb>ed", ", and <figure>"), but not one
   that leads the next figure ("Aid to A came to N and to B M": B is M's; ``shares.leads_figure``);
3. for a place's share of a sum (``parts.place_share``), the last place its own words name before it
   ("Linxi got N", "Heping's share was N"); for a part, a place named after it (2.), else the last place its own
   words name before it ("Of this, for B1, N yuan was used"), else where the whole it is a part of went (F3);
4. the scene of its sentence so far: the last place named before it, or given to a figure before it;
5. the first place named after it in its sentence;
6. the scene carried from the sentences before it in its paragraph, else its section heading's place;
7. the report's recipient.

In a section headed by a place ("Moyu County"), a figure whose recipient comes from the scene (steps 4-6)
and is an area that holds the heading's place (its prefecture or province, named in passing: "Aid to
Hotan Prefecture went on. Beijing invested N in the county") goes to the heading's place: a county's
section tells that county's pairing.

A figure sent "to the above areas" goes to no one place (``None``), and so do its parts.

Its donor is the places listed as the actors of "respectively" just before it, else the places of the
donor's province acting in its sentence in a section headed by places, else those its section named last
(:mod:`pairaid.core.extract.donor_agents`: "Linzhou and Anyang were paired with B1. The two cities put N ..."),
else a place of the donor's province acting in its sentence, else the report's donor; but a figure of what the
aided area did itself (``own_figures`` of ``words.yaml``: enterprises attracted, their investment, jobs, income)
has no donor when the aided side is the one acting ("the recipient counties attracted N enterprises"),
in its sentence or earlier in its paragraph ("the two sides" or "both cities" acting are the pairing: its
donor).  A national or provincial chapter gives every figure the
report's parties (F9).

A table cell goes to its row's label, the total row of rows of places to the report's recipient.  Figures in Chinese
sentences take the places of :mod:`pairaid.core.extract.places_zh`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pairaid.core.extract.donor_agents import donor_agents, figure_givers
from pairaid.core.extract.givers_zh import destination
from pairaid.core.extract.heading_places import heading_places
from pairaid.core.extract.headings_zh import section_sides
from pairaid.core.extract.model import Context, Mention, Section, Sentence
from pairaid.core.extract.named_places import Named, named_places
from pairaid.core.extract.opening_parties import known_codes, known_names
from pairaid.core.extract.pairing_places import RecipientPlaces
from pairaid.core.extract.parts import Link
from pairaid.core.extract.places import (
    Parties,
    named_area,
    place_side,
    place_words_end,
    sentence_actors,
    sentence_donor,
    within,
)
from pairaid.core.extract.places_zh import chinese_sides, find_places
from pairaid.core.extract.regex_leads import led_pattern, run_start
from pairaid.core.extract.respective_zh import respective_zh
from pairaid.core.extract.respectively_lists import (
    each_recipients,
    received_each,
    respective_pairs,
    respectively_donors,
    respectively_recipients,
)
from pairaid.core.extract.rule_anchors import may_match
from pairaid.core.extract.rules import word_list
from pairaid.core.extract.served_zh import served_place
from pairaid.core.extract.shares import SHARE, leads_figure, share_place, share_words
from pairaid.core.extract.tables import Table

__all__ = ["Sides", "fact_places"]

# donors and recipients of one figure: one fact per listed donor or recipient (F4)
Sides = tuple[tuple[str | None, ...], tuple[str | None, ...]]
Actors = tuple[tuple[int, str], ...]  # (offset where the act ends, name): places.sentence_actors


_LIST = re.compile(r",|\band\b")
_LIST_END = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s*,?\s+and\s+(?:the\s+)?$")  # "B1, B2 and " before a place
_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z]")  # ", B2 and B3" after it
_SHARES = (SHARE, "parts.breakdown", "parts.breakdown_later")
_OPENS = re.compile(r"[\s,]*(?:and\s+)?(?:the\s+)?")  # links whose parts may name their place before them
_SEVERAL = re.compile(rf"^\W*(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(word_list('several_places'))})\b", re.I)
_ACTS = rf"(?:\s+[a-z]+ly)?\s+(?:{'|'.join(word_list('actor_words'))})\b"
_RECIPIENT_ACTOR = led_pattern(re.compile(rf"\b(?:{'|'.join(word_list('recipient_actors'))}){_ACTS}", re.I))
_BOTH_SIDES_ACTOR = led_pattern(re.compile(rf"\b(?:{'|'.join(word_list('both_sides_actors'))}){_ACTS}", re.I))
_ACT = re.compile(_ACTS)
_OWN_FIGURES = frozenset(word_list("own_figures"))
# a clause's subject whose businesses are a side's ("Anhe's enterprises in the county", "companies from Anhe"):
# the named side acts, not the place after "in"; a recipient actor after a preposition is no subject
_FIRMS = rf"(?i:{'|'.join(word_list('firm_words'))})"
_FIRM_SUBJECT = led_pattern(
    re.compile(
        rf"(?:^|[,;:]\s*|\band\s+)(?:the\s+)?(?:(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}}?)(?:[’']s|-\w+)?\s+"
        rf"(?:[a-z-]+\s+){{0,2}}?{_FIRMS}|{_FIRMS}\s+(?:from|of)\s+(?P<from>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}}))\b"
    )
)
_IN_PHRASE = re.compile(r"\b(?:in|at|to|into|from|for|of|within|across|throughout|inside|around|near)\s+$", re.I)
# a name at the start of a clause is its subject ("..., Shule County built", not "aiding Xinjiang gave")
_CLAUSE_START = re.compile(r"(?:^|[,;:】])\s*(?:the\s+)?$")
_SENT_TO = re.compile(r"\b(?:to|into)\s+(?:the\s|an?\s|its\s|their\s|\d|[A-Z])")  # a destination, not "to build"


def _actor_sides(body: str, donor: str | None, named: Named, actors: Actors) -> list[tuple[int, str]]:
    """(offset where the act ends, ``"donor"`` or ``"recipient"``) of each side acting in a sentence: the aided
    side named as acting ("the recipient counties attracted", "Shule County built"), or the donor or a place
    of its province ("Anhe invested"); ``actors``: the sentence's :func:`sentence_actors`."""
    # (each scan only in a sentence holding one of its words: rule_anchors.may_match)
    found = _RECIPIENT_ACTOR.finditer(body) if may_match(_RECIPIENT_ACTOR, body) else ()
    recipients = [(m.start(), m.end()) for m in found]  # not "in the county" (throughout: 10)
    sides = [(b, "recipient") for a, b in recipients if not _IN_PHRASE.search(body, run_start(body, a, 10), a)]
    firms = _FIRM_SUBJECT.finditer(body) if donor and may_match(_FIRM_SUBJECT, body) else ()
    for m in firms:  # "Anhe's enterprises in the county employ": the donor's firms act
        name = m.group("owner") or m.group("from")
        owner = name.lower()
        if donor and (donor.lower() in owner or owner in donor.lower() or place_side(name, donor) == "donor"):
            sides.append((m.end(), "donor"))
    both = _BOTH_SIDES_ACTOR.finditer(body) if may_match(_BOTH_SIDES_ACTOR, body) else ()
    sides += [(m.end(), "donor") for m in both]  # "the two sides attracted": the pairing's
    for _, b, place in named:
        act = _ACT.match(body, b)
        at = b - len(place)
        opens = act is not None and _CLAUSE_START.search(body, run_start(body, at, 1, "the"), at) is not None
        if act is not None and opens and place_side(place, donor) != "donor":
            sides.append((act.end(), "recipient"))
    for end, name in actors:
        if donor and (donor.lower() in name.lower() or place_side(name, donor) == "donor"):
            sides.append((end, "donor"))
    return sorted(sides)


class _Scene:
    """What a paragraph has said so far: the place its figures go to and the side acting."""

    def __init__(self, place: str | None) -> None:
        self.place = place
        self.side = "donor"


def fact_places(
    text: str,
    sections: tuple[Section, ...],
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    contexts: tuple[Context, ...],
    bound: dict[int, str],
    parts: dict[int, Link],
    parties: Parties,
    recipients: RecipientPlaces,
    tables: tuple[Table, ...] = (),
) -> dict[int, Sides]:
    """``{mention index: (donors, recipients)}`` for the ``bound`` mentions (rules in the module docstring)."""
    cells = {c.mention: (c, t) for t in tables for c in t.cells if c.mention in bound}
    headings = heading_places(sections, parties.donor, recipients)
    if cells:  # a table cell goes to its row's place; a total, or a row that names no place, where its section went
        in_cells: dict[int, Sides] = {}
        by_places = {id(t): any(_row_place(label, parties.donor) for label in t.labels) for t in tables}
        for i, (c, t) in cells.items():
            section = sentences[mentions[i].sentence].section
            around = (headings[section] if section < len(headings) else None) or parties.recipient
            if c.total and by_places[id(t)]:  # the total of rows of places is the whole's: the report's recipient
                around = parties.recipient or around
            # a row led by its giver ("Anhe | Baishan | 12.5") goes to its receiver's cell, not to the giver
            labelled = None if c.donor == c.label else _row_place(c.label, parties.donor, by_places[id(t)])
            row = c.recipient if c.total else (c.recipient or labelled)  # a subtotal: its group's place
            in_cells[i] = ((c.donor or parties.donor,), (row or around,))
        outside = {i: b for i, b in bound.items() if i not in cells}
        others = fact_places(text, sections, sentences, mentions, contexts, outside, parts, parties, recipients)
        return in_cells | others
    chinese = [i for i in bound if sentences[mentions[i].sentence].lang == "zh"]
    if chinese:  # Chinese figures: the places of pairaid.core.extract.places_zh
        written = find_places(text)
        found: dict[int, Sides] = {}
        starts: dict[tuple[int, int], int] = {}
        for sent in sentences:  # where each paragraph starts: a sentence may point back to its places (当地)
            starts.setdefault((sent.section, sent.paragraph), sent.start)
        heading_ends, heading_sides = section_sides(text)  # 【山东·喀什】: the pairing a heading names holds under it
        for i in chinese:
            sent, m = sentences[mentions[i].sentence], mentions[i]
            span, paragraph = (sent.start, sent.end), (starts[(sent.section, sent.paragraph)], sent.end)
            under = bisect_right(heading_ends, m.start) - 1
            sides = (heading_sides[under] if under >= 0 else None) or parties
            donor, recipient = chinese_sides(text, written, paragraph, span, (m.start, m.end), sides)
            if recipient == sides.recipient:  # "投入资金N万元,帮助伽师县建设…": the place a later clause serves
                recipient = served_place(text, written, span, (m.start, m.end), sides.donor) or recipient
            found[i] = ((donor,), (recipient,))
        found.update(respective_zh(text, sentences, mentions, chinese, written, parties, found))
        bound = {i: b for i, b in bound.items() if i not in found}
        rest = fact_places(text, sections, sentences, mentions, contexts, bound, parts, parties, recipients)
        return found | rest if bound else found
    if parties.kind != "pairing":  # F9: a national or provincial chapter names the area reported on
        return {i: ((parties.donor,), (parties.recipient,)) for i in bound}
    # F4: "315 and 208 million yuan went respectively to A and B": the listed places pair up with the figures
    paired, paired_donors = respective_pairs(text, sentences, mentions, contexts, bound)
    by_sentence: dict[int, list[int]] = {}
    for i in sorted(bound):
        by_sentence.setdefault(mentions[i].sentence, []).append(i)
    out: dict[int, Sides] = {}
    scene = _Scene(None)
    needed, names_givers = _needed(sentences, by_sentence)
    givers: str | None = None  # the givers its section named last (donor_agents): its later figures' donor
    placed = [s.rule != "title" and bool(known_names(s.heading)) for s in sections]  # a section on places
    for k, sent in enumerate(sentences):
        if k == 0 or sent.section != sentences[k - 1].section:
            givers = None
        if k == 0 or (sent.paragraph, sent.section) != (sentences[k - 1].paragraph, sentences[k - 1].section):
            scene = _Scene(headings[sent.section] if sent.section < len(headings) else None)
        if not needed[k]:  # a sentence of no figure before the section's next: only the givers it names carry
            if names_givers[k] and placed[sent.section]:
                givers = next(
                    reversed([g for _, _, g in donor_agents(text[sent.start : sent.end], parties.donor)]), givers
                )
            continue
        body = text[sent.start : sent.end]
        heading = headings[sent.section] if sent.section < len(headings) else None
        # the givers of a section headed by places (donor_agents): a section on a county names the cities it is paired
        # with, and they give what it tells; elsewhere ("Overview", "Health") the chapter's donor gives
        agents = donor_agents(body, parties.donor) if placed[sent.section] else []
        named = named_places(body, parties.donor, recipients, parties.recipient)
        actors = sentence_actors(body)
        acting = _actor_sides(body, parties.donor, named, actors)
        # the scene of the sentence: (offset, place) of each place named and each figure's recipient
        events: list[tuple[int, str]] = [(a, p) for a, _, p in named]
        actors = actors if k in by_sentence else ()
        for i in by_sentence.get(k, ()):
            start = mentions[i].start - sent.start
            told = _receivers(i, start, mentions[i].end - sent.start, contexts[i], named, events, paired, parts, out)
            receivers = told if told is not None else (scene.place or parties.recipient,)
            if (
                heading is not None
                and len(receivers) == 1
                and _from_scene(i, mentions[i].end - sent.start, contexts[i], named, paired, parts)
            ):
                receivers = (_section_place(receivers[0], heading),)
            if receivers[0]:
                events.append((start, receivers[0]))
            side = next((who for end, who in reversed(acting) if end <= start), scene.side)
            if side == "recipient" and bound[i] in _OWN_FIGURES:
                donors: tuple[str | None, ...] = (None,)
            else:
                actor = figure_givers(agents, start, mentions[i].end - sent.start, body) or sentence_donor(
                    actors, start, parties.donor
                )
                donors = respectively_donors(body[:start]) or (
                    (paired_donors.get(i) or actor or givers or parties.donor),
                )
            if len(receivers) > 1 and all(r and place_side(r, parties.donor) == "donor" for r in receivers):
                # "A1 and A2 each seconded N cadres to B": places of the donor's side listed "each" are its givers
                after = next((p for a, _, p in named if a >= mentions[i].end - sent.start), None)
                donors, receivers = receivers, (after or scene.place or parties.recipient,)
            out[i] = (donors, receivers)
        # the places of wholes, and of shares that name their place, are the scene of the sentences after
        tells = [i for i in by_sentence.get(k, ()) if i not in parts or parts[i].rule == SHARE]
        whole_level = [out[i][1][0] for i in tells if out[i][1][0]]
        # a sentence that lists three places or more ("its four counties: B1, B2, B3 and B4"), or whose last place
        # is one of a list of names some of which the gazetteer does not know ("look after B1 City, B2 County and
        # B3 County"), sets no one scene
        listing = len({p for _, _, p in named}) >= 3 or bool(
            named and (_LIST_END.search(body, 0, named[-1][0]) or _LIST_NEXT.match(body, named[-1][1]))
        )
        told_here = k not in by_sentence and named and not listing
        place = whole_level[-1] if whole_level else named[-1][2] if told_here else None
        if place is not None and not _LIST.search(place) and (whole_level or not _elsewhere(place, recipients)):
            scene.place = place  # a province the donor aids nothing in, named in passing, is no scene
        if acting:
            scene.side = acting[-1][1]
        if agents:
            givers = agents[-1][2]
    return out


def _from_scene(i: int, end: int, ctx: Context, named: Named, paired: dict[int, str], parts: dict[int, Link]) -> bool:
    """Whether figure ``i``'s recipient comes from the scene (steps 4-6): its own words, a "respectively"
    list, several places or its whole name none."""
    if (
        i in paired
        or i in parts
        or respectively_recipients(ctx.rest)
        or each_recipients(share_words(ctx.left, ctx.clause), ctx.right)
    ):
        return False
    if _SEVERAL.match(ctx.rest):
        return False
    rest_end = place_words_end(end, ctx.after, ctx.rest)[0]
    return not any(end <= a < rest_end for a, _, _ in named)


def _section_place(place: str | None, heading: str) -> str | None:
    """The heading's place when ``place`` is an area that holds it (a county's section: not its prefecture)."""
    if place is None or place == heading or not within(heading, place):
        return place
    return heading


def _row_place(label: str, donor: str | None, among_areas: bool = False) -> str | None:
    """The place a table row's label names: a Chinese area name as written (``都安瑶族自治县``), else the
    English reading of the label; in a table whose rows name areas, a name the gazetteer does not know too."""
    written = find_places(label)
    if written:  # (not where people go: "其中:到江苏就业")
        return next((p.name for p in written if not destination(label, p)), None)
    return named_area(label, donor, among_areas=among_areas)


def _needed(sentences: tuple[Sentence, ...], by_sentence: dict[int, list[int]]) -> tuple[list[bool], list[bool]]:
    """Whether a sentence can matter: it or a later sentence of its paragraph holds a bound figure (the scene
    starts afresh with each paragraph, so the rest cannot); and whether a later sentence of its section does (the
    givers it names carry to them: :mod:`pairaid.core.extract.donor_agents`)."""
    needed = [False] * len(sentences)
    later = [False] * len(sentences)
    need = in_section = False
    for k in range(len(sentences) - 1, -1, -1):
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        if nxt is None or nxt.section != sentences[k].section:
            in_section = False
        if nxt is None or (nxt.paragraph, nxt.section) != (sentences[k].paragraph, sentences[k].section):
            need = False
        later[k] = in_section
        need = need or k in by_sentence
        in_section = in_section or k in by_sentence
        needed[k] = need
    return needed, later


def _receivers(
    i: int,
    start: int,
    end: int,
    ctx: Context,
    named: Named,
    events: list[tuple[int, str]],
    paired: dict[int, str],
    parts: dict[int, Link],
    out: dict[int, Sides],
) -> tuple[str | None, ...] | None:
    """The recipients of figure ``i`` as its own sentence tells them (steps 1-5 of the module docstring):
    ``None`` when the sentence does not tell, ``(None,)`` when it names several places and no one."""
    if i in paired:
        return (paired[i],)
    listed = (
        respectively_recipients(ctx.rest)
        or each_recipients(share_words(ctx.left, ctx.clause), ctx.right)
        or received_each(ctx.left, ctx.rest)
    )
    if listed:
        return listed
    if _SEVERAL.match(ctx.rest):
        return (None,)
    link = parts.get(i)
    if link is not None and link.rule in _SHARES:  # a place's share: the place its own words name before it
        words = share_words(ctx.left, ctx.clause)  # its words after the figure before it: a place opening them
        left = [p for a, _, p in named if start - len(ctx.left) <= a < start]
        at = start - len(words)
        opens = [p for a, _, p in named if at <= a < start and _OPENS.fullmatch(words[: a - at])]
        told = share_place(ctx.left, ctx.clause)  # "B1, the poorest county, received": the place the words name
        named_before = left or opens
        if told or named_before:
            return (told or named_before[-1],)
    rest_end, cut = place_words_end(end, ctx.after, ctx.rest)
    # not past the next figure when its own words send it somewhere ("N went to the four counties and M to B")
    reach = end + len(ctx.rest) if _SENT_TO.search(ctx.rest) else rest_end
    own = next(
        (p for a, b, p in named if end <= a < min(rest_end, reach) and not leads_figure(ctx.after[b - end :])), None
    )
    if own is not None:
        return (own,)
    left = [p for a, _, p in named if start - len(ctx.left) <= a < start] if link is not None else []
    if left:  # a part whose own words name its place before it ("Of this, for B1, N yuan was used")
        return (left[-1],)
    if link is not None and link.whole in out:
        return (out[link.whole][1][0],)
    before = [p for a, p in sorted(events) if a < start]
    if before:
        return (before[-1],)
    after = next((p for a, _, p in named if end <= a and not (cut and a >= rest_end)), None)  # not a part's
    return (after,) if after is not None else None


def _elsewhere(place: str, recipients: RecipientPlaces) -> bool:
    """Whether ``place`` is a province-level area holding none of the donor's recipients in the report year."""
    codes = known_codes(place)
    return (
        bool(recipients.codes)
        and bool(codes)
        and all(c.endswith("0000") and not any(r.startswith(c[:2]) for r in recipients.codes) for c in codes)
    )
