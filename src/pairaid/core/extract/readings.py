"""Step: the candidate readings of each mention, ranked by the rules that vote for them.

Every rule of the mention's language (``data/rules/<lang>``) whose units and
context fit votes: ``plan`` and ``unbound`` rules for leaving the figure unbound
(F1; "2,000 yuan each"), ``indicator`` rules for binding it.  The votes for one
reading add up to its score: the weight of its strongest rule, plus
:data:`MORE_EVIDENCE` of the weight of each further rule.  Readings are ranked
by score, ties by the order of their strongest rule in the files; the best one
wins (:func:`certainty` says by how much).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from pairaid.core.extract.model import Context, Mention, Reading, ReadingKind, Sentence
from pairaid.core.extract.rule_anchors import Present
from pairaid.core.extract.rule_needles import needle_screen, within
from pairaid.core.extract.rules import Rule, RuleSet, rule_matches, rule_set, word_list
from pairaid.core.units import is_plural, singular

__all__ = ["MORE_EVIDENCE", "best_readings", "certainty", "coordinated", "mention_readings"]

# a further rule voting for the same reading adds this share of its weight
MORE_EVIDENCE = 0.1

# a figure with a verb of its own after it ("N of the planned M had been built") is no plan of its clause
_OWN_VERB = re.compile(r"^\s*(?:[\w-]+\s+){0,5}?(?:had|has|have|was|were)\b", re.I)
# "the numbers of A and B respectively reached N and M"
_RESPECTIVELY_NOUNS = re.compile(
    r"(?:the\s+numbers?\s+of\s+)?([a-z][a-z\s-]+?)\s+respectively\b(?:[^,;.]|(?<=\d)[,.](?=\d))*$", re.I
)
_PREDICATE_NOUN = re.compile(r"^\s*(?:were|are)\s+((?:[\w-]+\s+){0,3}?[\w-]+s)\b", re.I)


def _plan_rule(rules: RuleSet, ctx: Context) -> Rule | None:
    """F1: the plan rule governing the figure: its words in the figure's own words, an objective earlier in
    the sentence, a future verb after it, or its words earlier in the clause when the figure has no verb
    of its own after it."""
    for rule_id in (ctx.plan_left, ctx.plan_sentence):
        if rule_id:
            rule = rules.by_id(rule_id)
            # (not where the rule's own words say after the figure that the plan was done: F1)
            return None if rule.not_ is not None and rule.not_.search(ctx.right) else rule
    for rule, match in rules.plan_right:
        if match(ctx.right):
            return rule
    if ctx.plan_clause and not _OWN_VERB.match(ctx.right):
        return rules.by_id(ctx.plan_clause)
    return None


def _listed_noun(ctx: Context, mentions: tuple[Mention, ...], i: int, rules: RuleSet) -> Context:
    """Noun for a bare number from "the number of A and B respectively reached N and M" or "N of them"."""
    m = mentions[i]
    if rules.link("of_them").match(ctx.right):
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
            k = 0  # "the completed houses respectively reached 6,400 and 7,900": one noun for all
        if 0 <= k < len(items):
            words = items[k].split()
            # the item's noun: its first plural ("enterprises investing in the west"), else its last word
            noun = next((w for w in words if is_plural(w)), words[-1])
            return replace(ctx, np=items[k], head=singular(noun))
    return ctx


Votes = dict[tuple[ReadingKind, str | None], list[Rule]]


@cache
def _aid_money(lang: str) -> frozenset[str]:
    """The indicators of aid money a channel rule may name more precisely (``aid_money`` of ``words.yaml``)."""
    return frozenset(word_list("aid_money", lang)) if lang == "en" else frozenset()


def _strongest_first(rule: Rule) -> tuple[float, int]:
    return -rule.weight, rule.order


def _rank(votes: Votes) -> tuple[Reading, ...]:
    readings = []
    for (kind, indicator), voters in votes.items():
        ordered = sorted(voters, key=_strongest_first) if len(voters) > 1 else voters
        score = ordered[0].weight + MORE_EVIDENCE * sum(r.weight for r in ordered[1:])
        generic = ordered[0].generic and all(r.generic for r in ordered)
        reading = Reading(kind, indicator, round(score, 4), tuple(r.id for r in ordered), generic)
        readings.append((reading, ordered[0].order))
    readings.sort(key=lambda pair: (-pair[0].score, pair[1]))
    return tuple(r for r, _ in readings)


def _vote(votes: Votes, kind: ReadingKind, indicator: str | None, rule: Rule) -> None:
    votes.setdefault((kind, indicator), []).append(rule)


def _present(rules: RuleSet, ctx: Context, seen: dict[str, int] | None = None) -> Present | None:
    """The anchors of ``ctx``, read lazily, when ``rules`` test them (:attr:`RuleSet.tests_anchors`); ``seen``
    keeps those of each string read for the contexts of one text."""
    return rules.present(ctx, seen) if rules.tests_anchors else None


def _readings(
    rules: RuleSet,
    i: int,
    m: Mention,
    ctx: Context,
    mentions: tuple[Mention, ...],
    seen: dict[str, int],
    needles: int | None = None,
) -> tuple[Reading, ...]:
    """``needles``: the strings the rules need standing in the figure's sentence, when its context is of its
    sentence (:mod:`~pairaid.core.extract.rule_needles`: Chinese)."""
    votes: Votes = {}
    plan = _plan_rule(rules, ctx)
    if plan is not None:
        _vote(votes, "plan", None, plan)
    present = _present(rules, ctx, seen)
    screen = needle_screen(rules.lang) if needles is not None else None
    unbound = rules.unbound(m.unit, ctx.head)
    for rule in rules.admitted(unbound, present) if screen is None else screen.admitted(unbound, needles or 0):
        if rule.fits_words(ctx):
            _vote(votes, "unbound", None, rule)
    if m.unit != "percent" and not votes:  # a plan or a figure of no kind of its own is read no further
        if m.unit != "CNY" and not ctx.head:
            ctx = _listed_noun(ctx, mentions, i, rules)
            present = _present(rules, ctx, seen)
            screen = None  # a noun taken from elsewhere
        found = rules.candidates(m.unit, ctx.head)
        candidates = rules.admitted(found, present) if screen is None else screen.admitted(found, needles or 0)
        for rule in candidates:
            if rule.vote == "indicator" and rule.fits_words(ctx):
                _vote(votes, "indicator", rule.value, rule)
        if any(kind == "indicator" and value in _aid_money(rules.lang) for kind, value in votes):
            # F2: whose aid money it is, from the clause's subject and its "from X" / "by X" phrases
            for rule in candidates:
                if rule.vote == "channel" and rule.fits_words(ctx):
                    _vote(votes, "indicator", rule.value, rule)
    ranked = _rank(votes)
    if ranked and ranked[0].kind == "indicator":
        also = _also(rules, ranked[0], m.unit, ctx)
        if also:
            ranked = (replace(ranked[0], also=also), *ranked[1:])
    return ranked


def own_channel(lang: str, m: Mention, ctx: Context) -> tuple[str, str] | None:
    """(indicator, rule id) of the strongest channel rule whose subject or "from X" / "by X" words fit a figure
    that is aid money only as a part of a whole ("of which 4 million yuan came from social donations"), or
    ``None`` (F2: a part of a breakdown takes the indicator its own wording gives)."""
    rules = rule_set(lang)
    admitted = rules.admitted(rules.candidates(m.unit, ctx.head), _present(rules, ctx))
    found = [r for r in admitted if r.vote == "channel" and r.fits_words(ctx)]
    if not found:
        return None
    best = max(found, key=lambda r: r.weight)
    return best.value, best.id


def mention_readings(
    sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], contexts: tuple[Context, ...], text: str = ""
) -> tuple[tuple[Reading, ...], ...]:
    """The readings of each mention, best first, by the rules of its sentence's language; with the ``text`` of
    the sentences, a Chinese figure's rules screened by the strings they need in its sentence (read once)."""
    seen: dict[str, dict[str, int]] = {}  # per language: the anchors of each string of a context read
    needles: dict[int, int] = {}  # per Chinese sentence: the strings its rules need standing in it
    out = []
    for i, m in enumerate(mentions):
        sent = sentences[m.sentence]
        rules = rule_set(sent.lang)
        found = None
        if text and not rules.tests_anchors and within(contexts[i], words := text[sent.start : sent.end]):
            found = needles.get(m.sentence)
            if found is None:
                found = needles[m.sentence] = needle_screen(sent.lang).mask(words.lower())
        out.append(_readings(rules, i, m, contexts[i], mentions, seen.setdefault(sent.lang, {}), found))
    return tuple(out)


