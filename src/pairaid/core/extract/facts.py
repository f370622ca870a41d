"""Step 5: facts, mentions bound to indicators with period, donor, recipient and links.

:func:`bind_facts` runs, for each mention, the cue rules of ``data/cues.yaml``
(first the plan test of F1 and the unbound patterns, then the money rules in
the order of F2, or the count rules), then links parts (F3, F4), drops facts
on verbatim repeats (F10), attaches growth rates (F6) and periods (F5).  A
mention no rule binds stays an unbound mention (DESIGN.md: never guessed).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pairaid.core.extract.contexts import figure_run, mention_contexts
from pairaid.core.extract.cues import Context, CueRule, lexicon, rule_matches
from pairaid.core.extract.model import Fact, Mention, Sentence
from pairaid.core.extract.parts import Candidate, find_parts, find_rates, repeated
from pairaid.core.extract.periods import mention_periods
from pairaid.core.extract.places import (
    Parties,
    respectively_donors,
    respectively_recipients,
    sentence_actors,
    sentence_donor,
    sentence_places,
)
from pairaid.core.units import is_plural, singular

__all__ = ["bind_facts"]

_CONTEXT_INDICATORS = frozenset({"gdp", "fixed_asset_investment", "fiscal_revenue", "retail_sales"})
_PLAN_RIGHT = re.compile(
    r"^\s*(?:\w+\s+){0,3}(?:will|would|shall|is\s+to|are\s+to|is\s+expected|are\s+expected)\b", re.I
)


# figures in the list may have thousands separators and decimals ("respectively reached 1,215 and ")
_RESPECTIVELY_NOUNS = re.compile(
    r"(?:the\s+numbers?\s+of\s+)?([a-z][a-z\s-]+?)\s+respectively\b(?:[^,;.]|(?<=\d)[,.](?=\d))*$", re.I
)
_OWN_VERB = re.compile(r"^\s*(?:[\w-]+\s+){0,5}?(?:had|has|have|was|were)\b", re.I)
_PREDICATE_NOUN = re.compile(r"^\s*(?:were|are)\s+((?:[\w-]+\s+){0,3}?[\w-]+s)\b", re.I)


def _is_plan(ctx: Context) -> bool:
    """F1: a plan word governs the mention (in its own words, or earlier in its clause when
    the mention has no verb of its own after it), or a future verb follows it."""
    if ctx.plan_left or ctx.plan_sentence or _PLAN_RIGHT.match(ctx.right):
        return True
    return ctx.plan_clause and not _OWN_VERB.match(ctx.right)


def _first(rules: tuple[CueRule, ...], unit: str, ctx: Context) -> CueRule | None:
    for rule in rules:
        if rule_matches(rule, unit, ctx):
            return rule
    return None


def _listed_noun(text: str, ctx: Context, mentions: tuple[Mention, ...], i: int) -> Context:
    """Noun for a bare number from "the number of A and B respectively reached N and M" or "N of them"."""
    lex = lexicon()
    m = mentions[i]
    if lex.of_them.match(ctx.right):
        prev = [j for j in range(i - 1, -1, -1) if mentions[j].sentence == m.sentence and mentions[j].noun]
        if prev:
            p = mentions[prev[0]]
            return replace(ctx, np=p.noun_phrase, head=p.noun or "")
    pred = _PREDICATE_NOUN.match(ctx.right)
    if pred is not None:
        noun = singular(pred.group(1).split()[-1])
        return replace(ctx, np=pred.group(1), head=noun)
    resp = _RESPECTIVELY_NOUNS.search(ctx.clause) if "respectively" in ctx.clause.lower() else None
    if resp is not None:
        items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", resp.group(1)) if x.strip()]
        after = ctx.clause[resp.end(1) :]
        k = sum(1 for j in range(i) if mentions[j].sentence == m.sentence and mentions[j].start > m.start - len(after))
        if len(items) == 1:
            k = 0  # "the completed houses respectively reached 9,800 and 11,800": one noun for all
        if 0 <= k < len(items):
            words = items[k].split()
            # the item's noun: its first plural ("enterprises investing in the west"), else its last word
            noun = next((w for w in words if is_plural(w)), words[-1])
            return replace(ctx, np=items[k], head=singular(noun))
    return ctx


def _candidate(
    text: str, i: int, m: Mention, ctx: Context, mentions: tuple[Mention, ...]
) -> tuple[Candidate, tuple[str, ...]]:
    lex = lexicon()
    if _is_plan(ctx):
        return Candidate(i, None, "plan", False), ()
    for name, pat in lex.unbound_right:
        if pat.match(ctx.right):
            return Candidate(i, None, f"unbound:{name}", False), ()
    if m.unit == "CNY":
        rule = _first(lex.money, m.unit, ctx)
        if rule is None:
            return Candidate(i, None, "no_cue", False), ()
        return Candidate(i, rule.indicator, f"money:{rule.indicator}", rule.indicator == "aid_funds"), ()
    if m.unit == "percent":
        return Candidate(i, None, "percent", False), ()
    if not ctx.head:
        ctx = _listed_noun(text, ctx, mentions, i)
    rule = _first(lex.counts_by_unit.get(m.unit, ()), m.unit, ctx)
    if rule is None:
        return Candidate(i, None, "no_cue", False), ()
    extra = tuple(r.indicator for r in lex.counts if r.indicator in rule.also and rule_matches(r, m.unit, ctx))
    return Candidate(i, rule.indicator, f"count:{rule.indicator}", rule.generic), extra


def _pairs(
    donors: tuple[str | None, ...], recipients: tuple[str | None, ...], *, context: bool
) -> list[tuple[str | None, str | None]]:
    """Donor-recipient pairs of one figure: one fact per listed donor or recipient (F4)."""
    if context:
        return [(None, r) for r in recipients]
    return [(d, r) for d in donors for r in recipients]


def bind_facts(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    *,
    report_year: int,
    parties: Parties,
) -> tuple[Fact, ...]:
    """Facts for ``mentions`` of ``text`` (gold-format.md Layer 2, conventions F1-F10).

    Returns facts in mention order; ``Fact.part_of`` indexes the returned
    tuple.  Periods default to ``report_year``; donor and recipient come from
    ``parties`` (F9) and "respectively" lists (F4).
    """
    contexts = mention_contexts(text, sentences, mentions)
    periods = mention_periods(text, sentences, mentions, report_year)
    pairs = [_candidate(text, i, m, contexts[i], mentions) for i, m in enumerate(mentions)]
    cands = tuple(c for c, _ in pairs)
    parts = find_parts(text, sentences, mentions, cands, contexts)
    resolved: dict[int, str] = {}
    for i, c in enumerate(cands):
        if c.indicator is not None:
            resolved[i] = c.indicator
    for i in sorted(parts):
        whole = parts[i]
        c = cands[i]
        if whole in resolved and ((c.indicator is None and c.rule == "no_cue") or c.generic):
            resolved[i] = resolved[whole]
    # a whole resolved late (parts of parts) passes its indicator down again
    for i in sorted(parts):
        whole = parts[i]
        if whole in resolved and cands[i].generic:
            resolved[i] = resolved[whole]
    drop = repeated(mentions, resolved)
    for i in drop:
        resolved.pop(i, None)
    rates = {r.mention: r for r in find_rates(text, mentions, contexts, set(resolved))}
    # F4: "402 and 296 million yuan went respectively to A and B": the listed places pair up with the figures
    paired: dict[int, str] = {}
    for i in resolved:
        places = respectively_recipients(contexts[i].rest)
        run = figure_run(text, mentions, i) if len(places) > 1 else []
        if len(run) == len(places) > 1:
            paired.update(zip(run, places, strict=True))
    facts: list[Fact] = []
    first_fact: dict[int, int] = {}
    actors: dict[int, tuple[tuple[int, str], ...]] = {}
    sentence_named: dict[int, tuple[tuple[int, int, str], ...]] = {}
    for i in range(len(mentions)):
        if i not in resolved:
            continue
        indicators = (resolved[i], *pairs[i][1])
        whole_of = parts.get(i)
        part_of = first_fact.get(whole_of) if whole_of is not None else None
        k = mentions[i].sentence
        sent = sentences[k]
        before = text[sent.start : mentions[i].start]
        if parties.kind == "pairing":
            if k not in sentence_named:  # read once per sentence
                sentence_named[k] = sentence_places(text[sent.start : sent.end], parties.donor)
                actors[k] = sentence_actors(text[sent.start : sent.end])
            start, end = mentions[i].start - sent.start, mentions[i].end - sent.start
            after = next((p for a, _, p in sentence_named[k] if a >= end), None)
            before_it = [p for a, b, p in sentence_named[k] if b <= start and a >= start - 300]
            # F3/F9: a figure names its place after it; a part without one went where its whole went;
            # else the last place named before it
            named = after or (facts[part_of].recipient if part_of is not None else None)
            named = named or (before_it[-1] if before_it else None)
            recipients = (
                (paired[i],)
                if i in paired
                else respectively_recipients(contexts[i].rest) or ((named or parties.recipient),)
            )
            actor = sentence_donor(actors[k], start, parties.donor)
            donors = respectively_donors(before) or ((actor or parties.donor),)
        else:  # F9: a national or provincial chapter names the area reported on
            recipients, donors = (parties.recipient,), (parties.donor,)
        rate = rates.get(i)
        for indicator in indicators:
            for donor, recipient in _pairs(donors, recipients, context=indicator in _CONTEXT_INDICATORS):
                first_fact.setdefault(i, len(facts))
                facts.append(
                    Fact(
                        mention=i,
                        indicator=indicator,
                        period=periods[i],
                        donor=donor,
                        recipient=recipient,
                        rule=cands[i].rule if indicator == cands[i].indicator else f"part:{indicator}",
                        part_of=part_of,
                        change_percent=rate.percent if rate is not None else None,
                        change_base_year=rate.base_year if rate is not None else None,
                    )
                )
    return tuple(facts)
