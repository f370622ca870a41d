"""The note on how a report's totals were counted names, for each statement held inside another, the
statement that holds it (issue 12: the note wrote every held statement after the last one added, an
activities' output among them, so it credited the wrong statement)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.tree_sums import Statement as S
from pairaid.core.tree_sums import tree_totals
from pairaid.indicators.models import Indicator
from pairaid.indicators.totals import ScopeTotal
from pairaid.reports.rows import counting_notes

pytestmark = pytest.mark.django_db

# Xinjiang (1) over Kashi (2) over Yuepuhu (3); the pairing ids are not stored, so each is named by its label
PARENT: dict[int, int | None] = {1: None, 2: 1, 3: 2}


def _note(statements: list[S[int]], language: str = "en") -> str:
    total = tree_totals(PARENT, statements)[1]
    enterprises = Indicator.objects.get(code="enterprises")
    found = ScopeTotal(enterprises, "enterprise", "year", total.value, None, None, total.value_count, total)
    (line,) = counting_notes([found], language=language, activities_word="activities", more_word=" and {n} more")
    return line


def test_the_held_statements_follow_the_statement_that_holds_them() -> None:
    statements = [
        S(1, Decimal(780), label="Xinjiang"),
        S(1, Decimal(600), beside=True, label="Xinjiang"),  # more than 780 leaves: added beside (rule 3)
        S(2, Decimal(84), label="Kashi"),
        S(3, Decimal(120), label="Yuepuhu"),
    ]
    assert _note(statements) == (
        "Enterprises cooperating or attracted 1,380 enterprises = Xinjiang 780 enterprises "
        "(holding Yuepuhu 120 enterprises, Kashi 84 enterprises) + Xinjiang (activities) 600 enterprises"
    )


def test_an_activity_s_figure_inside_the_stated_total_is_shown_as_held_by_it() -> None:
    """Issue 12: an activity's 300 under Kashi's stated 900 is a part of it, named inside the statement kept."""
    statements = [S(1, Decimal(20), label="Xinjiang"), S(2, Decimal(900), label="Kashi")]
    statements.append(S(3, Decimal(300), beside=True, label="Yuepuhu"))
    assert _note(statements) == (
        "Enterprises cooperating or attracted 920 enterprises = Kashi 900 enterprises "
        "(holding Yuepuhu (activities) 300 enterprises) + Xinjiang 20 enterprises"
    )
    assert _note(statements, "zh-hans") == (
        "企业 920家 = Kashi 900家（已含：Yuepuhu（activities） 300家） + Xinjiang 20家"
    )


def test_a_lower_statement_kept_beside_a_smaller_one_is_named_as_the_holder() -> None:
    # Xinjiang's 20 cannot hold Kashi's 600; Kashi's 600 holds Yuepuhu's 50
    statements = [
        S(1, Decimal(20), label="Xinjiang"),
        S(2, Decimal(600), label="Kashi"),
        S(3, Decimal(50), label="Yuepuhu"),
    ]
    assert _note(statements) == (
        "Enterprises cooperating or attracted 620 enterprises = Kashi 600 enterprises "
        "(holding Yuepuhu 50 enterprises) + Xinjiang 20 enterprises"
    )
    assert _note(statements, "zh-hans").endswith("= Kashi 600家（已含：Yuepuhu 50家） + Xinjiang 20家")
