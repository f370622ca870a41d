"""Step: links between figures: parts of a whole (F3, F4) and repeats (F10).

Parts (gold-format.md F3), each a rule of ``data/rules/<lang>/parts.yaml`` whose patterns this module reads:

* ``marker``: figures after "of which" / "including" in a sentence are parts
  of the last figure of the same unit before the marker; when the later parts
  add up to the first part, they are parts of that first part ("19 million, of
  which 11 million from the city, 6.5 million for B and 4.5 million for C");
* ``of_them``: "65 of them" is a part of the count before it;
* ``of_the``: a sentence opening "Of the 19 projects ..., 11 were ...";
* ``breakdown``: money figures that follow a money figure, in the same
  paragraph, and add up exactly to it, are its parts (a breakdown after a total), the row of them
  perhaps starting after other figures ("N, to which the districts added M. B1 and B2 received N1 and N2");
* ``table_total``: the rows of a table are parts of its total row (:mod:`~pairaid.core.extract.tables`);
  ``part_column``: a cell under a column headed "of which: ..." is a part of the cell before it in its row;
  ``table_sum``: the rows of a Chinese table with no total row, of the figure their column adds up to;
* ``place_share``: money a place received as its share of a sum before it (:mod:`~pairaid.core.extract.shares`);
* ``shared``: "9.6 million yuan, 3.2 million yuan respectively to A, B and C":
  a figure given to each of N listed places is a part of the figure before it
  in its sentence when N times it makes that figure (F4).

Only figures of the same unit are linked; counts only when they count the same
thing (same indicator or same noun).
"""

from __future__ import annotations

import re
from decimal import Decimal

from pairaid.core.extract.breakdowns import Link, breakdowns, later_breakdowns
from pairaid.core.extract.model import Context, Mention, Period, Reading, Sentence
from pairaid.core.extract.places_zh import find_places
from pairaid.core.extract.respectively_lists import respectively_recipients
from pairaid.core.extract.rules import rule_set
from pairaid.core.extract.shares import SHARE, place_shares
from pairaid.core.extract.tables import ZH_CELL, Table

__all__ = ["Link", "find_parts", "repeated"]

_CLAUSE_END = re.compile(r"[;；]")
_BRACKET_OPEN = re.compile(r"\s*[(（]\s*")
Best = tuple[Reading | None, ...]


def _indicator(best: Best, i: int) -> str | None:
    r = best[i]
    return r.indicator if r is not None else None


def _family(unit: str) -> str:
    return "person" if unit in ("person", "person_time") else unit


def _same_kind(mentions: tuple[Mention, ...], best: Best, a: int, b: int) -> bool:
    ma, mb = mentions[a], mentions[b]
    if _family(ma.unit) != _family(mb.unit):
        return False
    if ma.unit in ("count",):
        return (
            ma.noun == mb.noun
            or (_indicator(best, a) is not None and _indicator(best, a) == _indicator(best, b))
            or _at_a_place(ma, mb)
            or _a_kind_of(ma, mb)
        )
    return True


_PART_LEAD = re.compile(r"^(?:其中|包括|含)\s*[,:]?\s*")


def _at_a_place(whole: Mention, part: Mention) -> bool:
    """Whether a Chinese count is a place's share of a count of the same counter ("安居房1.2万套,其中甲县3600套"): its
    counter is the whole's and its words name only a place."""
    counter = part.text[-1:]
    if not part.noun or not "\u4e00" <= counter <= "\u9fff" or whole.text[-1:] != counter:
        return False
    words = _PART_LEAD.sub("", part.noun)
    return any(p.start == 0 and p.end == len(words) for p in find_places(words))


_KIND_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}类$")


def _a_kind_of(whole: Mention, part: Mention) -> bool:
    """Whether a Chinese count is one kind of a count of the same counter ("项目68个,其中产业发展类21个,教育类14个"):
    its counter is the whole's and its words name only a kind (…类)."""
    counter = part.text[-1:]
    if not part.noun or not "\u4e00" <= counter <= "\u9fff" or whole.text[-1:] != counter:
        return False
    return _KIND_WORD.match(_PART_LEAD.sub("", part.noun)) is not None


