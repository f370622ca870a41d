"""Facts: mentions bound to indicators with period, donor, recipient, links and the rules that made them.

:func:`bind_facts` runs the named steps in order, each on the records of the steps before:

1. :func:`~pairaid.core.extract.contexts.mention_contexts`: the words around each mention;
2. :func:`~pairaid.core.extract.readings.mention_readings`: its readings, ranked by the rules
   of ``data/rules`` that vote for them (plans and unbound figures stay unbound, F1);
3. :func:`~pairaid.core.extract.mention_periods.mention_periods`: its period (F5);
4. :func:`~pairaid.core.extract.parts.find_parts`: parts of wholes (F3, F4);
5. :func:`resolve_indicators`: a part without words of its own takes its whole's indicator, or the
   channel its own words name ("came from social donations", F2);
6. :func:`~pairaid.core.extract.parts.repeated`: verbatim repeats keep no facts (F10), nor does a figure of the
   title line (a headline's figure is told again in the text);
7. :func:`~pairaid.core.extract.growth.find_rates`: growth rates (F6); figures given for an earlier
   year (:func:`~pairaid.core.extract.growth.prior_values`) are read before the periods (F5);
8. :func:`~pairaid.core.extract.fact_places.fact_places`: donor and recipient (F4, F9).

A mention no rule binds stays an unbound mention (DESIGN.md: never guessed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from pairaid.core.extract.contexts import mention_contexts
from pairaid.core.extract.donor_jobs import jobs_in_donor_place
from pairaid.core.extract.fact_places import fact_places
from pairaid.core.extract.growth import PriorValue, Rate, find_rates, prior_values
from pairaid.core.extract.mention_periods import mention_periods
from pairaid.core.extract.model import Fact, Mention, Period, Reading, Section, Sentence
from pairaid.core.extract.opening_parties import OPENING_CHARS
from pairaid.core.extract.pairing_places import recipient_places
from pairaid.core.extract.parts import Link, find_parts, repeated
from pairaid.core.extract.party_places import group_donors, joint_donor_sides, narrow_to_recipient, other_donors
from pairaid.core.extract.places import Parties
from pairaid.core.extract.readings import best_readings, certainty, coordinated, mention_readings, own_channel
from pairaid.core.extract.respectively_lists import shared_readings
from pairaid.core.extract.rules import rule_set, word_list
from pairaid.core.extract.tables import ZH_CELL, Table

__all__ = ["Binding", "bind_facts", "resolve_indicators"]

_AID_MONEY = frozenset(word_list("aid_money"))
_CONTEXT_INDICATORS = frozenset({"gdp", "fixed_asset_investment", "fiscal_revenue", "retail_sales"})

# a mention's indicator, the id of the rule that gave it, and the certainty of that reading
Binding = tuple[str, str, float]


def resolve_indicators(
    mentions: tuple[Mention, ...],
    readings: tuple[tuple[Reading, ...], ...],
    parts: dict[int, Link],
    priors: Mapping[int, PriorValue] | None = None,
    channels: Callable[[int], tuple[str, str] | None] = lambda i: None,
    joined: Mapping[int, str] | None = None,
) -> dict[int, Binding]:
    """The indicator of each bound mention: its best reading's, or, for a part whose own words give none
    (no rule voted, or only a generic one: "27 projects"), its whole's (F2, F3), but a part of aid money
    whose own words name whose money it is (``channels``: "4 million yuan came from social donations")
    takes that channel's indicator; a figure given for an earlier year has the indicator of the figure
    it is compared with (F5: "36 million yuan of labour income, against 29 million yuan in 2011"); last, a figure
    no rule read and no whole gave an indicator, ``joined`` to the figure before it (its link rule's id: "invested
    N in A and M in B"), takes that figure's."""
    best = best_readings(readings)
    out: dict[int, Binding] = {}
    for i, r in enumerate(best):
        if r is not None and r.kind == "indicator" and r.indicator is not None:
            out[i] = (r.indicator, r.rules[0], certainty(readings[i]))

    def inherits(i: int, *, unread: bool) -> bool:
        r = best[i]
        return (unread and r is None and mentions[i].unit != "percent") or (r is not None and r.generic)

    for unread in (True, False):  # a whole resolved late (parts of parts) passes its indicator down again
        for i in sorted(parts):
            link = parts[i]
            if link.whole in out and inherits(i, unread=unread):
                indicator, _, sure = out[link.whole]
                channel = channels(i) if indicator in _AID_MONEY else None
                out[i] = (channel[0], channel[1], sure) if channel is not None else (indicator, link.rule, sure)
    for i, prior in sorted((priors or {}).items()):
        if prior.compared is not None and prior.compared in out:
            indicator, _, sure = out[prior.compared]
            out[i] = (indicator, prior.rule, sure)
    for i, rule in sorted((joined or {}).items()):
        if i not in out and i - 1 in out and i not in parts:
            out[i] = (out[i - 1][0], rule, out[i - 1][2])
    return out


# the periods of figures whose words give none: the report year, and a Chinese sum word after the page spoke of this
# year ("共N名…,其中党政干部M名": M is the stock its whole is)
_NO_PERIOD_OF_ITS_OWN = ("report_year", "zh:this_year+cumulative")


def _parts_periods(periods: tuple[Period, ...], parts: dict[int, Link]) -> tuple[Period, ...]:
    """F5 with F3: a part whose own words give no period covers its whole's ("Of the 96 schools built
    since 1996, 23 were funded by A": 1996 to the report year)."""
    out = list(periods)
    for i in sorted(parts):
        whole = parts[i].whole
        if out[i].rule in _NO_PERIOD_OF_ITS_OWN and out[whole].rule not in _NO_PERIOD_OF_ITS_OWN:
            out[i] = out[whole]
    return tuple(out)


def _table_periods(periods: tuple[Period, ...], tables: tuple[Table, ...]) -> tuple[Period, ...]:
    """F5 in a table: a cell dated by its column's or row's year (or the total of rows of years) has that period."""
    dated = [(c.mention, c.period) for t in tables for c in t.cells if c.period is not None]
    if not dated:
        return periods
    out = list(periods)
    for i, period in dated:
        out[i] = period
    return tuple(out)


def _number(m: Mention) -> str:
    """The number of a mention as written ("571" of "571 villages")."""
    return m.text.split(" ", 1)[0]


def _table_repeats(
    mentions: tuple[Mention, ...], tables: tuple[Table, ...], bound: dict[int, Binding], parts: dict[int, Link]
) -> None:
    """F10 in a table: a total row's cell that writes the number of a figure bound before the table, in its
    unit ("completed 571 villages, as follows" over "Total  571"), repeats it: it keeps no fact, and the
    rows above it are parts of the figure it repeats."""
    for table in tables:
        if not table.cells:
            continue
        first = min(mentions[c.mention].start for c in table.cells)
        for c in table.cells:
            if not c.total or c.mention not in bound:
                continue
            m = mentions[c.mention]
            said = [
                j
                for j in bound
                if mentions[j].end <= first
                and mentions[j].unit == m.unit
                and mentions[j].value == m.value
                and _number(mentions[j]) == _number(m)
                and bound[j][0] == bound[c.mention][0]
            ]
            if not said:
                continue
            del bound[c.mention]
            for i, link in list(parts.items()):
                if link.whole == c.mention:
                    parts[i] = Link(said[-1], link.rule)


def _table_rates(mentions: tuple[Mention, ...], tables: tuple[Table, ...]) -> dict[int, Rate]:
    """F6 in a table: the change column's percentage is the change of its row's figure (``tables.table_change``)."""
    changes = [change for t in tables for change in t.changes]
    if not changes:
        return {}
    rules = {lang: rule_set(lang).link_rule("table_change").id for lang in ("en", "zh")}
    return {
        figure: Rate(figure, mentions[pct].value, base, rules["zh" if mentions[figure].rule == ZH_CELL else "en"])
        for figure, pct, base in changes
    }


def _pairs(
    donors: tuple[str | None, ...], recipients: tuple[str | None, ...], *, context: bool
) -> list[tuple[str | None, str | None]]:
    if context:  # the context figures of an area have no donor
        return [(None, r) for r in recipients]
    if len(donors) == len(recipients) > 1:  # "A and B respectively gave N to C and D": A to C, B to D (F4)
        return list(zip(donors, recipients, strict=True))
    if len(donors) > 1 and len(recipients) == 1 and recipients[0] and _LIST_OF_NAMES.fullmatch(recipients[0]):
        listed = [n for n in _LIST_SPLIT.split(_AREA_TAIL.sub("", recipients[0])) if n]
        if len(listed) == len(donors):  # "A, B and C each gave N to C1, C2 and C3 counties": A to C1, ... (F4)
            return list(zip(donors, listed, strict=True))
    return [(d, r) for d in donors for r in recipients]


# one place written as a list of names ("C1, C2 and C3 counties"), split into its names
_LIST_OF_NAMES = re.compile(r"[A-Z][\w’'-]*(?:\s*,\s*[A-Z][\w’'-]*)*\s*,?\s+and\s+[A-Z][\w’'-]*(?:\s+[a-z]+)?")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_AREA_TAIL = re.compile(r"\s+[a-z]+$")


def bind_facts(
    text: str,
    sections: tuple[Section, ...],
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    *,
    report_year: int,
    parties: Parties,
    tables: tuple[Table, ...] = (),
    published: int | None = None,
) -> tuple[tuple[Fact, ...], tuple[tuple[Reading, ...], ...]]:
    """Facts for ``mentions`` of ``text`` (gold-format.md Layer 2, conventions F1-F10), and each
    mention's ranked readings.

    Returns facts in mention order; ``Fact.part_of`` indexes the returned
    tuple.  Periods default to ``report_year``; donor and recipient come from
    ``parties`` (F9) and the sentence (F4).
    """
    contexts = mention_contexts(text, sentences, mentions, tables)
    shared = list(mention_readings(sentences, mentions, contexts, text))
    shared_readings(text, [(m.start, m.end, m.sentence, m.unit) for m in mentions], shared)
    readings = tuple(shared)
    best = best_readings(readings)
    priors = prior_values(text, sentences, mentions, report_year)
    periods = mention_periods(text, sentences, mentions, report_year, priors, published)
    parts = find_parts(text, sentences, mentions, best, contexts, tables, periods)
    bound = resolve_indicators(
        mentions,
        readings,
        parts,
        priors,
        lambda i: own_channel(sentences[mentions[i].sentence].lang, mentions[i], contexts[i]),
        coordinated(text, sentences, mentions, readings),
    )
    cells = {c.mention for t in tables for c in t.cells}  # a table's rows repeat values by chance, not in words
    for i in repeated(mentions, {i: b[0] for i, b in bound.items() if i not in cells}, sentences):
        del bound[i]
    _table_repeats(mentions, tables, bound, parts)
    if sections and sections[0].rule == "title":  # a headline's figure is told again below it: no fact of its own
        at = text.rfind(sections[0].heading, 0, sections[0].start)  # the title line, just above its section's body
        head = (at, at + len(sections[0].heading)) if at >= 0 else (0, 0)
        for i in [i for i in bound if head[0] <= mentions[i].start < head[1]]:
            if sentences[mentions[i].sentence].lang == "en":
                del bound[i]
    periods = _parts_periods(_table_periods(periods, tables), parts)
    rates = {r.mention: r for r in find_rates(text, sentences, mentions, contexts, set(bound), periods)}
    rates.update(_table_rates(mentions, tables))
    sphere = recipient_places(parties.donor if parties.kind == "pairing" else None, report_year)
    indicators = {i: b[0] for i, b in bound.items()}
    places = fact_places(text, sections, sentences, mentions, contexts, indicators, parts, parties, sphere, tables)
    if parties.kind == "pairing":
        joint_donor_sides(text, mentions, places, parties.donor)
        group_donors(text, sentences, mentions, places)
        other_donors(text, sentences, mentions, places, parties.donor, parties.recipient, report_year)
        narrow_to_recipient(places, parties.recipient, text[:OPENING_CHARS])
        jobs_in_donor_place(text, sentences, mentions, bound, {i: places[i][0] for i in bound})
    facts: list[Fact] = []
    first_fact: dict[int, int] = {}
    for i in sorted(bound):
        indicator, rule, sure = bound[i]
        own = best[i]
        link = parts.get(i)
        rate = rates.get(i)
        voters = own.rules if own is not None and own.indicator == indicator else (rule,)
        if rule not in voters:  # a figure of an earlier year takes its rule from the one it is compared with
            voters = (rule, *voters)
        made_by = (*voters, *((link.rule,) if link is not None and link.rule not in voters else ()))
        made_by = (*made_by, *((rate.rule,) if rate is not None else ()))
        donors, recipients = places[i]
        also = own.also if own is not None and own.indicator == indicator else ()
        for ind in (indicator, *also):
            for donor, recipient in _pairs(donors, recipients, context=ind in _CONTEXT_INDICATORS):
                first_fact.setdefault(i, len(facts))
                facts.append(
                    Fact(
                        mention=i,
                        indicator=ind,
                        period=periods[i],
                        donor=donor,
                        recipient=recipient,
                        rule=rule,
                        change_percent=rate.percent if rate is not None else None,
                        change_base_year=rate.base_year if rate is not None else None,
                        certainty=sure,
                        rules=made_by,
                    )
                )
    # a whole may come after its parts (a table's total row): parts are linked once every fact is made
    linked = [
        replace(f, part_of=first_fact.get(link.whole)) if (link := parts.get(f.mention)) is not None else f
        for f in facts
    ]
    return tuple(linked), readings
