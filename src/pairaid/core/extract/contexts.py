"""Step: the words around each mention that the rules look at (``core/extract/README.md``).

* ``clause``: from the start of the sentence, or the last ";" / ":" before the
  mention, to the mention;
* ``right``: from the mention to the next mention, a comma, ";", ":" or the end
  of the sentence, cut before "and <verb>ed" ("allocated 3 million and raised ...");
* ``left``: from where the previous mention's right words end (or the clause
  start, or the last "of which" / "including") to the mention, with a trailing
  qualifier ("more than") removed; when it is only a "for"/"of" phrase it reaches
  back over the previous mention ("held 12 courses for 300 person-times").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from pairaid.core.extract.mentions import qualifier_words
from pairaid.core.extract.model import Context, Mention, Sentence
from pairaid.core.extract.regex_leads import led_pattern
from pairaid.core.extract.rule_anchors import may_match
from pairaid.core.extract.rules import RuleSet, rule_set, word_list
from pairaid.core.extract.table_model import LEADER_END
from pairaid.core.extract.tables import ZH_CELL, Table, value_column
from pairaid.core.extract.tables_zh import HAN_CHAR, year_header

__all__ = ["mention_contexts", "mention_run"]

# where a clause ends: ";", ":", ", and <verb>ed", ", and <figure>" ("... in County B, and 5 million yuan ...");
# written to open on its characters, so that the engine skips to them
_CLAUSE_BREAK = re.compile(
    r"[;:；：,](?:(?<=[;:；：])|(?<=,)\s*(?:and\s+)?\w+ed\b|(?<=,)\s*(?:and|while|but)\s+(?:$|\d))", re.I
)
_RIGHT_STOP = led_pattern(re.compile(r"[,;:，；：]|\.(?!\d)|\s+and\s+(?=\w+ed\b)"))
_CLAUSE_STOP = re.compile(r"[;:；：]")
_LEADER_CHARS = frozenset(".·…")
_UNIT_BRACKET_END = re.compile(r"\s*\([^()]*\)\s*:?$")  # a label's unit: "Aid funds (10,000 yuan):"
# how long a label before a colon a figure reads with may be ("Dongpo yak meat sold in Kelan through fairs and web
# shops: N", issue 11)
_LABEL_LENGTH = 90
_LABEL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_FOR_OF = re.compile(r"^[^,;]{0,100}?\b(?:for|of)\s*$")
_LAST_JOIN = re.compile(r".*(?:,|\band\b)", re.S)
# "84 schools and 37 health centres were built": figures joined by "," / "and" share the words after the last
_JOINED = re.compile(r"(?:\s+[\w'’-]+){0,4}?(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")
# a verb in the past ("were renovated", "were built") ends a run of figures that share their words
_VERB_ED = re.compile(
    r"\b(?:[a-z]{3,}ed|built|held|sent|made|paid|won|laid|spent|led|given|taken|done|brought|bought|sold|grown|dug)\b"
)
# "houses with a (combined) floor area of N m2": a measure of the figure before it
_WITH_MEASURE = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+with\s+(?:a\s+)?(?:combined\s+|total\s+|gross\s+)?(?:floor\s+|building\s+)?"
    r"(?:area|space|length|size)\s+of\s+(?:(?:about|over|nearly|more\s+than|some)\s+)?",
    re.I,
)
_MEASURES = frozenset({"m2", "ha", "mu", "km", "m", "m3"})
# Chinese figures standing side by side ("12批650人次", "2万多户8.4万人") or listed with 、/和 ("19个小城镇、67个村庄")
# share the words before the first and after the last
_ZH_JOINED = re.compile(r"[、和及与]?[\u4e00-\u9fff()]{0,10}?[、和及与]?")
# "a planned area of", "the planned total investment of": the plan word qualifies one noun
_ATTRIBUTIVE_PLAN = re.compile(r".*\b(?:a|an|the|its|their|with)\s+planned\b(?!\s+to\b)", re.I | re.S)


def _ends_for_of(left: str) -> bool:
    """A quick test before :data:`_FOR_OF`: ``left`` ends on "for" or "of" (white space aside)."""
    return left.rstrip()[-3:].lower().endswith(("for", "of"))


def _strip_qualifier(left: str) -> str:
    m = qualifier_words().before_search(left)
    if m is not None:
        return left[: m.start(1)]
    return left


def _plan_word_rule(rules: RuleSet, text: str, start: int) -> str:
    """The id of the plan rule whose words match at ``start``."""
    for rule in rules.voting("plan", "words"):
        if any(p.match(text, start) for _, p in rule.fields):
            return rule.id
    return ""


PlanWords = tuple[list[tuple[int, str]], list[tuple[int, str]], int, str]


def _plans(rules: RuleSet, text: str, sent: Sentence, upto: int, before: Sentence | None = None) -> PlanWords:
    """Plan words (F1) of a sentence before ``upto``: (end, rule id) of each, of those that govern their
    clause (an attributive "planned", "with a planned area of N", governs only its own figure's words),
    and where an objective starts to govern and its rule: in the sentence, or from its start when the
    sentence ``before`` it in its paragraph ends on the named pattern ``before`` of an objective rule
    ("... 的资金和项目全部敲定。" announces the plan the next sentence gives) or holds the objective and
    ends on a ";" (Chinese sentences are cut there, but the clauses after it go on with the same objective)."""
    words = list(rules.plan_words.finditer(text, sent.start, upto))
    found = [(p.end(), _plan_word_rule(rules, text, p.start())) for p in words]
    governing = [
        pair
        for p, pair in zip(words, found, strict=True)
        if not _ATTRIBUTIVE_PLAN.match(text, max(sent.start, p.start() - 12), p.end())
    ]
    joined = before is not None and sent.lang == "zh" and text[before.end - 1 : before.end] in ";；"  # cut at ";"
    for rule in rules.voting("plan", "sentence"):
        if not any(k == "sentence" for k, _ in rule.patterns):
            continue  # a heading's rule (:func:`_plan_blocks`)
        announced = before is not None and any(k == "before" for k, _ in rule.patterns)
        if announced and before is not None and rule.pattern("before").search(text, before.start, before.end):
            return found, governing, sent.start, rule.id
        if joined and before is not None and rule.pattern("sentence").search(text, before.start, before.end):
            return found, governing, sent.start, rule.id  # the objective of the clauses before its ";"
        sentence = rule.pattern("sentence")  # searched only where its words stand (one sentence in six)
        body = text[sent.start : sent.end]
        objective = sentence.search(text, sent.start, sent.end) if may_match(sentence, body) else None
        if objective is not None:
            return found, governing, objective.end(), rule.id
    return found, governing, sent.end + 1, ""


# the verbs that make the words before them a clause's subject, and the "from X" / "by X" phrases of a clause
_VERB = re.compile(rf"\b(?:{'|'.join(word_list('actor_words'))})\b")
_WORDS = r"[A-Za-z’'-]+(?:\s+[A-Za-z’'-]+)"
# a list of names: "the provincial, city and county governments", "enterprises, schools and citizens"
_LISTED = rf"{_WORDS}{{0,4}}(?:\s*,\s*{_WORDS}{{0,4}})+\s*,?\s+and\s+{_WORDS}{{0,4}}"
_SOURCE = re.compile(rf"\b(?:from|by)\s+(?:the\s+)?((?:{_LISTED})|{_WORDS}{{0,6}})", re.I)
# a subject that is such a list, not an opening phrase before a comma ("Beyond government funds, citizens and ...")
_LIST_SUBJECT = re.compile(
    rf"\s*(?!(?:beyond|besides|apart|except|in|of|with|after|before|for|on|at|during|since|through|under|over"
    rf"|among|as|by|from|to|like|unlike|despite|aside|along|thanks)\b){_LISTED}\s*",
    re.I,
)


def _subject(text: str, start: int, end: int) -> str:
    """The subject of the last verb between ``start`` and ``end`` (the figure): the words before that verb
    back to a comma or ``start`` ("The provincial finance" in "The provincial finance arranged funds of N")."""
    verbs = list(_VERB.finditer(text, start, end))
    if not verbs:
        return ""
    verb = verbs[-1].start()
    comma = max(text.rfind(",", start, verb), text.rfind("，", start, verb))
    if comma >= 0 and _LIST_SUBJECT.fullmatch(text, start, verb):
        return text[start:verb].strip()  # the commas of a list of names ("its departments, bureaus and agencies")
    return text[max(start, comma + 1) : verb].strip()


_JOIN = led_pattern(re.compile(r",|\band\b"))


def _last_join(text: str, start: int, end: int) -> int:
    """Where the last "," or "and" between ``start`` and ``end`` begins, else ``end``."""
    joins = list(_JOIN.finditer(text, start, end))
    return joins[-1].start() if joins else end


def _sources(text: str, start: int, end: int) -> tuple[str, ...]:
    """The "from X" / "by X" phrases between ``start`` and ``end`` (a figure's own words on both sides)."""
    return tuple(m.group(1) for m in _SOURCE.finditer(text, start, end))


def _plan_blocks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of the lines under a heading of targets ("Targets for 2013", a rule of kind ``plan:
    sentence`` with a named pattern ``heading``): from the heading to the first blank line after the lines under it;
    and of the words a Chinese rule's named pattern ``block`` holds in its group 1 (a year's allotment up to the
    progress reported on it: "今年…安排 N…截至5月底已拨付 M")."""
    blocks: list[tuple[int, int, str]] = []
    if HAN_CHAR.search(text):
        for rule in rule_set("zh").voting("plan", "sentence"):
            if any(k == "block" for k, _ in rule.patterns):
                blocks.extend((m.start(1), m.end(1), rule.id) for m in rule.pattern("block").finditer(text))
    for rule in rule_set("en").voting("plan", "sentence"):
        if any(k == "heading" for k, _ in rule.patterns):
            for m in rule.pattern("heading").finditer(text):
                body = _FIRST_LINE.search(text, m.end())
                end = text.find("\n\n", body.start() if body is not None else m.end())
                blocks.append((m.end(), end if end >= 0 else len(text), rule.id))
    return blocks


_FIRST_LINE = re.compile(r"\S")


def _in_block(blocks: list[tuple[int, int, str]], at: int) -> str:
    return next((rule for a, b, rule in blocks if a <= at < b), "")


def mention_contexts(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], tables: tuple[Table, ...] = ()
) -> tuple[Context, ...]:
    """One :class:`~pairaid.core.extract.model.Context` per mention, in the same order; a table cell's
    context is its column (caption and header) and the sentence that introduces its table."""
    right_ends: list[int] = []
    left_starts: list[int] = []
    out: list[Context] = []
    plan_blocks = _plan_blocks(text)
    plans: dict[int, PlanWords] = {}
    stops: dict[int, list[int]] = {}
    part_markers: dict[int, list[tuple[int, int]]] = {}
    last_start = {m.sentence: m.start for m in mentions}  # plan words after a sentence's last figure govern none
    for i, m in enumerate(mentions):
        sent = sentences[m.sentence]
        rules = rule_set(sent.lang)
        if m.sentence not in plans:
            before = sentences[m.sentence - 1] if m.sentence > 0 else None
            same_paragraph = before is not None and before.paragraph == sent.paragraph and before.lang == sent.lang
            plans[m.sentence] = _plans(rules, text, sent, last_start[m.sentence], before if same_paragraph else None)
        plan_ends, governing_ends, objective_at, objective_rule = plans[m.sentence]
        after = i + 1
        while after < len(mentions) and mentions[after].sentence == m.sentence and _definite(text, mentions[after]):
            after += 1  # "helped N labourers from the four counties find work": a set named, no figure of its own
        nxt = mentions[after].start if after < len(mentions) and mentions[after].sentence == m.sentence else sent.end
        stop = _RIGHT_STOP.search(text, m.end, max(m.end, nxt))
        right_end = stop.start() if stop is not None else max(m.end, nxt)
        right_ends.append(right_end)
        if m.sentence not in stops:
            stops[m.sentence] = [c.end() for c in _CLAUSE_STOP.finditer(text, sent.start, sent.end)]
        ends = stops[m.sentence]
        k = bisect.bisect_right(ends, m.start)  # the last ";" / ":" wholly before the mention
        clause_start = ends[k - 1] if k else sent.start
        # a list after a colon reads with its heading ("built or renovated: 152 schools, 86 clinics")
        heading_start = clause_start
        if k and text[clause_start - 1] in ":：":
            heading_start = ends[k - 2] if k >= 2 else sent.start
        prev = mentions[i - 1] if i > 0 and mentions[i - 1].sentence == m.sentence else None
        left_start = clause_start
        if prev is not None:
            # the previous mention's own words end where its right context stops; when that
            # context runs up to this mention, the words between belong to both, except that
            # between two sums of money they are the first one's up to the last "and" or comma
            # ("30 million yuan of fiscal funds and 7.5 million yuan of donations")
            prev_end = right_ends[i - 1] if right_ends[i - 1] < m.start else prev.end
            if prev_end == prev.end and prev.unit == m.unit == "CNY":
                join = _LAST_JOIN.match(text, prev.end, m.start)
                prev_end = join.end() if join is not None else prev_end
            left_start = max(left_start, prev_end)
        if m.sentence not in part_markers:  # "of which", "including": found once per sentence
            found = rules.link("marker").finditer(text, sent.start, sent.end)
            part_markers[m.sentence] = [(pm.start(), pm.end()) for pm in found]
        markers = [(a, b) for a, b in part_markers[m.sentence] if a >= clause_start and b <= m.start]
        marker_ends = [end for _, end in markers]
        for start, end in markers:
            if start >= left_start:
                left_start = end
        left_start = max(left_start, m.start - 160)
        if prev is not None and sent.lang == "zh" and _ZH_JOINED.fullmatch(text, prev.end, m.start):
            left_start = min(left_start, left_starts[i - 1])
        left_starts.append(left_start)
        left = _strip_qualifier(text[left_start : m.start])
        if left.rstrip()[-1:] in _LEADER_CHARS and (leader := LEADER_END.search(left)) is not None:
            # "Aid funds (10,000 yuan) ........ 3,560" reads as "Aid funds: 3,560"
            left = _UNIT_BRACKET_END.sub("", left[: leader.start()]) + ": "
        labelled = clause_start - heading_start <= _LABEL_LENGTH
        if heading_start < clause_start == left_start and not left.strip() and labelled:
            # "Fiscal aid funds: 0.86 billion yuan": a figure right after a label reads with the label ("Aid funds
            # (10,000 yuan): 3,560" without its unit)
            label = text[heading_start:clause_start]
            if label[-2:-1] == ")":
                label = _UNIT_BRACKET_END.sub(":", label)
            if not any(c.isdigit() for c in _LABEL_YEAR.sub("", label)):  # a year may date it ("since 2020:")
                left = label + left
        if (
            prev is not None
            and _TO_LEVEL.fullmatch(text, prev.end, m.start)
            and left_starts[i - 1] < prev.start
            and (change := _FROM_LEVEL.search(text, left_starts[i - 1], prev.start)) is not None
        ):
            # "The number trained rose from 3,000 to 4,200": the new level reads as "... reached 4,200"
            left = text[left_starts[i - 1] : change.start()] + "reached "
        if prev is not None and _ends_for_of(left) and _FOR_OF.search(left) and prev.start >= clause_start:
            left = text[prev.start : prev.end] + " " + left
        next_stop = bisect.bisect_right(ends, m.end)  # the first ";" / ":" at or after the mention's end
        rest_end = min(nxt, ends[next_stop] - 1 if next_stop < len(ends) else sent.end)
        clause_break = _CLAUSE_BREAK.search(text, m.end, sent.end)
        english = sent.lang == "en" and m.unit == "CNY"  # whose money: only sums of money have a channel
        # a figure's own words: from its clause start, the figure before it or a part marker, to the next
        # part marker after it ("N yuan, of which M yuan came from X": X is M's source, not N's)
        own_start = max([clause_start, prev.end if prev is not None else clause_start, *marker_ends])
        marker_after = rules.link("marker").search(text, m.end, max(m.end, rest_end)) if english else None
        own_end = marker_after.start() if marker_after is not None else max(m.end, rest_end)
        if own_end == nxt < sent.end:  # words before the next figure are its own from the last "and" or comma
            own_end = _last_join(text, m.end, own_end)
        marked = any(end > (prev.end if prev is not None else clause_start) for end in marker_ends)
        source_start = own_start if marked else max(own_start, left_start)
        out.append(
            Context(
                rest=text[m.end : max(m.end, rest_end)],
                after=text[m.end : clause_break.start() if clause_break is not None else sent.end],
                left=left,
                right=text[m.end : right_end],
                clause=text[max(heading_start, m.start - 300) : m.start],
                np=m.noun_phrase,
                head=m.noun or "",
                plan_left=next((r for e, r in plan_ends if left_start < e <= m.start), ""),
                plan_clause=next((r for e, r in governing_ends if clause_start < e <= m.start), ""),
                plan_sentence=objective_rule if objective_at <= m.start else _in_block(plan_blocks, m.start),
                subject=_subject(text, own_start, m.start) if english else "",
                sources=_sources(text, source_start, own_end) if english else (),
            )
        )
    out = _with_tails(text, sentences, mentions, out)
    for table in tables:
        for cell in table.cells:
            m = mentions[cell.mention]
            # under a header of years its row's label says what the cell is ("Aid projects | 214 | 486")
            # ... and under a header that names no kind ("Item | Unit | Value": "Roads built | km | 48")
            # (a Chinese one's year maybe with the words of its results: "2030年完成")
            zh_year = m.rule == ZH_CELL and year_header().fullmatch(cell.header)
            # ... and so does it for the column that totals its row's years ("2030年  2031年  合计")
            dated = (
                _YEAR_HEADER.fullmatch(cell.header) or zh_year or value_column(cell.header) or cell.row_total
            ) and not cell.total
            what = f"{cell.header} {cell.label}" if dated else cell.header
            # ... and in a Chinese table reads as the words before a figure of a sentence ("消费帮扶金额(亿元)")
            label = _BRACKETED.sub("", cell.label) if dated and m.rule == ZH_CELL else ""
            out[cell.mention] = Context(
                left=label,
                right="",
                # ... the clause it ends, as a sentence's clause holds the words before its figure
                clause=f"{table.intro} {table.caption} {label}" if label else f"{table.intro} {table.caption}",
                np=what.lower(),
                head=m.noun or "",
                column=f"{table.caption} | {what}",
                plan_left=_TABLE_PLAN if cell.planned else "",  # "planned" in its row's status column
            )
    return tuple(out)


# a count of places named as a set ("the four counties", "its two prefectures"): words of the figure before it
_DEFINITE = re.compile(r"(?:\bthe|\bits|\btheir|\bthese|\bthose)\s+$", re.I)
_SET_NOUNS = frozenset(word_list("area_words_lower"))


def _definite(text: str, m: Mention) -> bool:
    """Whether ``m`` counts a set of places it names with "the" or "its" ("the four counties")."""
    return (
        m.unit == "count"
        and m.noun is not None
        and m.noun.lower() in _SET_NOUNS
        and _DEFINITE.search(text, max(0, m.start - 7), m.start) is not None
    )


# a change to a new level: "rose from N to M", "increased by N to M", "from N in 2018 to M"
_TO_LEVEL = re.compile(r"\s*(?:[\w-]+\s+)?(?:(?:in|for)\s+(?:19|20)\d\d\s+)?to\s*")
_FROM_LEVEL = re.compile(
    r"\b(?:rose|rising|increased|increasing|grew|growing|climbed|jumped|went\s+up|expanded|doubled|fell|dropped|"
    r"declined|decreased|went|up|down)\s+(?P<from>from|by)\s+(?:(?:about|some|nearly|almost|over|more\s+than|around)\s+)?$",
    re.I,
)
_BRACKETED = re.compile(r"\([^()]*\)\s*$")
_TABLE_PLAN = "plans.table_status"
_YEAR_HEADER = re.compile(r"(?:19|20)\d\d(?:\s*年度?)?")


def _with_tails(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], contexts: list[Context]
) -> list[Context]:
    out = list(contexts)
    for i, m in enumerate(mentions):
        j = i
        chinese = sentences[m.sentence].lang == "zh"
        while j + 1 < len(mentions) and j - i < 4 and mentions[j + 1].sentence == m.sentence:
            between = text[mentions[j].end : mentions[j + 1].start]
            if chinese:
                if not _ZH_JOINED.fullmatch(between):
                    break
                j += 1
                continue
            if mentions[j + 1].unit in _MEASURES and _WITH_MEASURE.fullmatch(between):
                j += 1  # "1,380 houses with a floor space of 95,000 m2 were built": the verb after the measure
                break
            if not _JOINED.fullmatch(between) or _VERB_ED.search(between):
                break
            j += 1
        if j > i:
            out[i] = replace(contexts[i], tail=contexts[j].rest)
    return out


def mention_run(text: str, mentions: tuple[Mention, ...], i: int) -> list[int]:
    """Indexes of the mentions of ``i``'s unit joined to it by "," / "and" before it in its sentence, and ``i``
    ("315 million yuan and 208 million yuan went respectively to A and B" -> both), in text order."""
    run = [i]
    while run[0] > 0:
        a, b = mentions[run[0] - 1], mentions[run[0]]
        between = text[a.end : b.start]
        if a.sentence != b.sentence or a.unit != b.unit or not _JOINED.fullmatch(between) or _VERB_ED.search(between):
            break
        run.insert(0, run[0] - 1)
    return run
