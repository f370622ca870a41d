"""Numbers with no unit of their own, read from the figures around them (step 3, after each mention).

* :func:`inherit_units`: a bare number counts what a figure before it in its sentence counts ("of whom
  7,200", "13 schools and 4", "the poor population fell by 0.8 million", "Cadres seconded: 17"), or the noun
  phrase it stands in apposition to ("The ninth batch of cadres, 74 in all", "a group of cadres, numbering 84");
* :func:`money_lists`: bare numbers listed before a sum of money share its unit and scale ("7, 3.5
  and 2 million yuan").
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from pairaid.core.extract.model import Mention
from pairaid.core.extract.qualifier_words import alternation, qualifiers_raw
from pairaid.core.extract.regex_leads import compile_led
from pairaid.core.extract.rules import word_list
from pairaid.core.units import is_person_noun, is_plural, singular

__all__ = ["inherit_units", "money_lists", "qualifier_alternation"]


def qualifier_alternation() -> str:
    """The qualifier words that stand before a number (``data/qualifiers.yaml`` ``before``), as one
    alternation, longest first, for patterns that allow one between words and a number."""
    return alternation([str(k).lower() for k in qualifiers_raw()["before"]], spaced=True)


# an optional qualifier before a number: the words of data/qualifiers.yaml that stand before one
_QUAL = rf"(?:(?:{qualifier_alternation()})\s+)?"
_OF_WHOM_BEFORE = compile_led(rf"\b(?:of|among)\s+(?:whom|them|which|these|those)\s*,?\s*{_QUAL}$", re.I)
_OF_THEM_AFTER = re.compile(r"\s+(?:of|among)\s+(?:whom|them|which|these|those)\b", re.I)
_CONTINUES = re.compile(
    rf"(?:\s+(?:were|was|have\s+been|had\s+been)\s+(?:[a-z]+ed|under\s+(?:construction|way)|underway|in\s+progress))?(?:\s+in\s+(?:19|20)\d\d)?\s*,?\s*(?:to|and|or)\s+{_QUAL}",
    re.I,
)
# "built 14 kindergartens in Linxi and renovated 6": a second verb of the same things, their noun not said again
_VERB_AND = re.compile(
    rf"(?:\s+(?:in|at|for)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)?\s*,?\s+and\s+[a-z]+ed\s+"
    rf"(?:(?:another|a\s+further|a\s+total\s+of)\s+)?{_QUAL}",
    re.I,
)
# "of whom 12,800 were from A, 10,200 from B and 8,500 from C": a bare number listed after another
_LISTED_AFTER = re.compile(rf"[^.;:\d]{{0,45}}?(?:,\s*(?:and\s+)?|\s+and\s+){_QUAL}", re.I)
_POPULATION = compile_led(r"\bpopulation\b[^.;,]{0,60}$", re.I)
# "the second batch of aid cadres, 76 in all, took up their posts", "Doctors from A, 32 in number, worked":
# a count in apposition to the noun phrase before it (back to the clause start)
_APPOSITION_BEFORE = re.compile(r"(?:^|[.;:,!?(\n】]\s*)([A-Za-z][^.;:,!?()\d\n]{0,60}?)\s*,\s*$")
# "A tenth group of cadres, numbering 84, arrived": the same apposition, its count after "numbering"
_NUMBERING_BEFORE = re.compile(r"(?:^|[.;:!?(\n】]\s*)([A-Za-z][^.;:,!?()\d\n]{0,60}?)\s*,\s*numbering\s+$", re.I)
# "The fourth batch, 35 strong, arrived": a group of the people counted before it
_GROUP = re.compile(r"\b(?:batch|group|team|contingent|squad)\b", re.I)
# "Anhe companies invested N yuan, and 57 of them set up plants": the sentence's subject, its first words
_SUBJECT = re.compile(r"(?:^|[.;!?]\s+|\n\s*)((?:[A-Za-z][\w’'-]*\s+){0,3}[A-Za-z][\w’'-]*)\s(?:[^.;!?\n]|\.\d)*$")
# a table flattened into lines: "Cadres seconded: 17; professionals sent: 64"
# ... or a slide's rows with dotted leaders: "Cadres seconded ........ 17"
# ... or a statistical bulletin's or a slide's: "Nurses, engineers and vets sent: 140", "- Doctors / nurses sent: 120"
_LABEL_BEFORE = re.compile(
    r"(?:^|[\n;；]|\s{2,}|(?<=[.!?])\s+)\s*(?:[-–•*·]\s+)?(?P<label>[A-Za-z][A-Za-z'’ ,/-]{2,90}?)"
    r"(?::|\s*(?:[.·](?:[ \t]?[.·]){2,}|…{2,}))\s*$"
)
# the figure after the noun it counts, as translated text writes it: "built projects 58", "did operations 412",
# "signed cooperation projects 11, contract amount ...": the plural noun right before a bare number (not a word after)
# (one space between: a table's cells stand apart by tabs or several spaces)
_NOUN_BEFORE = re.compile(r"(?<![A-Za-z’'-])(?P<np>(?:[a-z][a-z-]* ){0,2}[a-z][a-z-]*[a-z]s) $")
# "46 of the 52 projects": a bare number before the whole it is a part of counts what the whole counts
_PART_OF_AFTER = re.compile(rf"\s+of\s+(?:the|all|its|their)\s+{_QUAL}", re.I)
# a part of the sum of money before it: "N yuan, of which (about) 350 million ..."
_MONEY_PART = compile_led(rf"\b(?:of\s+which|including|of\s+(?:this|that|it))\s*,?\s*{_QUAL}$", re.I)
# "and another 800 found jobs": a bare number whose act only people do (``people_acts`` of ``words.yaml``)
_PEOPLE_ACT = re.compile(rf"\s+(?:(?:have|had|has)\s+)?(?:{'|'.join(word_list('people_acts'))})\b", re.I)
_IN_ALL = re.compile(r"\s+(?:in\s+all|in\s+total|in\s+number|altogether|strong)\b", re.I)
# "37,000 rural labourers, including 12,000 through ...": a part of the figure before it
_OF_THE_BEFORE = re.compile(r"\b(?:of|among)\s+(?:the|these|those)\s+$", re.I)
_THEN_COMMA = re.compile(r"(?:[^.;,\d]|(?:19|20)\d\d){0,40},\s*")  # "built since 1996, 23 were"
# "trained 1,200 nurses in 2012, compared with 900 in 2011", "against 2,900 in 2011": an earlier year's count
# ... "rose to 1,200 from 900", "1,200 nurses (2011: 900)", "1,200 nurses (900 in 2011)"
_COMPARED_BEFORE = compile_led(
    rf"(?:\b(?:compared\s+(?:with|to)|against|(?:up|down|rising|falling|rose|fell|increased|decreased|grew)\s+from"
    rf"|to\s+[\d.,]+\s+from)\s+(?:the\s+)?|[a-z]\s*[(（]\s*(?:(?:19|20)\d\d\s*[:：]\s*)?){_QUAL}$",
    re.I,
)
# a gapped clause: "Anhe gave 50 million yuan and Cangzhou 30 million", "sent 40 teachers, while Cangzhou sent 25":
# a bare number after a figure (and its "of/in/to" phrase), a joining word and another party (a name or "its/the"
# noun), with at most its verb, counts what that figure counts (its verb and unit left out)
_GAPPED = re.compile(
    rf"(?:\s+(?:of|in|to|for|into|at)(?:\s+(?!(?:and|while|whereas|but)\b)[\w’'-]+){{1,3}})?\s*,?\s*(?:and|while|whereas|but)\s+(?:(?:[A-Z][\w’'-]*\s+){{1,4}}|(?:its|their|the)\s+(?:[a-z][\w’'-]*\s+){{1,2}})"
    rf"(?:(?:{'|'.join(word_list('gapped_verbs'))})\s+)?{_QUAL}"
)
# "trained 3,000 herders in Linxi and 1,000 in Heping": a bare number after a figure's place and "and", itself
# followed by a place, counts what that figure counts
_PLACE_AND = re.compile(
    rf"\s+(?:in|to|for|at)\s+(?:[A-Z][\w’'-]*\s+){{0,3}}[A-Z][\w’'-]*\s*(?:,\s*(?:and\s+)?|\s+and\s+){_QUAL}"
)
_PLACE_AFTER = re.compile(r"\s+(?:in|to|for|at)\s+(?:the\s+)?[A-Z]")
_INCLUDING_BEFORE = compile_led(rf"\b(?:including|among\s+them|of\s+this)\s*,?\s*{_QUAL}$", re.I)
# "the number of people trained was up to 3,700", "the training courses held by A numbered 26"
_NUMBER_OF = re.compile(
    rf"\bthe\s+number\s+of\s+(?P<np>[a-z][a-z\s-]{{0,40}}?)\s+(?:was|were|reached|totall?ed|stood\s+at|amounted\s+to"
    rf"|(?:fell|dropped|decreased|declined|rose|increased|grew)\s+to)"
    rf"\s+(?:up\s+to\s+)?{_QUAL}$"
    # "bringing the number of homes built since 2011 to 24,800": a new level of what the number counts
    rf"|\b(?:bringing|raising|taking|pushing|lifting)\s+the\s+(?:total\s+)?number\s+of\s+"
    rf"(?P<total>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){{0,2}}?)\b[^.;,\d]{{0,40}}?(?:(?:19|20)\d\d[^.;,\d]{{0,10}})?\s+to\s+{_QUAL}$"
    rf"|(?:^|[.;,:]\s*|\bthe\s+)(?P<subject>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){{0,2}}?)\s+(?:[a-z]+\s+(?:by|in|of)\s+"
    rf"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+)?numbered\s+{_QUAL}$",
    re.I,
)


def inherit_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare number (no unit word, no noun) counts what a figure before it in its sentence counts.

    * "of whom 7,200 ...", "3,100 of them ...": the last figure of people or things before it;
    * "from 5,000 residents to nearly 31,000", "13 schools and 4", "58 projects were started and 44
      completed": the figure just before it;
    * "the poor population fell by 0.8 million": people (unit ``person``);
    * "Of the 92 cadres sent, 12 ...": the figure the sentence opened on;
    * "1,200 nurses in 2012, compared with 900 in 2011", "against 900": the last counted figure before it;
    * "the first batch of aid cadres, 113 in all, ...": what the noun before the comma counts;
    * "Cadres seconded: 24; teachers sent: 113", " - Cadres at their posts: 24": what the label before the colon counts;
    * "and another 800 found jobs", "while 2,100 were employed": people (``people_acts`` of ``words.yaml``);
    * "completed 46 of the 52 projects": what the whole after it counts.
    """
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        if (
            m.unit == "person"
            and m.noun in ("person", "people")
            and _ENDS_LABEL.search(text, max(0, m.start - 3), m.start)
        ):
            out.append(_labelled_people(text, m))  # "Officials seconded: 27 persons": officials
            continue
        if m.unit != "count" or m.noun is not None or "+unit" in m.rule or "+rmb" in m.rule:
            out.append(m)
            continue
        earlier = [p for p in reversed(out[max(0, k - 6) : k]) if p.sentence == m.sentence]
        lead = text[max(0, m.start - 40) : m.start]
        if m.rule.endswith("_scale") and earlier and earlier[0].unit == "CNY" and _MONEY_PART.search(lead):
            out.append(replace(m, unit="CNY"))  # "1.2 billion yuan, of which about 350 million went to A": yuan
            continue
        counted = [p for p in earlier if p.unit in ("person", "household") or (p.unit == "count" and p.noun)]
        source: Mention | None = None
        marker = _OF_WHOM_BEFORE.search(lead) or _OF_THEM_AFTER.match(text, m.end)
        subject = _SUBJECT.search(text, max(0, m.start - 160), m.start) if marker and not counted else None
        if counted and marker:
            # "of whom" counts people: the last figure of people before it, else the last counted one
            people = [p for p in counted if p.unit == "person"] if "whom" in marker.group(0).lower() else []
            source = (people or counted)[0]
        elif (
            earlier
            and earlier[0] in counted
            and (
                _CONTINUES.fullmatch(text, earlier[0].end, m.start)
                or ("+" not in earlier[0].rule and _LISTED_AFTER.fullmatch(text, earlier[0].end, m.start))
                or _VERB_AND.fullmatch(text, earlier[0].end, m.start)
            )
        ):
            source = earlier[0]
        elif (
            earlier
            and earlier[0].unit != "percent"
            and (
                _GAPPED.fullmatch(text, earlier[0].end, m.start)
                or (_PLACE_AND.fullmatch(text, earlier[0].end, m.start) and _PLACE_AFTER.match(text, m.end))
            )
        ):
            out.append(_gapped(m, earlier[0]))
            continue
        elif counted and (_INCLUDING_BEFORE.search(lead) or _COMPARED_BEFORE.search(lead)):
            source = counted[0]
        elif (
            counted
            and _OF_THE_BEFORE.search(text, max(0, counted[0].start - 20), counted[0].start)
            and _THEN_COMMA.fullmatch(text, counted[0].end, m.start)
        ):
            source = counted[0]  # "Of the 64 cadres dispatched, 9 held posts at county level"
        named = _NUMBER_OF.search(text, max(0, m.start - 90), m.start) if source is None else None
        if source is not None:
            out.append(replace(m, unit=source.unit, noun=source.noun))
        elif named is not None:
            out.append(_counted_by(m, named.group("np") or named.group("total") or named.group("subject")))
        elif _POPULATION.search(text, max(0, m.start - 70), m.start):
            out.append(replace(m, unit="person", noun="person"))
        elif subject is not None and _OF_THEM_AFTER.match(text, m.end) and _counted_by(m, subject.group(1)) != m:
            out.append(_counted_by(m, subject.group(1)))  # "Firms invested N yuan, and 57 of them set up plants"
        elif (
            _IN_ALL.match(text, m.end) and (phrase := _APPOSITION_BEFORE.search(text, max(0, m.start - 70), m.start))
        ) or ("numbering" in lead and (phrase := _NUMBERING_BEFORE.search(text, max(0, m.start - 85), m.start))):
            out.append(_in_apposition(m, phrase.group(1), out))
        elif lead.rstrip()[-1:] in _LABEL_ENDS and (label := _LABEL_BEFORE.search(_line_lead(text, m.start))):
            out.append(_counted_by(m, label.group("label")))
        elif (
            k + 1 < len(mentions)
            and (whole := mentions[k + 1]).sentence == m.sentence
            and whole.noun is not None
            and _PART_OF_AFTER.fullmatch(text, m.end, whole.start)
        ):
            out.append(replace(m, unit=whole.unit, noun=whole.noun))  # "completed 46 of the 52 projects"
        elif (
            k + 1 < len(mentions)
            and (level := mentions[k + 1]).sentence == m.sentence
            and (level.unit in ("person", "household") or (level.unit == "count" and level.noun is not None))
            and _FROM_BEFORE.search(lead)
            and _TO_AFTER.fullmatch(text, m.end, level.start)
        ):
            out.append(replace(m, unit=level.unit, noun=level.noun))  # "rose from 2,100 in 2018 to 3,500 people"
        elif (noun_before := _NOUN_BEFORE.search(lead)) is not None:
            # "built projects 58", "doctors did operations 412": the noun right before it, its words for the rules
            by_noun = _counted_by(m, noun_before.group("np").split()[-1])
            out.append(replace(by_noun, noun_phrase=noun_before.group("np")) if by_noun is not m else m)
        elif _PEOPLE_ACT.match(text, m.end):  # "and another 800 found jobs": people, what the sentence counted last
            who = next((p.noun for p in earlier if p.unit == "person"), None)
            out.append(replace(m, unit="person", noun=who or "person"))
        else:
            out.append(m)
    return out


