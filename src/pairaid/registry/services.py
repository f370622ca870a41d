"""Writes of organisations and pairings.

Every function checks the rules of the domain before the database does (the
model's check constraints stay as the last guard): the registry's one validation
(:func:`pairaid.core.registry.validate_pairings`), the same that checks the
registry files and ``pairings import``. It raises
:class:`pairaid.core.errors.InvalidError` for a rule a pairing breaks on its own
and :class:`pairaid.core.errors.ConflictError` for a clash with stored pairings,
with a message a user can act on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from pairaid.core.errors import ConflictError, InvalidError
from pairaid.geo.models import Area
from pairaid.registry.models import Basis, Organisation, OrganisationKind, Pairing, Programme
from pairaid.registry.pairing_rules import check_pairing, ends_before


def organisation_get_or_create(
    *, name: str, kind: str = OrganisationKind.OTHER, name_zh: str = "", area: Area | None = None
) -> tuple[Organisation, bool]:
    """The organisation called ``name`` in ``area``, created when missing; and whether it was created.

    An existing organisation keeps its kind and Chinese name, except that an empty
    Chinese name is filled in.

    Raises:
        InvalidError: an empty name or an unknown kind.
    """
    name = name.strip()
    if not name:
        raise InvalidError("an organisation needs a name")
    if kind not in OrganisationKind.values:
        raise InvalidError(f"unknown organisation kind {kind!r} (use one of {', '.join(OrganisationKind.values)})")
    organisation, created = Organisation.objects.get_or_create(
        name=name, area=area, defaults={"kind": kind, "name_zh": name_zh.strip()}
    )
    if not created and name_zh and not organisation.name_zh:
        organisation.name_zh = name_zh.strip()
        organisation.save(update_fields=["name_zh"])
    return organisation, created


#: The fields :func:`pairing_update` changes.
_EDITABLE = frozenset(
    {
        "name",
        "key",
        "level",
        "programme",
        "start_year",
        "end_year",
        "pair_count",
        "parent",
        "donor_area",
        "donor_organisation",
        "recipient_area",
        "recipient_organisation",
        "source_url",
        "source_title",
        "basis",
        "note",
    }
)


#: The longest reason a historical record keeps (django-simple-history's column).
REASON_LENGTH = 100


def _side_name(area: Area | None, organisation: Organisation | None) -> str:
    return (area.name_en or area.name_zh) if area is not None else str(organisation or "")


def _short(pairing: Pairing) -> str:
    """ "#12 Shandong Province – Chongqing": a pairing as a history's reason names it."""
    donor = _side_name(pairing.donor_area, pairing.donor_organisation)
    recipient = _side_name(pairing.recipient_area, pairing.recipient_organisation)
    return f"#{pairing.pk} {donor} – {recipient}"


def _save(
    pairing: Pairing,
    *,
    user: Any,
    reason: str,
    fields: list[str] | None = None,
    sourced: bool = True,
    checked: bool = True,
) -> Pairing:
    """Check (:func:`pairaid.registry.pairing_rules.check_pairing`, unless ``checked`` is false) and save
    ``pairing``, its historical record naming ``user`` and ``reason`` (cut to :data:`REASON_LENGTH`
    characters)."""
    if checked:
        check_pairing(pairing, sourced=sourced)
    pairing._history_user = user  # type: ignore[attr-defined]
    pairing._change_reason = reason[:REASON_LENGTH]  # type: ignore[attr-defined]
    pairing.save(update_fields=fields)
    return pairing


@dataclass(frozen=True, kw_only=True)
class PairingSpec:
    """One pairing to record, of a donor with a recipient from ``start_year`` (to ``end_year``, or open): what
    :func:`pairing_create` stores and :func:`pairing_get_or_create` finds or stores.

    ``pair_count`` > 1 records a pairing the source gives only as a count ("ten counties with ten
    counties") at the level of the areas it names. ``key`` is the registry line's stable id;
    ``source_url``/``source_title`` the document that states the pairing, ``basis`` ``stated`` or
    ``inferred`` (a source without a basis is ``stated``). ``predecessor`` is the pairing it took over
    from in a re-assignment.
    """

    level: str
    start_year: int
    donor_area: Area | None = None
    donor_organisation: Organisation | None = None
    recipient_area: Area | None = None
    recipient_organisation: Organisation | None = None
    programme: str = Programme.EAST_WEST
    end_year: int | None = None
    pair_count: int = 1
    name: str = ""
    key: str = ""
    parent: Pairing | None = None
    predecessor: Pairing | None = None
    source_url: str = ""
    source_title: str = ""
    basis: str = ""
    note: str = ""


