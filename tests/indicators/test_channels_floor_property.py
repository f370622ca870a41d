"""The channels floor per pairing (issue 12), as properties over generated pairing trees: every pairing's
all-channels aid funds stated below the sum of the channels it states beside them (or not stated) count that
sum, before any total; so the nation is its top pairings added, each pairing's tree holds the trees under it,
and nothing changes where no channel is stated. Pure: a :class:`Rollup` of made-up statements, no database."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pairaid.core.tree_sums import Statement, forest_total, tree_totals
from pairaid.indicators.channels_floor import ALL_CHANNELS, DISJOINT_CHANNELS, channels_floor
from pairaid.indicators.rollups import Rollup
from pairaid.indicators.statements import PairingForest, StatementRow

YEAR = 2009
YUAN = ("CNY", "year")
CODES = (ALL_CHANNELS, *DISJOINT_CHANNELS)
Tree = tuple[dict[int, int | None], list[StatementRow]]


@st.composite
def trees(draw: st.DrawFn, *, codes: tuple[str, ...] = CODES) -> Tree:
    size = draw(st.integers(1, 25))
    parent: dict[int, int | None] = {0: None}
    for node in range(1, size):
        parent[node] = draw(st.one_of(st.none(), st.integers(0, node - 1)))
    rows = draw(
        st.lists(
            st.builds(
                lambda code, node, value, beside: StatementRow(code, YEAR, "CNY", "year", node, None, beside, value, 1),
                st.sampled_from(codes),
                st.integers(0, size - 1),
                st.integers(0, 10**6).map(Decimal),
                st.booleans(),
            ),
            max_size=40,
        )
    )
    return parent, rows


def _rollup(tree: Tree) -> Rollup:
    parent, rows = tree
    return Rollup(rows, PairingForest(parent, {n: f"p{n}" for n in parent}, {n: None for n in parent}))


def _effective(rows: list[StatementRow]) -> list[Statement[int]]:
    """The model: one statement per pairing (and outputs apart), the larger of its all-channels total stated
    and its channels' sum (a pairing stating no all-channels total: its channels' sum)."""
    found = []
    for node, beside in {(r.pairing_id, r.beside) for r in rows}:
        mine = [r for r in rows if (r.pairing_id, r.beside) == (node, beside)]
        stated = [r.value for r in mine if r.indicator == ALL_CHANNELS]
        channels = [r.value for r in mine if r.indicator in DISJOINT_CHANNELS]
        value = max([sum(stated, Decimal(0))] * bool(stated) + [sum(channels, Decimal(0))] * bool(channels))
        assert node is not None
        found.append(Statement(node, value, beside=beside))
    return found


@given(trees())
@settings(max_examples=120, deadline=None)
def test_the_nation_is_its_top_pairings_floored_totals_added(tree: Tree) -> None:
    rollup = _rollup(tree)
    national = rollup.national(ALL_CHANNELS, YEAR).get(YUAN)
    pairings = rollup.pairing_totals(ALL_CHANNELS, YEAR).get(YUAN, {})
    tops = sum((t.value for node, t in pairings.items() if tree[0].get(node) is None), Decimal(0))
    assert (national.value if national else Decimal(0)) == tops


@given(trees())
@settings(max_examples=120, deadline=None)
def test_each_pairing_counts_the_larger_of_its_stated_total_and_its_channels(tree: Tree) -> None:
    parent, rows = tree
    pairings = _rollup(tree).pairing_totals(ALL_CHANNELS, YEAR).get(YUAN, {})
    model = tree_totals(parent, _effective(rows))
    assert {n: t.value for n, t in pairings.items()} == {n: t.value for n, t in model.items()}
    expected = forest_total(parent, _effective(rows))
    national = _rollup(tree).national(ALL_CHANNELS, YEAR).get(YUAN)
    assert (national.value if national else None) == (expected.value if expected else None)
    for node, total in pairings.items():
        assert total.value == sum((s.value for s in total.kept), Decimal(0))  # the kept statements add up
        up = parent.get(node)
        if up is not None:
            assert pairings[up].value >= total.value  # a pairing's tree holds the trees under it


@given(trees(codes=(ALL_CHANNELS,)))
@settings(max_examples=60, deadline=None)
def test_without_channels_the_floor_changes_nothing(tree: Tree) -> None:
    rollup = _rollup(tree)
    floored = rollup.pairing_totals(ALL_CHANNELS, YEAR).get(YUAN, {})
    stated = rollup.as_stated.pairing_totals(ALL_CHANNELS, YEAR).get(YUAN, {})
    assert {n: t.value for n, t in floored.items()} == {n: t.value for n, t in stated.items()}


@given(trees())
@settings(max_examples=60, deadline=None)
def test_the_channels_themselves_are_never_floored(tree: Tree) -> None:
    rollup = _rollup(tree)
    for code in DISJOINT_CHANNELS:
        floored = rollup.pairing_totals(code, YEAR).get(YUAN, {})
        stated = rollup.as_stated.pairing_totals(code, YEAR).get(YUAN, {})
        assert {n: t.value for n, t in floored.items()} == {n: t.value for n, t in stated.items()}


def test_the_rule() -> None:
    assert channels_floor(Decimal(10), [Decimal(30), Decimal(5)]) == 35
    assert channels_floor(Decimal(40), [Decimal(30)]) is None
    assert channels_floor(Decimal(30), [Decimal(30)]) is None  # equal: the total stated stands
    assert channels_floor(None, [Decimal(30)]) == 30  # no all-channels total stated
    assert channels_floor(Decimal(10), []) is None