# a change from a level to a new one: "rose from N (in 2018) to M people"
_FROM_BEFORE = re.compile(r"\b(?:from|by)\s+(?:(?:about|some|nearly|almost|over|around)\s+)?$", re.I)
_TO_AFTER = re.compile(r"(?:\s+(?:in|for)\s+(?:19|20)\d\d)?\s+to\s+(?:(?:about|some|nearly|almost|over|around)\s+)?")
# the gap between the members of a list of figures: "7, 3.5 and 2 million yuan"
_LIST_GAP = re.compile(r"\s*[,，、]\s*(?:and\s+)?|\s+and\s+")
_LEADING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def money_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """Bare numbers listed before a sum of money share its unit and scale word: in "7, 3.5 and 2 million
    yuan" the 7 is 7 million yuan (gold-format.md: values with scale words applied); bare whole numbers
    listed before a count of a noun count it ("62, 58 and 35 villages")."""
    out = list(mentions)
    for k in range(len(out) - 1, 0, -1):
        last = out[k]
        if last.unit != "CNY":
            if (last.unit == "count" and last.noun) or last.unit in ("person", "household"):
                _count_list(text, out, k)
            continue
        lead = _LEADING_NUMBER.search(last.text)
        digits = Decimal(lead.group().replace(",", "")) if lead is not None else Decimal(0)
        scale = last.value / digits if digits else Decimal(1)
        j = k - 1
        while j >= 0:
            bare = out[j]
            if bare.sentence != last.sentence or bare.unit != "count" or bare.noun is not None or "+" in bare.rule:
                break
            if not _LIST_GAP.fullmatch(text, bare.end, out[j + 1].start):
                break
            factor = scale if bare.rule in ("digits", "range") else Decimal(1)
            high = bare.value_high * factor if bare.value_high is not None else None
            out[j] = replace(bare, unit="CNY", value=bare.value * factor, value_high=high)
            j -= 1
    return out