def coordinated(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], readings: tuple[tuple[Reading, ...], ...]
) -> dict[int, str]:
    """The English figures no rule reads that stand in a coordination with the figure before them ("invested N
    in A and M in B"), with the id of the link rule: same sentence and unit (and counted noun, when both name
    one), only a phrase of place or purpose and "and" or a comma between them (the named pattern
    ``coordinated`` of ``parts.coordinated``), or in a gapped clause ("gave N yuan and Cangzhou M",
    ``parts.gapped``).  Such a figure reads as the one before it when it is no part of
    a whole (:func:`pairaid.core.extract.facts.resolve_indicators`)."""
    out: dict[int, str] = {}
    for i in range(1, len(mentions)):
        m, prev = mentions[i], mentions[i - 1]
        if readings[i] or prev.sentence != m.sentence or prev.unit != m.unit or m.unit == "percent":
            continue
        if (m.noun and prev.noun and m.noun != prev.noun) or sentences[m.sentence].lang != "en":
            continue
        if text[max(0, prev.start - 9) : prev.start].rstrip().lower().endswith("between"):
            continue  # "between N and M yuan": a range, not two sums
        rules = rule_set("en")
        if rules.link("coordinated").fullmatch(text, prev.end, m.start):
            out[i] = rules.link_rule("coordinated").id
        elif rules.link("gapped").fullmatch(text, prev.end, m.start):
            out[i] = rules.link_rule("gapped").id  # "Anhe gave N yuan and Cangzhou M": the verb left out
    return out


def best_readings(readings: Iterable[tuple[Reading, ...]]) -> tuple[Reading | None, ...]:
    """The winning reading of each mention, ``None`` when no rule voted."""
    return tuple(r[0] if r else None for r in readings)


def certainty(readings: tuple[Reading, ...]) -> float:
    """How far the best reading leads the second: (best - second) / best, 1 when it has no rival."""
    if len(readings) < 2 or readings[0].score <= 0:
        return 1.0
    return round((readings[0].score - readings[1].score) / readings[0].score, 2)


def _also(rules: RuleSet, reading: Reading, unit: str, ctx: Context) -> tuple[str, ...]:
    """Indicators the winning rule's ``also`` names whose own rules hold for the figure too ("trained
    300 people and helped them get jobs": jobs and people trained)."""
    strongest = rules.by_id(reading.rules[0])
    if not strongest.also:
        return ()
    found: list[str] = []
    for rule in rules.candidates(unit, ctx.head):
        wanted = rule.vote == "indicator" and rule.value in strongest.also and rule.value not in found
        if wanted and rule_matches(rule, unit, ctx):
            found.append(rule.value)
    return tuple(found)
