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
3. **Outputs of activities are counted beside** their node's statement, never
   covering nor covered: a project's results and a pairing's figure are separate
   facts of a report (an output that is a part of the pairing's figure is linked to
   it with ``part_of`` and never reaches a roll-up).

A node that states nothing totals what is under it. Every statement of a tree ends
either *kept* (its value is in the total) or *covered* (inside a kept one), exactly
once: :class:`Total` lists both, so a report can say which statement it kept.

Units and period kinds are never mixed here: the caller gives the statements of one
unit and one period kind (persons apart from person-times, flows apart from stocks,
actual apart from planned).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

Node = TypeVar("Node", bound=Hashable)


@dataclass(frozen=True)
class Statement(Generic[Node]):
    """What is stored for ``node``: ``value`` resting on ``figures`` stored figures.

    ``beside`` marks the outputs of the node's activities (rule 3). ``label`` names who
    states it, for the explanation of a total.
    """

    node: Node
    value: Decimal
    figures: int = 1
    beside: bool = False
    label: str = ""


@dataclass(frozen=True)
class Total(Generic[Node]):
    """The total of ``node`` and everything under it: ``value`` is the sum of ``kept``;
    ``covered`` are the statements inside a kept one (not added)."""

    node: Node
    value: Decimal
    kept: tuple[Statement[Node], ...]
    covered: tuple[Statement[Node], ...]

    @property
    def figures(self) -> int:
        """How many stored figures the total rests on (kept and covered)."""
        return sum(s.figures for s in self.kept) + sum(s.figures for s in self.covered)


@dataclass(frozen=True)
class _Part(Generic[Node]):
    """A node's total split by rule 3: the stated part (rules 1 and 2) and the outputs beside it."""

    stated: Decimal
    kept: tuple[Statement[Node], ...]
    covered: tuple[Statement[Node], ...]
    beside: Decimal
    beside_kept: tuple[Statement[Node], ...]


def merge(statements: Iterable[Statement[Node]]) -> list[Statement[Node]]:
    """One statement per (node, beside): values and figures added, the first label kept."""
    found: dict[tuple[Node, bool], Statement[Node]] = {}
    for s in statements:
        held = found.get((s.node, s.beside))
        found[(s.node, s.beside)] = (
            s
            if held is None
            else Statement(s.node, held.value + s.value, held.figures + s.figures, s.beside, held.label)
        )
    return list(found.values())


def tree_totals(parent: Mapping[Node, Node | None], statements: Iterable[Statement[Node]]) -> dict[Node, Total[Node]]:
    """The total of every node that has a statement in or under it.

    ``parent`` gives each node's parent (None at a root); a statement's node missing
    from ``parent`` is taken as a root. Statements of one node are merged first
    (:func:`merge`). Iterative, so a deep tree does not exhaust the stack.
    """
    own: dict[Node, Statement[Node]] = {}
    beside: dict[Node, Statement[Node]] = {}
    for s in merge(statements):
        (beside if s.beside else own)[s.node] = s
    children: dict[Node, list[Node]] = defaultdict(list)
    relevant: set[Node] = set()
    for node in {*own, *beside}:
        # walk up until a node already seen: the nodes with data and their ancestors
        current: Node | None = node
        while current is not None and current not in relevant:
            relevant.add(current)
            up = parent.get(current)
            if up is not None:
                children[up].append(current)
            current = up
    parts: dict[Node, _Part[Node]] = {}
    for node in _post_order(relevant, children, parent):
        below = [parts[c] for c in children.get(node, ())]
        below_stated = sum((p.stated for p in below), Decimal(0))
        below_kept = tuple(s for p in below for s in p.kept)
        below_covered = tuple(s for p in below for s in p.covered)
        stated = own.get(node)
        if stated is None:
            part_stated, kept, covered = below_stated, below_kept, below_covered
        elif stated.value >= below_stated:  # rule 1: the statement holds what is below it
            part_stated, kept, covered = stated.value, (stated,), below_kept + below_covered
        else:  # rule 2: too small to hold it: beside it
            part_stated, kept, covered = stated.value + below_stated, (stated, *below_kept), below_covered
        extra = beside.get(node)
        parts[node] = _Part(
            stated=part_stated,
            kept=kept,
            covered=covered,
            beside=sum((p.beside for p in below), Decimal(0)) + (extra.value if extra else Decimal(0)),
            beside_kept=tuple(s for p in below for s in p.beside_kept) + ((extra,) if extra else ()),
        )
    return {
        node: Total(node, p.stated + p.beside, p.kept + p.beside_kept, p.covered)
        for node, p in parts.items()
        if p.kept or p.covered or p.beside_kept
    }


def _post_order(
    nodes: set[Node], children: Mapping[Node, list[Node]], parent: Mapping[Node, Node | None]
) -> list[Node]:
    """``nodes`` with every child before its parent."""
    roots = [n for n in nodes if parent.get(n) is None or parent.get(n) not in nodes]
    order: list[Node] = []
    stack: list[tuple[Node, bool]] = [(r, False) for r in roots]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            order.append(node)
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children.get(node, ()))
    return order


def forest_total(parent: Mapping[Node, Node | None], statements: Iterable[Statement[Node]]) -> Total[Node] | None:
    """The total of a whole forest: its roots' totals added (None when nothing is stated).

    The node of the result is the first root's; its ``kept`` and ``covered`` are the roots'.
    """
    totals = tree_totals(parent, statements)
    roots = [t for node, t in totals.items() if parent.get(node) is None or parent.get(node) not in totals]
    if not roots:
        return None
    return Total(
        roots[0].node,
        sum((t.value for t in roots), Decimal(0)),
        tuple(s for t in roots for s in t.kept),
        tuple(s for t in roots for s in t.covered),
    )


def cover(node: Node, outer: Total[Node] | None, inner: Total[Node] | None) -> Total[Node] | None:
    """Two totals of one place told by different trees, joined by rules 1–3: ``outer`` (an area's own
    statements) holds ``inner`` (what pairings state there) when it is not smaller than inner's
    statements; else they are added. Inner's outputs of activities are always added."""
    if outer is None or inner is None:
        found = outer or inner
        return None if found is None else Total(node, found.value, found.kept, found.covered)
    stated = tuple(s for s in inner.kept if not s.beside)
    outputs = tuple(s for s in inner.kept if s.beside)
    held = sum((s.value for s in stated), Decimal(0))
    if outer.value >= held:
        value, kept, covered = outer.value, outer.kept, outer.covered + stated + inner.covered
    else:
        value, kept, covered = outer.value + held, outer.kept + stated, outer.covered + inner.covered
    return Total(node, value + sum((s.value for s in outputs), Decimal(0)), kept + outputs, covered)