def pairing_create(spec: PairingSpec, *, user: Any = None, reason: str = "") -> Pairing:
    """Record the pairing ``spec`` describes (:class:`PairingSpec`); ``user`` and ``reason`` go into its history.

    Raises:
        InvalidError: a rule of the registry broken (:func:`pairaid.core.registry.validate_pairings`): no
            donor or recipient, both an area and an organisation on one side, two sides one of which
            contains the other, a level not the recipient's, an unknown level, programme or basis, an end
            year before the start year, a count below one, no source, a parent of another programme or
            whose sides or years do not hold this pairing's.
        ConflictError: a key already in use, a stored pairing of the same sides in overlapping years.
    """
    values = {field.name: getattr(spec, field.name) for field in dataclasses.fields(spec)}
    values.update({name: values[name].strip() for name in ("key", "source_url", "source_title", "note", "name")})
    values["basis"] = spec.basis or (Basis.STATED if values["source_url"] else "")
    pairing = Pairing(**values)
    return _save(pairing, user=user, reason=reason)


#: What makes a stored pairing in force in a spec's start year the pairing the spec describes.
_SAME_PAIRING = ("donor_area", "donor_organisation", "recipient_area", "recipient_organisation", "level", "programme")


@transaction.atomic
def pairing_get_or_create(spec: PairingSpec) -> tuple[Pairing, bool]:
    """The pairing of ``spec``'s donor, recipient, level and programme in force in its start year, created from
    ``spec`` when missing; and whether it was.

    A pairing already stored for those sides (a registry line running 1996–2010) is
    found by any year it covers; the rest of ``spec`` is used only when the pairing
    is created.

    Raises:
        InvalidError, ConflictError: as :func:`pairing_create`.
    """
    existing = (
        Pairing.objects.filter(**{name: getattr(spec, name) for name in _SAME_PAIRING}, start_year__lte=spec.start_year)
        .filter(Q(end_year__isnull=True) | Q(end_year__gte=spec.start_year))
        .order_by("-start_year")
        .first()
    )
    if existing is not None:
        return existing, False
    return pairing_create(spec), True


def pairing_update(*, pairing: Pairing, data: Mapping[str, Any], user: Any = None, reason: str = "") -> Pairing:
    """Change the fields of ``pairing`` that ``data`` names (model field names; areas and organisations as
    objects), recording ``user`` and ``reason`` in its history.

    Raises:
        InvalidError: an unknown field, or a change that breaks a rule of :func:`pairing_create`, or
            a parent that would make the tree loop.
        ConflictError: as :func:`pairing_create`.
    """
    unknown = sorted(set(data) - _EDITABLE)
    if unknown:
        raise InvalidError(f"a pairing has no field {', '.join(unknown)} that can be changed")
    for name, value in data.items():
        setattr(pairing, name, value.strip() if isinstance(value, str) else value)
    return _save(pairing, user=user, reason=reason)


def pairing_end(*, pairing: Pairing, end_year: int, user: Any = None, reason: str = "") -> Pairing:
    """Close ``pairing``, in force until now, with its last year ``end_year`` (a donor moved to new
    recipients).

    The pairings under it that run past ``end_year`` end with it. A pairing that has an end year
    already is not ended again: its end year is corrected with :func:`pairing_update`.

    Raises:
        ConflictError: the pairing has ended already.
        InvalidError: ``end_year`` before the pairing's start year, or before a pairing under it starts.
    """
    if pairing.end_year is not None:
        raise ConflictError(
            _("%(pairing)s has ended already, in %(end)s: correct its end year instead of ending it again.")
            % {"pairing": pairing, "end": pairing.end_year}
        )
    return _close(pairing=pairing, end_year=end_year, user=user, reason=reason)


def _close(*, pairing: Pairing, end_year: int, user: Any, reason: str) -> Pairing:
    """Give ``pairing`` and the pairings under it that run past ``end_year`` that last year."""
    if end_year < pairing.start_year:
        raise InvalidError(ends_before(end_year, pairing.start_year))
    with transaction.atomic():
        for child in pairing.children.filter(Q(end_year__isnull=True) | Q(end_year__gt=end_year)):
            if child.start_year > end_year:
                raise InvalidError(
                    _("Pairing %(child)s under %(pairing)s starts in %(start)s, after %(end)s.")
                    % {"child": child, "pairing": pairing, "start": child.start_year, "end": end_year}
                )
            _close(pairing=child, end_year=end_year, user=user, reason=reason)
        pairing.end_year = end_year
        # a shorter period breaks no rule the pairing kept (its children end with it), and a pairing
        # stored before the rules it breaks were checked (without a source) still ends
        return _save(pairing, user=user, reason=reason, fields=["end_year"], checked=False)


@dataclass(frozen=True, kw_only=True)
class PairingReassignSpec:
    """A re-assignment: ``pairing`` ends with ``year - 1`` and a successor starts in ``year`` with a new donor
    or a new recipient (an area or an organisation), what :func:`pairing_reassign` does. ``level`` (empty:
    the old pairing's), ``key``, the source and ``note`` are the successor's, as in :class:`PairingSpec`.
    """

    pairing: Pairing
    year: int
    donor_area: Area | None = None
    donor_organisation: Organisation | None = None
    recipient_area: Area | None = None
    recipient_organisation: Organisation | None = None
    level: str = ""
    key: str = ""
    source_url: str = ""
    source_title: str = ""
    basis: str = ""
    note: str = ""


