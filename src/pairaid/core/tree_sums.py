"""Sums over a tree of statements, each stored figure counted once.

A *statement* is what is stored for one node of a tree (a pairing, an area) in one
unit and period kind: its value and how many figures it rests on. Reports state
totals at several levels (Shandong–Xinjiang's aid funds, and Shandong–Kashi's under
it), so the sum of a tree is not the sum of its statements. The rules:

1. **A statement covers what is stated below it when it is not smaller.** A
   pairing's 1.574 billion yuan holds its prefecture pairings' 600 million: the
   higher statement is kept and the lower ones are *covered* (shown, not added).
2. **A smaller statement cannot hold what is below it**: Shandong–Xinjiang's 20
   technicians trained are fewer than the 38,755 people Shandong–Kashi trained, so
   they are another group, counted *beside* them (20 + 38,755).
3. **Outputs of activities are parts of the total stated above them** when it is not
   smaller than everything under it, the outputs added: Shandong–Kashi's 38,755 people
   trained hold the 6,300 its training centres trained (the statement is kept, the output
   *covered* and shown as a part: one group of people is not counted twice, issue 12).
   Else the outputs never cover nor are covered: they are counted *beside* the statements
   (a node that states nothing, or less than what is under it, holds no output). A stock
   (what stands at a date) is not an output of that kind: the statements' reader gives an
   activity's stock as its pairing's own statement, held by the pairing's stock when not
   larger (more than 780 enterprises of a province hold the 94 settled in one of its parks).

A node that states nothing totals what is under it. Every statement of a tree ends
either *kept* (its value is in the total) or *covered* (inside a kept one), exactly
once: :class:`Total` lists both, so a report can say which statement it kept.

A total's *qualifier* is its parts': a total that adds a lower bound ("more than 780") is a
lower bound itself ("more than 810"), see :func:`added_qualifier`.

Units and period kinds are never mixed here: the caller gives the statements of one
unit and one period kind (persons apart from person-times, flows apart from stocks,
actual apart from planned).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Generic, NamedTuple, TypeVar

Node = TypeVar("Node", bound=Hashable)
_ZERO = Decimal(0)
EXACT = "exact"
#: What a sum of parts of two different qualifiers is (a lower bound and an upper one, say): approximate.
_MIXED = "about"


def added_qualifier(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum of parts so qualified: exact when every part is; the one qualifier of the parts
    that are not exact when they share it (more than 780 + 30 = more than 810; nearly + nearly = nearly);
    else about."""
    found = {q for q in qualifiers if q and q != EXACT}
    if not found:
        return EXACT
    return found.pop() if len(found) == 1 else _MIXED


class Statement(NamedTuple, Generic[Node]):
    """What is stored for ``node``: ``value`` resting on ``value_count`` stored values.

    ``beside`` marks the outputs of the node's activities (rule 3). ``label`` names who
    states it, for the explanation of a total. ``holder``, of a covered statement, is the node
    of the kept statement it is inside (rule 1), so that an explanation names the statement
    that holds it; None when not known (a pairing's statement held by an area's own, :func:`cover`).
    ``of_area``: ``node`` is an area's id (figures no pairing states), not a pairing's.
    ``qualifier``: how exact ``value`` is (``exact``, ``more_than``, ``about``…: the data values' codes).
    ``channels``: a whole taken from the sum of its parts by channel (the channels floor), not stated whole.
    """

    node: Node
    value: Decimal
    value_count: int = 1
    beside: bool = False
    label: str = ""
    holder: Node | None = None
    of_area: bool = False
    qualifier: str = EXACT
    channels: bool = False


Explanation = tuple[tuple[Statement[Node], ...], tuple[Statement[Node], ...]]


