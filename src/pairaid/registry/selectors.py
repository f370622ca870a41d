"""Reads of organisations and pairings, among them the pairing tree."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from django.db.models import Max, Min, OuterRef, Q, QuerySet, Subquery

from pairaid.core.read_once import held, once, reading_once
from pairaid.core.registry import PAIRING_LEVELS, PROGRAMMES, PairingRecord
from pairaid.core.registry import Basis as RegistryBasis
from pairaid.core.registry import PairingLevel as RegistryLevel
from pairaid.core.registry import Programme as RegistryProgramme
from pairaid.geo.models import Area
from pairaid.registry.models import Organisation, Pairing
from pairaid.registry.pairing_names import pairing_matches, side_filter


@dataclass(frozen=True)
class PairingNode:
    """A pairing and the pairings nested under it (children in level, then name order)."""

    pairing: Pairing
    children: tuple[PairingNode, ...]

    def walk(self) -> list[Pairing]:
        """This pairing and every pairing below it, depth first."""
        found = [self.pairing]
        for child in self.children:
            found.extend(child.walk())
        return found


def _pairings() -> QuerySet[Pairing]:
    return Pairing.objects.select_related(
        "donor_area", "donor_organisation", "recipient_area", "recipient_organisation", "parent"
    )


def _with_successor(qs: QuerySet[Pairing]) -> QuerySet[Pairing]:
    """``qs`` with ``successor_id``: the latest pairing that took over from each in a re-assignment, or ``None``."""
    successors = Pairing.objects.filter(predecessor=OuterRef("pk")).order_by("-start_year", "-pk")
    return qs.annotate(successor_id=Subquery(successors.values("pk")[:1]))


def pairing_get(*, pk: int, with_successor: bool = False) -> Pairing:
    """The pairing with this id, with ``successor_id`` (:func:`_with_successor`) if asked (raises
    ``Pairing.DoesNotExist``)."""
    return (_with_successor(_pairings()) if with_successor else _pairings()).get(pk=pk)


def pairing_find(*, pk: int) -> Pairing | None:
    """The pairing with this id, with its sides and parent, or ``None`` when there is none (one since removed)."""
    return _pairings().filter(pk=pk).first()


def pairing_list(
    *,
    year: int | None = None,
    level: str | None = None,
    programme: str | None = None,
    donor_area: Area | None = None,
    recipient_area: Area | None = None,
    donor: str | None = None,
    recipient: str | None = None,
    roots_only: bool = False,
    parent_id: int | None = None,
    area_code: str | None = None,
    text: str | None = None,
    with_successor: bool = False,
) -> QuerySet[Pairing]:
    """Pairings, optionally in force in ``year``, of one level or programme, donor or recipient, under one
    parent, with the area of this code on either side, or only the top ones.

    ``donor`` and ``recipient`` are names as written ("Shandong", "喀什", "Xinwen Mining Group"): the
    pairings of the area or organisation named, and of the areas within it. ``text`` keeps the pairings
    it may name as ``--pairing`` reads it (:func:`~pairaid.registry.pairing_names.pairing_matches`).
    ``with_successor`` annotates each with ``successor_id``, the latest pairing that took it over.

    Raises:
        InputError: ``donor`` or ``recipient`` names no area or organisation.
    """
    qs = _pairings()
    if year is not None:
        qs = qs.filter(start_year__lte=year).filter(Q(end_year__isnull=True) | Q(end_year__gte=year))
    if level:
        qs = qs.filter(level=level)
    if programme:
        qs = qs.filter(programme=programme)
    if donor:
        qs = qs.filter(side_filter(donor, "donor"))
    if recipient:
        qs = qs.filter(side_filter(recipient, "recipient"))
    if donor_area is not None:
        qs = qs.filter(donor_area=donor_area)
    if recipient_area is not None:
        qs = qs.filter(recipient_area=recipient_area)
    if roots_only:
        qs = qs.filter(parent__isnull=True)
    if parent_id:
        qs = qs.filter(parent_id=parent_id)
    if area_code:
        qs = qs.filter(Q(donor_area__code=area_code) | Q(recipient_area__code=area_code))
    if text:
        qs = qs.filter(pk__in=[p.pk for p in pairing_matches(text=text, year=year)])
    return _with_successor(qs) if with_successor else qs


#: What naming a pairing reads: its sides (a pairing with no name of its own is named by them).
_SIDES = ("donor_area", "donor_organisation", "recipient_area", "recipient_organisation")


def pairing_index() -> dict[int, Pairing]:
    """Every pairing by id with its sides, in level and name order: one query (a few thousand pairings
    nationally), read once per page (:mod:`pairaid.core.read_once`) for its tree, the names of the pairings
    it lists and the roll-ups' forest."""
    return once("pairing_index", lambda: {p.pk: p for p in Pairing.objects.select_related(*_SIDES)})


