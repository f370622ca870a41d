"""Sums over a tree of statements: the rules by example, then properties over generated trees."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pairaid.core.tree_sums import Statement, Total, cover, forest_total, merge, tree_totals

# Shandong–Xinjiang (1) over Shandong–Kashi (2) over Shule (3) and Yuepuhu (4); Hotan (5) under 1
PARENT: dict[int, int | None] = {1: None, 2: 1, 3: 2, 4: 2, 5: 1}


def _s(node: int, value: int, *, beside: bool = False) -> Statement[int]:
    return Statement(node, Decimal(value), beside=beside, label=f"n{node}")


def test_a_statement_not_smaller_than_what_is_below_it_covers_it() -> None:
    totals = tree_totals(PARENT, [_s(1, 1574), _s(2, 600), _s(3, 100), _s(4, 50)])
    assert totals[1].value == 1574
    assert [s.node for s in totals[1].kept] == [1]
    assert sorted(s.node for s in totals[1].covered) == [2, 3, 4]
    assert totals[2].value == 600  # Kashi's own statement holds its counties'


def test_a_covered_statement_names_the_kept_statement_that_holds_it() -> None:
    # Xinjiang's 20 cannot hold Kashi's 600; Kashi's 600 holds Shule's 100 and Yuepuhu's 50
    totals = tree_totals(PARENT, [_s(1, 20), _s(1, 7, beside=True), _s(2, 600), _s(3, 100), _s(4, 50)])
    assert totals[1].value == 627
    assert sorted((s.node, s.holder) for s in totals[1].covered) == [(3, 2), (4, 2)]
    assert all(s.holder is None for s in totals[1].kept)


def test_a_smaller_statement_is_counted_beside_what_is_below_it() -> None:
    # 20 technicians at the top cannot hold the 38,755 people trained under it
    totals = tree_totals(PARENT, [_s(1, 20), _s(2, 38755)])
    assert totals[1].value == 38775
    assert sorted(s.node for s in totals[1].kept) == [1, 2]


def test_outputs_of_activities_under_a_stated_total_are_its_parts_not_added() -> None:
    """Regression (issue 12): the 6,300 people an activity of Shandong–Kashi trained were added to the 38,755
    Shandong–Kashi states it trained (45,075), counting the same people twice. The stated total is kept and
    the activity's figure shown inside it."""
    totals = tree_totals(PARENT, [_s(1, 20), _s(2, 38755), _s(2, 6300, beside=True)])
    assert totals[2].value == 38755
    assert totals[1].value == 38775  # Shandong–Xinjiang's 20 technicians are another group (rule 2)
    assert sorted(s.node for s in totals[1].kept) == [1, 2]
    assert [(s.node, s.beside, s.holder, s.value) for s in totals[1].covered] == [(2, True, 2, 6300)]


def test_outputs_of_activities_are_parts_of_a_total_stated_higher_up() -> None:
    # an activity of Shule (3) under Kashi's (2) stated total; Shule states nothing itself
    totals = tree_totals(PARENT, [_s(2, 900), _s(3, 300, beside=True), _s(4, 500)])
    assert (totals[2].value, totals[3].value) == (900, 300)
    assert sorted((s.node, s.holder) for s in totals[1].covered) == [(3, 2), (4, 2)]


def test_outputs_larger_than_what_the_stated_total_leaves_are_added_beside() -> None:
    # 600 holds the 500 stated under it, but not 500 and 300 done under it: the outputs are another group
    totals = tree_totals(PARENT, [_s(2, 600), _s(3, 500), _s(2, 300, beside=True)])
    assert totals[2].value == 900
    assert [(s.node, s.beside) for s in totals[2].kept] == [(2, False), (2, True)]
    # a node that states nothing holds no output; nor does a statement smaller than the outputs
    assert tree_totals(PARENT, [_s(2, 70, beside=True), _s(3, 30, beside=True)])[2].value == 100
    assert tree_totals(PARENT, [_s(2, 50), _s(2, 70, beside=True)])[2].value == 120


def test_a_node_that_states_nothing_totals_what_is_under_it() -> None:
    totals = tree_totals(PARENT, [_s(3, 30), _s(4, 20), _s(5, 8)])
    assert (totals[2].value, totals[1].value) == (50, 58)
    assert totals[1].value_count == 3


def test_statements_of_one_node_are_merged() -> None:
    (merged,) = merge([_s(3, 30), _s(3, 12)])
    assert (merged.value, merged.value_count, merged.label) == (42, 2, "n3")


def test_a_forest_adds_its_roots() -> None:
    parent = {**PARENT, 9: None}
    total = forest_total(parent, [_s(1, 100), _s(3, 30), _s(9, 7)])
    assert total is not None and total.value == 107
    assert forest_total(parent, []) is None


# Properties over generated forests ---------------------------------------------------------


@st.composite
def forests(draw: st.DrawFn) -> tuple[dict[int, int | None], list[Statement[int]]]:
    size = draw(st.integers(1, 40))
    parent: dict[int, int | None] = {0: None}
    for node in range(1, size):
        parent[node] = draw(st.one_of(st.none(), st.integers(0, node - 1)))
    statements = draw(
        st.lists(
            st.builds(
                Statement,
                st.integers(0, size - 1),
                st.integers(0, 10**6).map(Decimal),
                st.integers(1, 3),
                st.booleans(),
            ),
            max_size=60,
        )
    )
    return parent, statements


def _descendants(parent: dict[int, int | None], node: int) -> set[int]:
    found = {node}
    changed = True
    while changed:
        more = {n for n, up in parent.items() if up in found} - found
        found |= more
        changed = bool(more)
    return found


