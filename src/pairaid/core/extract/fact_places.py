"""Step: the donor and recipient of each bound figure, as written (gold-format.md F4, F9).

In a pairing chapter a figure's recipient is, in order: the place it is paired with in
"N and M went respectively to A and B"; the places listed after "respectively to" (one fact
each); the place named after it in its sentence; where the whole it is a part of went; the
last place named before it in its sentence (at most 300 characters back); the report's
recipient.  Its donor is the places listed as the actors of "respectively" just before it,
else a place of the donor's province acting in its sentence, else the report's donor.  A
national or provincial chapter gives every figure the report's parties (F9).  Figures in Chinese
sentences take the places of :mod:`pairaid.core.extract.places_zh`.
"""

from __future__ import annotations

from pairaid.core.extract.contexts import figure_run
from pairaid.core.extract.model import Context, Mention, Sentence
from pairaid.core.extract.parts import Link
from pairaid.core.extract.places import (
    Parties,
    respectively_donors,
    respectively_recipients,
    sentence_actors,
    sentence_donor,
    sentence_places,
)
from pairaid.core.extract.places_zh import chinese_sides, find_places

__all__ = ["Sides", "figure_places"]

# donors and recipients of one figure: one fact per listed donor or recipient (F4)
Sides = tuple[tuple[str | None, ...], tuple[str | None, ...]]


def figure_places(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    contexts: tuple[Context, ...],
    bound: dict[int, str],
    parts: dict[int, Link],
    parties: Parties,
) -> dict[int, Sides]:
    """``{mention index: (donors, recipients)}`` for the ``bound`` mentions (rules in the module docstring)."""
    chinese = [i for i in bound if sentences[mentions[i].sentence].lang == "zh"]
    if chinese:  # Chinese figures: the places of pairaid.core.extract.places_zh
        written = find_places(text)
        sides: dict[int, Sides] = {}
        for i in chinese:
            sent, m = sentences[mentions[i].sentence], mentions[i]
            first = next(s for s in sentences if s.paragraph == sent.paragraph and s.section == sent.section)
            span = (first.start, sent.end)
            donor, recipient = chinese_sides(text, written, span, (sent.start, sent.end), (m.start, m.end), parties)
            sides[i] = ((donor,), (recipient,))
        bound = {i: b for i, b in bound.items() if i not in sides}
        return sides | figure_places(text, sentences, mentions, contexts, bound, parts, parties) if bound else sides
    if parties.kind != "pairing":  # F9: a national or provincial chapter names the area reported on
        return {i: ((parties.donor,), (parties.recipient,)) for i in bound}
    # F4: "402 and 296 million yuan went respectively to A and B": the listed places pair up with the figures
    paired: dict[int, str] = {}
    for i in bound:
        places = respectively_recipients(contexts[i].rest)
        run = figure_run(text, mentions, i) if len(places) > 1 else []
        if len(run) == len(places) > 1:
            paired.update(zip(run, places, strict=True))
    out: dict[int, Sides] = {}
    actors: dict[int, tuple[tuple[int, str], ...]] = {}
    named_in: dict[int, tuple[tuple[int, int, str], ...]] = {}
    for i in sorted(bound):
        k = mentions[i].sentence
        sent = sentences[k]
        if k not in named_in:  # read once per sentence
            named_in[k] = sentence_places(text[sent.start : sent.end], parties.donor)
            actors[k] = sentence_actors(text[sent.start : sent.end])
        start, end = mentions[i].start - sent.start, mentions[i].end - sent.start
        after = next((p for a, _, p in named_in[k] if a >= end), None)
        before_it = [p for a, b, p in named_in[k] if b <= start and a >= start - 300]
        link = parts.get(i)
        whole = out.get(link.whole) if link is not None else None
        named = after or (whole[1][0] if whole is not None else None)
        named = named or (before_it[-1] if before_it else None)
        listed = respectively_recipients(contexts[i].rest)
        recipients = (paired[i],) if i in paired else listed or ((named or parties.recipient),)
        actor = sentence_donor(actors[k], start, parties.donor)
        donors = respectively_donors(text[sent.start : mentions[i].start]) or ((actor or parties.donor),)
        out[i] = (donors, recipients)
    return out