def pairing_indexed(*, pk: int) -> Pairing:
    """The pairing with this id, with its sides, from :func:`pairing_index` (raises ``Pairing.DoesNotExist``)."""
    found = pairing_index().get(pk)
    if found is None:
        raise Pairing.DoesNotExist(f"no pairing {pk}")
    return found


def pairing_tree(*, root: Pairing) -> PairingNode:
    """``root`` with every pairing nested under it, however deep.

    One query per level of the tree (province, prefecture, county: three or four).
    """
    children_of: dict[int, list[Pairing]] = {}
    frontier = [root.pk]
    while frontier:
        level_rows = list(_pairings().filter(parent_id__in=frontier).order_by("level", "name", "pk"))
        for row in level_rows:
            assert row.parent_id is not None
            children_of.setdefault(row.parent_id, []).append(row)
        frontier = [row.pk for row in level_rows]

    def build(pairing: Pairing) -> PairingNode:
        return PairingNode(pairing, tuple(build(child) for child in children_of.get(pairing.pk, [])))

    return build(root)


def pairing_descendant_ids(*, root: Pairing) -> list[int]:
    """Ids of ``root`` and of every pairing nested under it (``root`` first, then level by level)."""
    return pairing_subtree_ids(roots=[root.pk])


def _pairing_children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    # inside a page, from every pairing read once (its rights, tree and names then share one query)
    index: dict[int, Pairing] | None = pairing_index() if reading_once() else None
    pairs = (
        Pairing.objects.filter(parent__isnull=False).values_list("pk", "parent_id").order_by("pk")
        if index is None
        else sorted((pk, p.parent_id) for pk, p in index.items() if p.parent_id is not None)
    )
    for pk, parent_id in pairs:
        children.setdefault(parent_id, []).append(pk)
    return children


def pairing_subtree_ids(*, roots: Iterable[int]) -> list[int]:
    """Ids of ``roots`` and of every pairing nested under them, in one query however deep the trees: the
    parent of every pairing is read at once (a few thousand pairs of numbers nationally), so that a page
    that asks about a tree several times does not pay a query per level each time."""
    children = once("pairing_children", _pairing_children)
    found = list(dict.fromkeys(roots))
    seen = set(found)
    frontier = found
    while frontier:
        frontier = [c for node in frontier for c in children.get(node, ()) if c not in seen]
        seen.update(frontier)
        found.extend(frontier)
    return found


def organisation_find(*, pk: int) -> Organisation | None:
    """The organisation with this id, or ``None`` when there is none."""
    return Organisation.objects.filter(pk=pk).first()


def organisation_list(*, search: str = "", kind: str | None = None) -> QuerySet[Organisation]:
    """Organisations whose English or Chinese name contains ``search``, optionally of one kind."""
    qs = Organisation.objects.select_related("area")
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(name_zh__icontains=search))
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def pairing_key(pairing: Pairing) -> str:
    """The pairing's registry key: its own, or one derived from what it is ("east-west-province-370000-650000-2009").

    A derived key (for a pairing entered without one) is stable while its programme,
    level, sides and start year stay; ``pairings import`` finds the pairing by it.
    """
    if pairing.key:
        return pairing.key
    donor = pairing.donor_area.code if pairing.donor_area else f"org{pairing.donor_organisation_id}"
    recipient = pairing.recipient_area.code if pairing.recipient_area else f"org{pairing.recipient_organisation_id}"
    programme = pairing.programme.replace("_", "-")
    return f"{programme}-{pairing.level}-{donor}-{recipient}-{pairing.start_year}"