@given(forests())
@settings(max_examples=120, deadline=None)
def test_every_statement_is_kept_or_covered_exactly_once(
    forest: tuple[dict[int, int | None], list[Statement[int]]],
) -> None:
    parent, statements = forest
    merged = merge(statements)
    for node, total in tree_totals(parent, statements).items():
        under = _descendants(parent, node)
        expected = sorted((s.node, s.beside) for s in merged if s.node in under)
        assert sorted((s.node, s.beside) for s in (*total.kept, *total.covered)) == expected
        assert total.value == sum((s.value for s in total.kept), Decimal(0))


@given(forests())
@settings(max_examples=120, deadline=None)
def test_a_total_is_never_less_than_a_part_of_it_nor_more_than_all_added(
    forest: tuple[dict[int, int | None], list[Statement[int]]],
) -> None:
    parent, statements = forest
    totals = tree_totals(parent, statements)
    merged = merge(statements)
    for node, total in totals.items():
        up = parent.get(node)
        if up is not None:
            assert totals[up].value >= total.value
        under = [s for s in merged if s.node in _descendants(parent, node)]
        assert total.value <= sum((s.value for s in under), Decimal(0))
        assert all(total.value >= s.value for s in under)
        # outputs beside the statements are always in full, held or added
        assert total.value >= sum((s.value for s in under if s.beside), Decimal(0))


@given(forests())
@settings(max_examples=80, deadline=None)
def test_a_covered_statement_lies_under_a_kept_statement_that_holds_it(
    forest: tuple[dict[int, int | None], list[Statement[int]]],
) -> None:
    parent, statements = forest
    for total in tree_totals(parent, statements).values():
        holders = [s for s in total.kept if not s.beside]
        for s in total.covered:
            # the statement named as holding it is a kept one above it (an output: or of its own node)
            assert s.holder in {h.node for h in holders}
            assert s.node in _descendants(parent, s.holder) and (s.beside or s.node != s.holder)
            assert total.value >= s.value


@given(forests(), st.randoms(use_true_random=False))
@settings(max_examples=80, deadline=None)
def test_the_order_of_the_statements_changes_nothing(
    forest: tuple[dict[int, int | None], list[Statement[int]]], rng: random.Random
) -> None:
    parent, statements = forest
    shuffled = list(statements)
    rng.shuffle(shuffled)
    first = {n: t.value for n, t in tree_totals(parent, statements).items()}
    assert {n: t.value for n, t in tree_totals(parent, shuffled).items()} == first


@given(forests())
@settings(max_examples=80, deadline=None)
def test_with_statements_only_at_the_leaves_the_total_is_the_plain_sum(
    forest: tuple[dict[int, int | None], list[Statement[int]]],
) -> None:
    parent, statements = forest
    inner = {up for up in parent.values() if up is not None}
    # a leaf's outputs beside its own statement may be parts of it (rule 3): a leaf states or does, not both
    stating = {s.node for s in statements if not s.beside}
    leaves = [s for s in statements if s.node not in inner and not (s.beside and s.node in stating)]
    total: Total[int] | None = forest_total(parent, leaves)
    assert (total.value if total else Decimal(0)) == sum((s.value for s in leaves), Decimal(0))


@given(forests())
@settings(max_examples=80, deadline=None)
def test_a_node_holding_outputs_is_not_smaller_than_all_under_it_that_it_holds(
    forest: tuple[dict[int, int | None], list[Statement[int]]],
) -> None:
    parent, statements = forest
    for node, total in tree_totals(parent, statements).items():
        for holder in {s.holder for s in total.covered if s.beside}:
            held = [s for s in total.covered if s.holder == holder]
            (kept,) = [s for s in total.kept if s.node == holder and not s.beside]
            assert kept.value >= sum((s.value for s in held if s.beside), Decimal(0)), node


def test_an_area_statement_holds_what_pairings_state_there_unless_smaller() -> None:
    # Kashi's 600 cannot hold the 700 its county's activity did: 1,300 under the area
    inner = tree_totals(PARENT, [_s(2, 600), _s(3, 700, beside=True)])[1]
    outer = Total(0, Decimal(1000), (_s(0, 1000),), ())
    held = cover(0, outer, inner)
    assert held is not None and held.value == 1700  # the area's 1,000 holds the 600, the output is added
    assert [s.node for s in held.covered] == [2]
    smaller = cover(0, Total(0, Decimal(100), (_s(0, 100),), ()), inner)
    assert smaller is not None and smaller.value == 1400
    assert cover(0, None, None) is None
    only = cover(0, None, inner)
    assert only is not None and (only.node, only.value) == (0, 1300)
    # an area's total not smaller than all the pairings add there holds their outputs too (issue 12)
    larger = cover(0, Total(0, Decimal(1500), (_s(0, 1500),), ()), inner)
    assert larger is not None and larger.value == 1500
    assert sorted((s.node, s.beside, s.holder) for s in larger.covered) == [(2, False, None), (3, True, None)]


def test_a_shortened_total_lists_fewer_statements_but_counts_them_all_and_survives_pickling() -> None:
    import pickle

    from pairaid.core.tree_sums import Statement, Total

    kept = tuple(Statement(n, Decimal(n)) for n in range(1, 6))
    covered = (Statement(9, Decimal(2)), Statement(8, Decimal(1)))
    total = Total(0, Decimal(15), kept, covered)
    short = pickle.loads(pickle.dumps(total.shortened(2)))
    assert (short.value, short.value_count) == (Decimal(15), 7)
    assert short.kept == kept[:2] and short.covered == covered
    assert (short.kept_count, short.covered_count) == (5, 2)
    assert (total.kept_count, total.covered_count) == (5, 2)