def _count_list(text: str, out: list[Mention], k: int) -> None:
    """The bare whole numbers listed just before ``out[k]``, a count of a noun, count that noun too."""
    last = out[k]
    j = k - 1
    while j >= 0:
        bare = out[j]
        if bare.sentence != last.sentence or bare.unit != "count" or bare.noun is not None or bare.rule != "digits":
            break
        if not _LIST_GAP.fullmatch(text, bare.end, out[j + 1].start) or bare.value != bare.value.to_integral_value():
            break
        out[j] = replace(bare, unit=last.unit, noun=last.noun)
        j -= 1


def _gapped(m: Mention, before: Mention) -> Mention:
    """A bare number of a gapped clause counts what the figure before it counts; a number with no scale word after a
    sum with one takes its scale ("gave 50 million yuan and Cangzhou 30": 30 million yuan)."""
    if before.unit != "CNY" or m.rule != "digits":
        return replace(m, unit=before.unit, noun=before.noun)
    lead = _LEADING_NUMBER.search(before.text)
    digits = Decimal(lead.group().replace(",", "")) if lead is not None else Decimal(0)
    scale = before.value / digits if digits else Decimal(1)
    high = m.value_high * scale if m.value_high is not None else None
    return replace(m, unit="CNY", noun=None, value=m.value * scale, value_high=high)