class Total(Generic[Node]):
    """The total of ``node`` and everything under it: ``value`` is the sum of ``kept``;
    ``covered`` are the statements inside a kept one (not added); ``value_count`` how many stored
    figures it rests on. The statements are listed when first asked for (``explain``), so that
    a national roll-up of thousands of nodes does not build lists nobody reads."""

    __slots__ = ("_counts", "_explain", "_explained", "node", "qualifier", "value", "value_count")

    def __init__(
        self,
        node: Node,
        value: Decimal,
        kept: tuple[Statement[Node], ...] = (),
        covered: tuple[Statement[Node], ...] = (),
        *,
        value_count: int | None = None,
        explain: Callable[[], Explanation[Node]] | None = None,
        qualifier: str | None = None,
    ) -> None:
        self.node, self.value = node, value
        #: how exact ``value`` is: the kept statements' qualifiers added (:func:`added_qualifier`)
        self.qualifier = qualifier if qualifier is not None else added_qualifier(s.qualifier for s in kept)
        self._explain = explain
        self._explained: Explanation[Node] | None = None if explain else (kept, covered)
        self.value_count = value_count if value_count is not None else sum(s.value_count for s in (*kept, *covered))
        self._counts: tuple[int, int] | None = None

    def _listed(self) -> Explanation[Node]:
        if self._explained is None:
            assert self._explain is not None
            self._explained = self._explain()
        return self._explained

    @property
    def kept(self) -> tuple[Statement[Node], ...]:
        return self._listed()[0]

    @property
    def covered(self) -> tuple[Statement[Node], ...]:
        return self._listed()[1]

    @property
    def kept_count(self) -> int:
        """How many statements the total added (also when :meth:`shortened` lists fewer)."""
        return self._counts[0] if self._counts is not None else len(self.kept)

    @property
    def covered_count(self) -> int:
        """How many statements are inside a kept one (also when :meth:`shortened` lists fewer)."""
        return self._counts[1] if self._counts is not None else len(self.covered)

    def shortened(self, most: int) -> Total[Node]:
        """The same total listing at most ``most`` kept and ``most`` covered statements (the first ones)."""
        kept, covered = self._listed()
        short = Total(
            self.node, self.value, kept[:most], covered[:most], value_count=self.value_count, qualifier=self.qualifier
        )
        short._counts = (self.kept_count, self.covered_count)
        return short

    def __getstate__(self) -> tuple[Node, Decimal, int, Explanation[Node], tuple[int, int] | None, str]:
        """A total keeps its statements listed when it is stored (kept in a cache): the lister is not stored."""
        return (self.node, self.value, self.value_count, self._listed(), self._counts, self.qualifier)

    def __setstate__(self, state: tuple[Node, Decimal, int, Explanation[Node], tuple[int, int] | None, str]) -> None:
        self.node, self.value, self.value_count, self._explained, self._counts, self.qualifier = state
        self._explain = None

    def __repr__(self) -> str:
        return f"Total({self.node!r}, {self.value})"


def merge(statements: Iterable[Statement[Node]]) -> list[Statement[Node]]:
    """One statement per (node, beside): values and value counts added, the first label kept."""
    found: dict[tuple[Node, bool], Statement[Node]] = {}
    for s in statements:
        key = (s.node, s.beside)
        held = found.get(key)
        if held is not None:
            s = held._replace(
                value=held.value + s.value,
                value_count=held.value_count + s.value_count,
                qualifier=added_qualifier((held.qualifier, s.qualifier)),
            )
        found[key] = s
    return list(found.values())