def find_parts(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    best: Best,
    contexts: tuple[Context, ...],
    tables: tuple[Table, ...] = (),
    periods: tuple[Period, ...] = (),
) -> dict[int, Link]:
    """``{part mention index: Link(whole mention index, rule)}`` by the rules of the module docstring (with
    ``periods``, also the shares of places, :mod:`~pairaid.core.extract.shares`)."""
    parts: dict[int, Link] = {}
    for table in tables:  # the rows of a table are parts of its total row, column by column
        totals = {c.header: c.mention for c in table.cells if c.total and not c.subtotal}
        # a table of two levels of totals: rows are parts of their group's subtotal, subtotals of the grand total
        subtotals = {(c.header, c.group): c.mention for c in table.cells if c.subtotal}
        rule = rule_set("en").link_rule("table_total").id
        # a column that totals each row's years ("2030年  2031年  合计"): a row's years are parts of its total (but a
        # subtotal row's, which are parts of the grand total's years)
        row_totals = {c.row: c.mention for c in table.cells if c.row_total}
        for c in table.cells:
            if (
                not c.row_total
                and not c.subtotal
                and c.row is not None
                and (whole := row_totals.get(c.row)) is not None
            ):
                if _indicator(best, whole):
                    parts[c.mention] = Link(whole, rule)
                continue
            whole = totals.get(c.header) if c.subtotal else subtotals.get((c.header, c.group), totals.get(c.header))
            if c.subtotal:
                if whole is not None and _indicator(best, whole):
                    parts[c.mention] = Link(whole, rule)
                continue
            if not c.total and whole is not None and _indicator(best, whole):
                parts[c.mention] = Link(whole, rule)
    _table_sums(mentions, best, tables, parts)
    _part_columns(mentions, best, tables, parts)
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m.sentence, []).append(i)
    for s_idx, idxs in by_sentence.items():
        sent = sentences[s_idx]
        rules = rule_set(sent.lang)
        marker_rule, opening_rule = rules.link_rule("marker").id, rules.link_rule("opening").id
        if (opening := rules.link("opening").match(text, sent.start)) and idxs and idxs[0] > 0:
            # "Of the total, 43 million yuan ... and 17 million yuan ...": parts of the sentence before
            earlier = _earlier_in_paragraph(sentences, mentions, idxs[0], s_idx)
            kind = next((p for k, p in rules.link_rule("opening").patterns if k == "opening_kind"), None)
            named = kind.search(opening.group(0)) if kind is not None else None
            if named is not None:  # "Of the fiscal funds, ...": of the figures before, the fiscal ones
                earlier = [i for i in earlier if _indicator(best, i) == named.lastgroup] or earlier
            _link_members(mentions, best, parts, earlier, idxs, opening_rule)
        # "Of the 19 key projects ..., 11 were ..."
        elif len(idxs) >= 2 and rules.link("of_the").match(text, sent.start, sent.end):
            whole = idxs[0]
            for j in idxs[1:]:
                if _same_kind(mentions, best, whole, j) and _indicator(best, whole):
                    parts[j] = Link(whole, rules.link_rule("of_the").id)
                    break
        markers = rules.link("marker")
        for marker in markers.finditer(text, sent.start, sent.end):
            before = [i for i in idxs if mentions[i].end <= marker.start()]
            after = [i for i in idxs if mentions[i].start >= marker.end()]
            nxt = markers.search(text, marker.end(), sent.end)
            if nxt is not None:
                after = [i for i in after if mentions[i].start < nxt.start()]
            # a list of parts ends with its clause ("of which A sent 21 cadres; A held 37 courses ...")
            semi = _CLAUSE_END.search(text, marker.end(), sent.end)
            if semi is not None:
                after = [i for i in after if mentions[i].start < semi.start()]
            if before and _BRACKET_OPEN.fullmatch(text, mentions[before[-1]].end, marker.start()):
                # "社会捐赠126万元(含物资折款48万元)": the parts in brackets are of the figure right before them
                close = text.find(")", marker.end(), sent.end)
                before = [before[-1]]
                after = [i for i in after if close < 0 or mentions[i].start < close]
            _link_members(mentions, best, parts, before, after, marker_rule)
        for k, i in enumerate(idxs):
            if k and i not in parts and "respectively" in contexts[i].rest[:20]:
                places = respectively_recipients(contexts[i].rest)
                whole = idxs[k - 1]
                shared = len(places) > 1 and mentions[whole].unit == mentions[i].unit
                if shared and _indicator(best, whole) and mentions[i].value * len(places) == mentions[whole].value:
                    parts[i] = Link(whole, rules.link_rule("shared").id)
            if rules.link("of_them").match(contexts[i].right) and i not in parts:
                prev = [j for j in idxs if j < i and mentions[j].unit == mentions[i].unit]
                if prev:
                    parts[i] = Link(prev[-1], rules.link_rule("of_them").id)
    breakdowns(text, sentences, mentions, best, parts)
    if periods:
        shares = place_shares(text, sentences, mentions, best, contexts, periods, parts)
        parts.update((i, Link(whole, SHARE)) for i, whole in shares.items())
    later_breakdowns(text, sentences, mentions, best, parts)
    return parts


def _earlier_in_paragraph(
    sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], first: int, s_idx: int
) -> list[int]:
    """Mentions of the sentences before ``s_idx`` in its paragraph (``first`` is the sentence's first mention)."""
    para = sentences[s_idx].paragraph
    out = [j for j in range(first) if sentences[mentions[j].sentence].paragraph == para]
    if not any(mentions[j].unit == mentions[first].unit for j in out):
        # "Since 2010 A has given N. ¶ Most of it went to villages. Of the total, N1 ...": the sum a few
        # paragraphs back in the section, when the paragraph holds none
        section = sentences[s_idx].section
        out = [
            j
            for j in range(first)
            if sentences[mentions[j].sentence].section == section
            and mentions[j].unit == mentions[first].unit
            and 0 < para - sentences[mentions[j].sentence].paragraph <= _WHOLE_WITHIN
        ][-1:] + out
    return out


