"""Tables of two levels of totals and tables of projects with a status column (issue 11).

A table by county may hold its counties in groups, each under a heading line inside the table ("Yili Prefecture") or
closed by its subtotal row ("Yili subtotal", "Subtotal"), with a grand total below: each county row is a fact of its
county and a part of its group's subtotal, each subtotal a fact of its group's place and a part of the grand total
(:func:`row_groups`; the words are ``subtotal_rows`` of ``words.yaml``).  A table of projects may end each row in a
cell of words saying how far the project is (a column ``status_columns``): a row whose status is planned holds plans
(F1, rule ``plans.table_status``), not actuals.

A Chinese table by county (:mod:`~pairaid.core.extract.tables_zh`) may hold its groups the same way: a heading line
inside the table ("(一)重点县") over each group's rows, each group closed by its subtotal ("小计", ``subtotal_rows`` of
the Chinese ``words.yaml``), a grand total ("合计") below (:func:`zh_groups`).
"""

from __future__ import annotations

import re
from functools import cache

from pairaid.core.extract.chinese_text import HAN
from pairaid.core.extract.rules import rule_set, word_list

_HAN = re.compile(f"[{HAN}]")

__all__ = ["group_line", "row_groups", "status_words", "zh_group_line", "zh_groups"]


def group_line(cells: list[tuple[int, str]], header: list[tuple[int, str]]) -> bool:
    """Whether a line inside a table is the heading of the rows below it ("Yili Prefecture", "Kashgar:"): one cell
    of a few words, no number, in a table of three columns or more."""
    if len(cells) != 1 or len(header) < 3:
        return False
    label = cells[0][1].rstrip(":")
    return 0 < len(label.split()) <= 4 and not any(ch.isdigit() for ch in label) and label[:1].isupper()


@cache
def status_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The header of a table's column of project stages, and the stage words that make a row's figures a plan
    (rule ``plans.table_status``)."""
    header = re.compile(rf"^(?:{'|'.join(word_list('status_columns'))})$", re.I)
    return header, rule_set("en").by_id("plans.table_status").pattern("status")


def row_groups(
    rows: list[tuple[int, list[tuple[int, str]]]], groups: dict[int, str], totals: re.Pattern[str]
) -> dict[int, tuple[int, str | None]]:
    """``{row offset: (group number, the group's place for a subtotal row else None)}`` of a table of two levels of
    totals: rows under a heading line, or rows down to a subtotal ("Yili subtotal", "Subtotal"), are a group; a
    subtotal row goes to the place its label or its group's heading names ("" when neither does).  Empty for a
    table with no subtotal row."""
    sub = _subtotal_words()
    if not any(sub.search(cells[0][1]) for _, cells in rows):
        return {}
    out: dict[int, tuple[int, str | None]] = {}
    number, heading = 0, None
    for at, cells in rows:
        label = cells[0][1]
        if groups.get(at) != heading:
            number, heading = number + 1, groups.get(at)
        if sub.search(label):
            named = sub.sub(" ", label).strip(" :()-–,")  # "Yili subtotal"; not "Subtotal, projects 1-5"
            place = named if named[:1].isupper() and not any(ch.isdigit() for ch in named) else heading or ""
            out[at] = (number, place)
            number, heading = number + 1, groups.get(at)
        elif not totals.match(label):
            out[at] = (number, None)
    return out


@cache
def _subtotal_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(word_list('subtotal_rows'))})\b(?:\s+(?:of|for))?", re.I)


_GROUP_LINE = re.compile(rf"[(){HAN}\s、:]{{2,30}}")


def zh_group_line(cells: list[tuple[int, str]]) -> bool:
    """Whether a line inside a table heads the group of rows below it ("(一)国家重点县", "二、其他县"): one cell of
    Chinese words and no figure."""
    line = cells[0][1] if len(cells) == 1 else ""
    return _HAN.search(line) is not None and _GROUP_LINE.fullmatch(line) is not None


def zh_groups(rows: list[tuple[int, list[tuple[int, str]]]], headings: dict[int, int]) -> dict[int, tuple[int, bool]]:
    """``{row offset: (group number, whether the row is its group's subtotal)}`` of a table of two levels of totals
    (``subtotal_rows`` of the Chinese ``words.yaml``: "小计"): the rows under a heading line of the table, or down to
    the last subtotal, are a group, closed by its subtotal; empty for a table with no subtotal row."""
    sub = _zh_subtotal_words()
    if not any(sub.search(cells[0][1]) for _, cells in rows):
        return {}
    out: dict[int, tuple[int, bool]] = {}
    number, heading = 0, None
    for at, cells in rows:
        if headings.get(at) != heading:
            number, heading = number + 1, headings.get(at)
        out[at] = (number, sub.search(cells[0][1]) is not None)
        if out[at][1]:
            number += 1
    return out


@cache
def _zh_subtotal_words() -> re.Pattern[str]:
    return re.compile("|".join(word_list("subtotal_rows", "zh")))