class _Tree(Generic[Node]):
    """The bottom-up sums of one tree, and the lists of statements behind them on demand."""

    def __init__(self, parent: Mapping[Node, Node | None], statements: Iterable[Statement[Node]]) -> None:
        self.own: dict[Node, Statement[Node]] = {}
        self.extra: dict[Node, Statement[Node]] = {}
        for s in merge(statements):
            (self.extra if s.beside else self.own)[s.node] = s
        self.children: dict[Node, list[Node]] = {}
        order: list[Node] = []  # every node with data and its ancestors, each once
        seen: set[Node] = set()
        for node in (*self.own, *self.extra):
            current: Node | None = node
            while current is not None and current not in seen:
                seen.add(current)
                order.append(current)
                up = parent.get(current)
                if up is not None:
                    self.children.setdefault(up, []).append(current)
                current = up
        # children before parents: deepest first
        depth: dict[Node, int] = {}
        for node in order:
            d, current = 0, parent.get(node)
            while current is not None and current in seen:
                d, current = d + 1, parent.get(current)
            depth[node] = d
        order.sort(key=depth.__getitem__, reverse=True)
        self.stated: dict[Node, Decimal] = {}
        self.beside: dict[Node, Decimal] = {}
        self.value_counts: dict[Node, int] = {}
        self.covers: dict[Node, bool] = {}  # rule 1 (True) or 2 (False), for nodes with their own statement
        self.holds: dict[Node, bool] = {}  # rule 3: the node's statement holds the outputs under it
        # the qualifiers of what is added under a node: its stated sum's and its outputs'
        self.stated_q: dict[Node, str] = {}
        self.beside_q: dict[Node, str] = {}
        for node in order:
            kids = self.children.get(node, ())
            below = sum((self.stated[c] for c in kids), _ZERO)
            below_q = added_qualifier(self.stated_q[c] for c in kids)
            own, extra = self.own.get(node), self.extra.get(node)
            if own is None:
                self.stated[node], self.stated_q[node] = below, below_q
            elif own.value >= below:
                self.stated[node], self.covers[node], self.stated_q[node] = own.value, True, own.qualifier
            else:
                self.stated[node], self.covers[node] = own.value + below, False
                self.stated_q[node] = added_qualifier((own.qualifier, below_q))
            outputs = sum((self.beside[c] for c in kids), extra.value if extra else _ZERO)
            outputs_q = [self.beside_q[c] for c in kids]
            if own is not None and outputs and own.value >= below + outputs:  # rule 3: the outputs are parts
                self.holds[node], self.beside[node], self.beside_q[node] = True, _ZERO, EXACT
            else:
                self.beside[node] = outputs
                self.beside_q[node] = added_qualifier([*outputs_q, extra.qualifier if extra else EXACT])
            self.value_counts[node] = sum((self.value_counts[c] for c in kids), (own.value_count if own else 0)) + (
                extra.value_count if extra else 0
            )
        self._lists: dict[Node, tuple[list[Statement[Node]], list[Statement[Node]], list[Statement[Node]]]] = {}

    def lists(self, node: Node) -> tuple[list[Statement[Node]], list[Statement[Node]], list[Statement[Node]]]:
        """The stated statements kept, those covered (statements and outputs inside a kept one, each naming
        the kept statement that holds it), and the outputs beside, under ``node``."""
        if node in self._lists:
            return self._lists[node]
        kept: list[Statement[Node]] = []
        covered: list[Statement[Node]] = []
        outputs: list[Statement[Node]] = []
        # iterative, over the whole subtree: each node with the kept statement it is inside (rule 1), and the
        # kept statement that holds its outputs (rule 3), if any
        stack: list[tuple[Node, Node | None, Node | None]] = [(node, None, None)]
        while stack:
            current, inside, outputs_holder = stack.pop()
            own, extra = self.own.get(current), self.extra.get(current)
            if own is not None:
                if inside is not None:
                    covered.append(own._replace(holder=inside))
                else:
                    kept.append(own)
            if self.holds.get(current):
                outputs_holder = inside if inside is not None else current
            if extra is not None:
                if outputs_holder is not None:
                    covered.append(extra._replace(holder=outputs_holder))
                else:
                    outputs.append(extra)
            if inside is None and own is not None and self.covers[current]:
                inside = current
            stack.extend((c, inside, outputs_holder) for c in self.children.get(current, ()))
        found = (kept, covered, outputs)
        self._lists[node] = found
        return found

    def total(self, node: Node) -> Total[Node]:
        def explain() -> Explanation[Node]:
            kept, covered, outputs = self.lists(node)
            return tuple(kept) + tuple(outputs), tuple(covered)

        return Total(
            node,
            self.stated[node] + self.beside[node],
            value_count=self.value_counts[node],
            explain=explain,
            qualifier=added_qualifier((self.stated_q[node], self.beside_q[node])),
        )