#: The fields of a re-assignment that its successor takes as given (the others come from the old pairing).
_SUCCESSOR_AS_GIVEN = ("key", "source_url", "source_title", "basis", "note")


def pairing_reassign(spec: PairingReassignSpec, *, user: Any = None) -> Pairing:
    """End ``spec.pairing`` with ``year - 1`` and start its successor in ``year``: the same donor with a new
    recipient, or a new donor for the same recipient (:class:`PairingReassignSpec`). Returns the successor.

    The successor keeps the programme, the level (unless ``level`` is given), the parent when its new
    side lies within the parent's, and a planned end year; it records ``pairing`` as its predecessor
    (:attr:`Pairing.predecessor`), so the pages and the API link the two. Both histories name the other.

    Raises:
        InvalidError: neither or both sides new, a new side that is the old one, a ``year`` that
            leaves the old pairing no year, or a rule of :func:`pairing_create`.
        ConflictError: a ``year`` after the old pairing ended, or as :func:`pairing_create`.
    """
    pairing, year, level = spec.pairing, spec.year, spec.level
    donor_area, donor_organisation = spec.donor_area, spec.donor_organisation
    recipient_area, recipient_organisation = spec.recipient_area, spec.recipient_organisation
    new_donor, new_recipient = donor_area or donor_organisation, recipient_area or recipient_organisation
    if (new_donor is None) == (new_recipient is None):
        raise InvalidError(_("A re-assignment gives either a new donor or a new recipient."))
    if new_donor is not None and (donor_area, donor_organisation) == (pairing.donor_area, pairing.donor_organisation):
        raise InvalidError(_("%(side)s is already the donor of %(pairing)s.") % {"side": new_donor, "pairing": pairing})
    if new_recipient is not None and (recipient_area, recipient_organisation) == (
        pairing.recipient_area,
        pairing.recipient_organisation,
    ):
        raise InvalidError(
            _("%(side)s is already the recipient of %(pairing)s.") % {"side": new_recipient, "pairing": pairing}
        )
    if year <= pairing.start_year:
        raise InvalidError(
            _("%(pairing)s starts in %(start)s: a re-assignment from %(year)s leaves it no year (change it instead).")
            % {"pairing": pairing, "start": pairing.start_year, "year": year}
        )
    if pairing.end_year is not None and pairing.end_year < year - 1:
        raise ConflictError(
            _("%(pairing)s ended in %(end)s; it cannot be re-assigned from %(year)s.")
            % {"pairing": pairing, "end": pairing.end_year, "year": year}
        )
    if new_donor is None:
        donor_area, donor_organisation = pairing.donor_area, pairing.donor_organisation
    else:
        recipient_area, recipient_organisation = pairing.recipient_area, pairing.recipient_organisation
    parent = pairing.parent
    if parent is not None and not (
        _within(donor_area, parent.donor_area) and _within(recipient_area, parent.recipient_area)
    ):
        parent = None
    with transaction.atomic():
        successor = pairing_create(
            PairingSpec(
                level=level or pairing.level,
                programme=pairing.programme,
                start_year=year,
                end_year=pairing.end_year if pairing.end_year is not None and pairing.end_year >= year else None,
                donor_area=donor_area,
                donor_organisation=donor_organisation,
                recipient_area=recipient_area,
                recipient_organisation=recipient_organisation,
                parent=parent,
                predecessor=pairing,
                **{name: getattr(spec, name) for name in _SUCCESSOR_AS_GIVEN},
            ),
            user=user,
            reason=f"re-assignment of {_short(pairing)} from {year}",
        )
        reason = f"re-assigned from {year}: {_short(successor)}"
        _close(pairing=pairing, end_year=year - 1, user=user, reason=reason)
    return successor


def _within(area: Area | None, container: Area | None) -> bool:
    """Whether ``area`` is ``container`` or lies in it (two sides that are not both areas are taken to fit)."""
    if area is None or container is None:
        return True
    node: Area | None = area
    while node is not None:
        if node.pk == container.pk:
            return True
        node = node.parent
    return False


def pairing_attach(*, pairing: Pairing, parent: Pairing, user: Any = None) -> Pairing:
    """Nest ``pairing`` under ``parent`` (a city–county pairing under its province–region pairing).

    Raises:
        InvalidError: ``parent`` is ``pairing`` itself or nested under it (the tree would loop), or does not
            hold it (another programme, sides or years).
    """
    pairing.parent = parent
    return _save(pairing, user=user, reason="", fields=["parent"], sourced=False)