def pairing_line(pairing: Pairing) -> PairingRecord:
    """``pairing`` as a line of the registry format, whatever it lacks: the record the registry's checks
    (:func:`pairaid.core.registry.validate_pairings`) read, with its count of pairs; an empty basis is
    ``stated``."""
    return PairingRecord(
        key=pairing_key(pairing),
        programme=cast(RegistryProgramme, pairing.programme),
        level=cast(RegistryLevel, pairing.level),
        donor_code=pairing.donor_area.code if pairing.donor_area else None,
        donor_organisation=pairing.donor_organisation.name if pairing.donor_organisation else None,
        recipient_code=pairing.recipient_area.code if pairing.recipient_area else None,
        recipient_organisation=pairing.recipient_organisation.name if pairing.recipient_organisation else None,
        start_year=pairing.start_year,
        end_year=pairing.end_year,
        parent=pairing_key(pairing.parent) if pairing.parent else None,
        source_url=pairing.source_url,
        source_title=pairing.source_title,
        basis=cast(RegistryBasis, pairing.basis or "stated"),
        note=pairing.note,
        pair_count=pairing.pair_count,
    )


def pairing_record(pairing: Pairing, *, sourced: bool = True) -> PairingRecord | None:
    """``pairing`` as a line of the registry format, or ``None`` when the format cannot hold it: a pairing
    given only as a count, of a programme or level the registry has no word for, or (when ``sourced``)
    without a source document and basis. With ``sourced=False`` a pairing without a source gives a line
    with its source fields empty (for checks of keys, sides and years only)."""
    if pairing.pair_count != 1 or pairing.programme not in PROGRAMMES or pairing.level not in PAIRING_LEVELS:
        return None
    if sourced and not (pairing.source_url and pairing.source_title and pairing.basis):
        return None
    return pairing_line(pairing)


def pairing_records() -> list[tuple[Pairing, PairingRecord | None]]:
    """Every pairing with its registry line (``None`` where the format cannot hold it), parents first, by key."""
    pairings = {p.pk: p for p in _pairings()}
    depth: dict[int, int] = {}
    for pairing in pairings.values():
        if pairing.parent_id is not None:
            pairing.parent = pairings[pairing.parent_id]  # the loaded parent, with its sides
        node, steps = pairing, 0
        while node.parent_id is not None and steps < len(pairings):
            node, steps = pairings[node.parent_id], steps + 1
        depth[pairing.pk] = steps
    rows = [(p, pairing_record(p)) for p in pairings.values()]
    return sorted(rows, key=lambda row: (depth[row[0].pk], pairing_key(row[0])))


def _with_sides(qs: QuerySet[Pairing]) -> QuerySet[Pairing]:
    return qs.select_related("donor_area", "recipient_area", "donor_organisation", "recipient_organisation")


def pairings_by_id(*, ids: Iterable[int]) -> dict[int, Pairing]:
    """The pairings with these ids, with their sides, by id (an id no pairing has is left out); from
    :func:`pairing_index` when the page has read it already (no query)."""
    wanted = list(ids)
    index: dict[int, Pairing] | None = held("pairing_index")
    if index is not None:
        return {pk: index[pk] for pk in wanted if pk in index}
    return _with_sides(Pairing.objects.all()).in_bulk(wanted)


def pairing_search(*, text: str, limit: int) -> list[Pairing]:
    """The first ``limit`` pairings, with their sides, whose name, key or organisation contains ``text`` (the
    search page, for a text that names no pairing as ``--pairing`` does)."""
    named = (
        Q(name__icontains=text)
        | Q(key__icontains=text)
        | Q(donor_organisation__name__icontains=text)
        | Q(recipient_organisation__name__icontains=text)
    )
    return list(_with_sides(Pairing.objects.filter(named))[:limit])


def pairing_start_years() -> tuple[int, int] | None:
    """The first and the last year a pairing starts in, or None when there is no pairing."""
    found = Pairing.objects.aggregate(first=Min("start_year"), last=Max("start_year"))
    return None if found["first"] is None else (found["first"], found["last"])


def pairings_with_sides(*, ids: Iterable[int]) -> list[Pairing]:
    """The pairings with these ids, with their sides, in level, then name order."""
    return list(_with_sides(Pairing.objects.filter(pk__in=list(ids))))


def top_pairings_placed(*, year: int, most: int) -> list[Pairing]:
    """The first ``most`` top pairings in force in ``year`` whose donor and recipient areas have a place on
    the map (longitude and latitude), in id order, with their areas."""
    return list(
        Pairing.objects.filter(parent__isnull=True, start_year__lte=year)
        .filter(Q(end_year__isnull=True) | Q(end_year__gte=year))
        .filter(donor_area__longitude__isnull=False, recipient_area__longitude__isnull=False)
        .select_related("donor_area", "recipient_area")
        .order_by("pk")[:most]
    )