class TreeTotals(Mapping[Node, Total[Node]]):
    """The totals of a tree by node, each :class:`Total` made when first asked for."""

    def __init__(self, tree: _Tree[Node]) -> None:
        self._tree = tree
        self._made: dict[Node, Total[Node]] = {}

    def __getitem__(self, node: Node) -> Total[Node]:
        if node not in self._made:
            if node not in self._tree.stated:
                raise KeyError(node)
            self._made[node] = self._tree.total(node)
        return self._made[node]

    def __iter__(self) -> Iterator[Node]:
        return iter(self._tree.stated)

    def __len__(self) -> int:
        return len(self._tree.stated)

    def __contains__(self, node: object) -> bool:
        return node in self._tree.stated


def tree_totals(parent: Mapping[Node, Node | None], statements: Iterable[Statement[Node]]) -> TreeTotals[Node]:
    """The total of every node that has a statement in or under it.

    ``parent`` gives each node's parent (None at a root); a statement's node missing
    from ``parent`` is taken as a root. Statements of one node are merged first
    (:func:`merge`). Iterative, so a deep tree does not exhaust the stack. The sums are
    made at once; each node's :class:`Total` when it is looked up.
    """
    return TreeTotals(_Tree(parent, statements))


def forest_total(parent: Mapping[Node, Node | None], statements: Iterable[Statement[Node]]) -> Total[Node] | None:
    """The total of a whole forest: its roots' totals added (None when nothing is stated).

    The node of the result is the first root's; its ``kept`` and ``covered`` are the roots'.
    """
    totals = tree_totals(parent, statements)
    return join([totals[node] for node in totals if parent.get(node) is None or parent.get(node) not in totals])


def join(totals: list[Total[Node]]) -> Total[Node] | None:
    """Totals of separate trees added into one (None for none), listing their statements when asked."""
    if not totals:
        return None

    def explain() -> Explanation[Node]:
        return tuple(s for t in totals for s in t.kept), tuple(s for t in totals for s in t.covered)

    return Total(
        totals[0].node,
        sum((t.value for t in totals), _ZERO),
        value_count=sum(t.value_count for t in totals),
        explain=explain,
        qualifier=added_qualifier(t.qualifier for t in totals),
    )


def cover(node: Node, outer: Total[Node] | None, inner: Total[Node] | None) -> Total[Node] | None:
    """Two totals of one place told by different trees, joined by rules 1–3: ``outer`` (an area's own
    statements) holds ``inner`` (what pairings state there) when it is not smaller than inner's
    statements; else they are added. Inner's outputs of activities that no statement of inner holds are
    parts of ``outer`` too when it is not smaller than all inner adds (rule 3), else added."""
    if outer is None or inner is None:
        found = outer or inner
        if found is None:
            return None
        return Total(
            node,
            found.value,
            value_count=found.value_count,
            explain=lambda: (found.kept, found.covered),
            qualifier=found.qualifier,
        )
    stated = tuple(s for s in inner.kept if not s.beside)
    outputs = tuple(s for s in inner.kept if s.beside)
    held = sum((s.value for s in stated), Decimal(0))
    if outer.value >= inner.value:  # the area's own statements hold all the pairings' and their outputs
        inside = tuple(s._replace(holder=None) for s in (*stated, *outputs, *inner.covered))
        return Total(node, outer.value, outer.kept, outer.covered + inside)
    if outer.value >= held:  # the area's own statements hold the pairings': no one pairing statement holds them
        inside = tuple(s._replace(holder=None) for s in (*stated, *inner.covered))
        value, kept, covered = outer.value, outer.kept, outer.covered + inside
    else:
        value, kept, covered = outer.value + held, outer.kept + stated, outer.covered + inner.covered
    return Total(node, value + sum((s.value for s in outputs), Decimal(0)), kept + outputs, covered)
