"""Reads of organisations and pairings, among them the pairing tree."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, F, Q, QuerySet, Value, When

from pairaid.geo.models import Area
from pairaid.registry.models import Organisation, Pairing


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


def pairing_get(*, pk: int) -> Pairing:
    """The pairing with this id (raises ``Pairing.DoesNotExist``)."""
    return _pairings().get(pk=pk)


def pairing_list(
    *,
    year: int | None = None,
    level: str | None = None,
    donor_area: Area | None = None,
    recipient_area: Area | None = None,
    roots_only: bool = False,
) -> QuerySet[Pairing]:
    """Pairings, optionally in force in ``year``, of one level, donor or recipient, or only the top ones."""
    qs = _pairings()
    if year is not None:
        qs = qs.filter(start_year__lte=year).filter(Q(end_year__isnull=True) | Q(end_year__gte=year))
    if level:
        qs = qs.filter(level=level)
    if donor_area is not None:
        qs = qs.filter(donor_area=donor_area)
    if recipient_area is not None:
        qs = qs.filter(recipient_area=recipient_area)
    if roots_only:
        qs = qs.filter(parent__isnull=True)
    return qs


def pairing_find(
    *, donor_area: Area, recipient_area: Area, level: str | None = None, year: int | None = None
) -> Pairing | None:
    """The pairing of ``donor_area`` with ``recipient_area`` (at ``level``, in force in ``year``), or ``None``.

    Where several match, the one pairing the two areas themselves comes first: a single
    pair (not one given only as a count), at the recipient area's level, at the top of
    its tree.
    """
    candidates = pairing_list(year=year, level=level, donor_area=donor_area, recipient_area=recipient_area)
    same_level = Case(When(level=recipient_area.level, then=Value(0)), default=Value(1))
    return candidates.order_by("pair_count", same_level, F("parent").asc(nulls_first=True), "name", "pk").first()


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
    """Ids of ``root`` and of every pairing nested under it."""
    return [p.pk for p in pairing_tree(root=root).walk()]


def organisation_list(*, search: str = "", kind: str | None = None) -> QuerySet[Organisation]:
    """Organisations whose English or Chinese name contains ``search``, optionally of one kind."""
    qs = Organisation.objects.select_related("area")
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(name_zh__icontains=search))
    if kind:
        qs = qs.filter(kind=kind)
    return qs