def _line_lead(text: str, start: int) -> str:
    """The words before a figure at ``start`` to look for its label in: back to its line's start, at most 120
    characters ("Cadres seconded ........................ 21"); a window that starts inside its line starts with a
    character no label starts with, so that no word cut in two is read as one."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start] if start - line_start <= 120 else "\x00" + text[start - 120 : start]


# the last words of a phrase before a bare number that name no counted noun: verbs ("totals 58"), words of time
# ("years 3")
_NOT_NOUNS_BEFORE = frozenset(
    {
        "totals",
        "reaches",
        "stands",
        "numbers",
        "includes",
        "employs",
        "covers",
        "houses",
        "hosts",
        "has",
        "was",
        "is",
        "does",
        "gets",
        "makes",
        "sees",
        "yields",
        "amounts",
        "counts",
        "adds",
        "brings",
        "years",
        "months",
        "days",
        "weeks",
        "hours",
        "times",
    }
)
_LABEL_ENDS = frozenset(":.·…")
_PEOPLE_OPENING = re.compile(r"(?:employed|hired|recruited|trained|transferred|relocated|resettled|treated|placed)$")
_ENDS_LABEL = re.compile(r"[:.·…]\s*$")


def _labelled_people(text: str, m: Mention) -> Mention:
    """``m``, people with no kind of their own ("27 persons"), of the kind the label before it names ("Officials
    seconded: 27 persons": official), else as it is."""
    label = _LABEL_BEFORE.search(_line_lead(text, m.start))
    named = _counted_by(m, label.group("label")) if label is not None else m
    return replace(m, noun=named.noun) if named.unit == "person" and named.noun not in ("person", "people") else m


def _in_apposition(m: Mention, phrase: str, earlier: list[Mention]) -> Mention:
    """``m`` counting what the noun phrase it stands in apposition to counts ("Doctors from A, 32 in number"), or,
    for a group that names no noun ("The sixth batch, 48 strong"), the people counted last before it."""
    counted = _counted_by(m, phrase)
    if counted is not m or not _GROUP.search(phrase):
        return counted
    people = next((p for p in reversed(earlier[-6:]) if p.unit == "person"), None)
    return replace(m, unit="person", noun=people.noun if people is not None else "person")


def _counted_by(m: Mention, phrase: str) -> Mention:
    """``m`` counting what ``phrase`` names: its first plural when it comes before any word of people ("Dwellings
    repaired for poor families"), else people when a word of it counts people ("Registered poor villagers"), people
    when it opens on their act ("Employed in village workshops"), else its first plural."""
    words = phrase.lower().replace(",", " ").replace("/", " ").split()
    if words and words[-1] in _NOT_NOUNS_BEFORE:
        return m
    things = [n for n, w in enumerate(words) if is_plural(w) and not is_person_noun(singular(w))]
    first_plural = things[0] if things else None
    # a word of people before a plural of things qualifies it ("Poor counties covered": counties)
    people = [
        n
        for n, w in enumerate(words)
        if is_person_noun(singular(w))
        and not (n + 1 < len(words) and is_plural(words[n + 1]) and not is_person_noun(singular(words[n + 1])))
    ]
    if first_plural is not None and people and first_plural < people[0]:
        words, people = words[: people[0]], []
    elif not people and words and _PEOPLE_OPENING.match(words[0]):
        return replace(m, unit="person", noun="person", noun_phrase=phrase)
    if people:
        return replace(m, unit="person", noun=singular(words[people[0]]))
    plural = next((w for w in words if is_plural(w) and not is_person_noun(singular(w))), None)
    if plural is None:
        return m
    if singular(plural) == "household":  # "Households benefiting: 5,800"
        return replace(m, unit="household", noun=None, noun_phrase=phrase)
    return replace(m, noun=singular(plural), noun_phrase=phrase)
