"""Writes of organisations and pairings.

Every function checks the rules of the domain before the database does (the
model's check constraints stay as the last guard) and raises
:class:`pairaid.core.errors.DataError` with a message a user can act on.
"""

from __future__ import annotations

from django.db import transaction

from pairaid.core.errors import DataError
from pairaid.geo.models import Area
from pairaid.registry.models import Basis, Organisation, OrganisationKind, Pairing, PairingLevel, Programme


def organisation_get_or_create(
    *, name: str, kind: str = OrganisationKind.OTHER, name_zh: str = "", area: Area | None = None
) -> tuple[Organisation, bool]:
    """The organisation called ``name`` in ``area``, created when missing; and whether it was created.

    An existing organisation keeps its kind and Chinese name, except that an empty
    Chinese name is filled in.

    Raises:
        DataError: an empty name or an unknown kind.
    """
    name = name.strip()
    if not name:
        raise DataError("an organisation needs a name")
    if kind not in OrganisationKind.values:
        raise DataError(f"unknown organisation kind {kind!r} (use one of {', '.join(OrganisationKind.values)})")
    organisation, created = Organisation.objects.get_or_create(
        name=name, area=area, defaults={"kind": kind, "name_zh": name_zh.strip()}
    )
    if not created and name_zh and not organisation.name_zh:
        organisation.name_zh = name_zh.strip()
        organisation.save(update_fields=["name_zh"])
    return organisation, created


def _check_pairing(
    *,
    donor_area: Area | None,
    donor_organisation: Organisation | None,
    recipient_area: Area | None,
    recipient_organisation: Organisation | None,
    level: str,
    programme: str,
    start_year: int,
    end_year: int | None,
    pair_count: int,
    basis: str = "",
) -> None:
    if donor_area is None and donor_organisation is None:
        raise DataError("a pairing needs a donor (an area or an organisation)")
    if recipient_area is None and recipient_organisation is None:
        raise DataError("a pairing needs a recipient (an area or an organisation)")
    if level not in PairingLevel.values:
        raise DataError(f"unknown pairing level {level!r} (use one of {', '.join(PairingLevel.values)})")
    if programme not in Programme.values:
        raise DataError(f"unknown programme {programme!r} (use one of {', '.join(Programme.values)})")
    if end_year is not None and end_year < start_year:
        raise DataError(f"a pairing cannot end in {end_year} before it starts in {start_year}")
    if pair_count < 1:
        raise DataError(f"a pairing counts at least one pair, not {pair_count}")
    if basis and basis not in Basis.values:
        raise DataError(f"unknown basis {basis!r} (use one of {', '.join(Basis.values)})")


def pairing_create(
    *,
    level: str,
    start_year: int,
    donor_area: Area | None = None,
    donor_organisation: Organisation | None = None,
    recipient_area: Area | None = None,
    recipient_organisation: Organisation | None = None,
    programme: str = Programme.EAST_WEST,
    end_year: int | None = None,
    pair_count: int = 1,
    parent: Pairing | None = None,
    name: str = "",
    key: str = "",
    source_url: str = "",
    source_title: str = "",
    basis: str = "",
    note: str = "",
) -> Pairing:
    """Create a pairing of a donor with a recipient from ``start_year`` (to ``end_year``, or open).

    ``pair_count`` > 1 records a pairing the source gives only as a count ("ten
    counties with ten counties") at the level of the areas it names. ``key`` is the
    registry line's stable id; ``source_url``/``source_title`` the document that
    states the pairing, ``basis`` ``stated`` or ``inferred``.

    Raises:
        DataError: no donor or no recipient, an unknown level, programme or basis, an
            end year before the start year, a count below one, a key already in use.
    """
    _check_pairing(
        donor_area=donor_area,
        donor_organisation=donor_organisation,
        recipient_area=recipient_area,
        recipient_organisation=recipient_organisation,
        level=level,
        programme=programme,
        start_year=start_year,
        end_year=end_year,
        pair_count=pair_count,
        basis=basis,
    )
    key = key.strip()
    if key and Pairing.objects.filter(key=key).exists():
        raise DataError(f"the key {key!r} is used by another pairing")
    return Pairing.objects.create(
        key=key,
        source_url=source_url.strip(),
        source_title=source_title.strip(),
        basis=basis,
        note=note.strip(),
        name=name.strip(),
        donor_area=donor_area,
        donor_organisation=donor_organisation,
        recipient_area=recipient_area,
        recipient_organisation=recipient_organisation,
        level=level,
        programme=programme,
        start_year=start_year,
        end_year=end_year,
        pair_count=pair_count,
        parent=parent,
    )


@transaction.atomic
def pairing_get_or_create(
    *,
    level: str,
    start_year: int,
    donor_area: Area | None = None,
    donor_organisation: Organisation | None = None,
    recipient_area: Area | None = None,
    recipient_organisation: Organisation | None = None,
    programme: str = Programme.EAST_WEST,
    end_year: int | None = None,
    pair_count: int = 1,
    parent: Pairing | None = None,
    name: str = "",
) -> tuple[Pairing, bool]:
    """The pairing of this donor, recipient, level and start year, created when missing; and whether it was.

    The key is donor × recipient × level × start year; the other arguments are used
    only when the pairing is created.

    Raises:
        DataError: as :func:`pairing_create`.
    """
    existing = Pairing.objects.filter(
        donor_area=donor_area,
        donor_organisation=donor_organisation,
        recipient_area=recipient_area,
        recipient_organisation=recipient_organisation,
        level=level,
        start_year=start_year,
    ).first()
    if existing is not None:
        return existing, False
    pairing = pairing_create(
        level=level,
        start_year=start_year,
        donor_area=donor_area,
        donor_organisation=donor_organisation,
        recipient_area=recipient_area,
        recipient_organisation=recipient_organisation,
        programme=programme,
        end_year=end_year,
        pair_count=pair_count,
        parent=parent,
        name=name,
    )
    return pairing, True


def pairing_end(*, pairing: Pairing, end_year: int) -> Pairing:
    """Close ``pairing`` with its last year ``end_year`` (a donor moved to new recipients).

    Raises:
        DataError: ``end_year`` before the pairing's start year.
    """
    if end_year < pairing.start_year:
        raise DataError(f"a pairing cannot end in {end_year} before it starts in {pairing.start_year}")
    pairing.end_year = end_year
    pairing.save(update_fields=["end_year"])
    return pairing


def pairing_attach(*, pairing: Pairing, parent: Pairing) -> Pairing:
    """Nest ``pairing`` under ``parent`` (a city–county pairing under its province–region pairing).

    Raises:
        DataError: ``parent`` is ``pairing`` itself or nested under it (the tree would loop).
    """
    ancestor: Pairing | None = parent
    while ancestor is not None:
        if ancestor.pk == pairing.pk:
            raise DataError(f"pairing {pairing} cannot be nested under {parent}: the tree would loop")
        ancestor = ancestor.parent
    pairing.parent = parent
    pairing.save(update_fields=["parent"])
    return pairing