_WHOLE_WITHIN = 3  # paragraphs back to the sum a sentence "Of the total, ..." tells the parts of


def _link_members(
    mentions: tuple[Mention, ...],
    best: Best,
    parts: dict[int, Link],
    before: list[int],
    after: list[int],
    rule: str,
) -> None:
    """Link the figures ``after`` a part marker to the last bound figure of their kind ``before`` it (F3)."""
    for unit_family in {_family(mentions[i].unit) for i in after}:
        wholes = [i for i in before if _family(mentions[i].unit) == unit_family and _indicator(best, i)]
        if not wholes:
            continue
        # "N, of which N1 ... and N2 .... Of the total, ...": the total, not its last part
        whole = next((i for i in reversed(wholes) if i not in parts), wholes[-1])
        members = [i for i in after if _same_kind(mentions, best, whole, i) and i not in parts]
        if not members:
            continue
        values = [mentions[i].value for i in members]
        if len(members) >= 3 and sum(values[1:], Decimal(0)) == values[0]:
            parts[members[0]] = Link(whole, rule)
            for i in members[1:]:
                parts[i] = Link(members[0], rule)
        else:
            for i in members:
                parts[i] = Link(whole, rule)


def _part_columns(mentions: tuple[Mention, ...], best: Best, tables: tuple[Table, ...], parts: dict[int, Link]) -> None:
    """A cell under a column headed as a part ("of which: donations", ``parts.table_part_column``) is a part of the
    nearest cell before it in its row of the same kind, itself under no such header (F3)."""
    for table in tables:
        rule = rule_set("zh" if table.cells and mentions[table.cells[0].mention].rule == ZH_CELL else "en").link_rule(
            "part_column"
        )
        header = rule.pattern("part_column")
        row: list[tuple[int, bool]] = []
        label = None
        for c in table.cells:
            if c.label != label:
                row, label = [], c.label
            is_part = header.match(c.header) is not None
            if is_part and c.mention not in parts:
                kin = [w for w, part in row if not part and _same_kind(mentions, best, w, c.mention)]
                whole = kin[-1] if kin else None
                if whole is not None and _indicator(best, whole):
                    parts[c.mention] = Link(whole, rule.id)
            row.append((c.mention, is_part))


def _table_sums(mentions: tuple[Mention, ...], best: Best, tables: tuple[Table, ...], parts: dict[int, Link]) -> None:
    """The rows of a table with no total row are parts of the figure outside the table that their
    column adds up to, with the same unit (``parts.table_sum``): structure and arithmetic both support it (F3)."""
    in_tables = {c.mention for t in tables for c in t.cells}
    for table in tables:
        if any(c.total for c in table.cells):
            continue
        columns: dict[str, list[int]] = {}
        for c in table.cells:
            columns.setdefault(c.header, []).append(c.mention)
        for cells in columns.values():
            if len(cells) < 2:
                continue
            unit = mentions[cells[0]].unit
            total = sum((mentions[i].value for i in cells), Decimal(0))
            whole = next(
                (
                    i
                    for i, m in enumerate(mentions)
                    if i not in in_tables and m.unit == unit and m.value == total and _indicator(best, i)
                ),
                None,
            )
            if whole is None:
                continue
            rule = rule_set("zh" if mentions[cells[0]].rule == ZH_CELL else "en").link_rule("table_sum").id
            for i in cells:
                parts.setdefault(i, Link(whole, rule))


def repeated(mentions: tuple[Mention, ...], bound: dict[int, str], sentences: tuple[Sentence, ...] = ()) -> set[int]:
    """Mentions that repeat verbatim an earlier bound figure of another sentence (F10): same text, unit, value,
    noun.  In Chinese the noun is read from the words around the figure, which a headline words otherwise
    ("实施项目1614个" and "项目1614个"), and 元 may go unsaid ("242亿" and "242亿元"): there the figure is enough."""
    seen: dict[tuple[str, str, Decimal, str], int] = {}
    out: set[int] = set()
    for i, m in enumerate(mentions):
        if i not in bound:
            continue
        if sentences and sentences[m.sentence].lang == "zh":
            key = (m.text.removesuffix("元"), m.unit, m.value, "")
        else:
            key = (m.text.lower(), m.unit, m.value, m.noun_phrase.lower())
        first = seen.get(key)
        if first is not None and mentions[first].sentence != m.sentence and bound[first] == bound[i]:
            out.add(i)
        elif first is None:
            seen[key] = i
    return out
