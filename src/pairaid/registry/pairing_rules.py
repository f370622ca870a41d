"""The rules one pairing keeps, checked before the database's constraints: the registry's one validation
(:func:`pairaid.core.registry.validate_pairings`, which also checks the registry files and ``pairings
import``) of the pairing against the stored pairings it could clash with, after the choices, years, key
and tree the model alone tells."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext as _

from pairaid.core.errors import ConflictError, InvalidError
from pairaid.core.registry import PairingRecord, is_pairing_key, validate_pairings
from pairaid.registry.models import Basis, Pairing, PairingLevel, Programme
from pairaid.registry.selectors import pairing_key, pairing_line


def ends_before(end_year: int | None, start_year: int) -> str:
    return _("A pairing cannot end in %(end)s before it starts in %(start)s.") % {"end": end_year, "start": start_year}


def check_pairing(pairing: Pairing, *, sourced: bool = True) -> None:
    """The domain's rules of one pairing, before the database's constraints: the registry's own checks
    (:func:`pairaid.core.registry.validate_pairings`, which the registry files and ``pairings import`` use
    too) against the stored pairings it could clash with. ``sourced=False`` lets a pairing stored without
    a source (entered before sources were required) be ended or nested.

    Raises:
        InvalidError: a rule the pairing breaks on its own (the message names every one).
        ConflictError: a stored pairing it clashes with (the same sides in overlapping years, its key).
    """
    if pairing.donor_area_id is None and pairing.donor_organisation_id is None:
        raise InvalidError(_("A pairing needs a donor (an area or an organisation)."))
    if pairing.recipient_area_id is None and pairing.recipient_organisation_id is None:
        raise InvalidError(_("A pairing needs a recipient (an area or an organisation)."))
    if pairing.level not in PairingLevel.values:
        raise InvalidError(f"unknown pairing level {pairing.level!r} (use one of {', '.join(PairingLevel.values)})")
    if pairing.programme not in Programme.values:
        raise InvalidError(f"unknown programme {pairing.programme!r} (use one of {', '.join(Programme.values)})")
    if pairing.end_year is not None and pairing.end_year < pairing.start_year:
        raise InvalidError(ends_before(pairing.end_year, pairing.start_year))
    if pairing.pair_count < 1:
        raise InvalidError(f"a pairing counts at least one pair, not {pairing.pair_count}")
    if pairing.basis and pairing.basis not in Basis.values:
        raise InvalidError(f"unknown basis {pairing.basis!r} (use one of {', '.join(Basis.values)})")
    if pairing.key and not is_pairing_key(pairing.key):
        raise InvalidError(
            _("The key %(key)s is not a registry key: lowercase letters and digits, words joined by one dash.")
            % {"key": repr(pairing.key)}
        )
    if pairing.key and Pairing.objects.filter(key=pairing.key).exclude(pk=pairing.pk).exists():
        raise ConflictError(_("The key %(key)s is used by another pairing.") % {"key": repr(pairing.key)})
    ancestor = pairing.parent
    while ancestor is not None and pairing.pk is not None:
        if ancestor.pk == pairing.pk:
            raise InvalidError(
                _("Pairing %(pairing)s cannot be nested under %(parent)s: the tree would loop.")
                % {"pairing": pairing, "parent": pairing.parent}
            )
        ancestor = ancestor.parent
    errors = validate_pairings([pairing_line(pairing)], known=_neighbours(pairing))
    if not sourced:
        errors = [e for e in errors if e.column not in ("source_url", "source_title", "note")]
    if errors:
        message = "; ".join(e.message for e in errors)
        raise ConflictError(message) if all(e.conflict for e in errors) else InvalidError(message)


def _neighbours(pairing: Pairing) -> list[PairingRecord]:
    """The stored pairings the registry's checks compare ``pairing`` with: those of the same two sides
    (duplicates) and its parent's line up the tree (programme, years, sides)."""
    others = Pairing.objects.select_related(
        "donor_area", "donor_organisation", "recipient_area", "recipient_organisation", "parent"
    ).exclude(pk=pairing.pk)
    found = list(
        others.filter(
            donor_area=pairing.donor_area_id,
            donor_organisation=pairing.donor_organisation_id,
            recipient_area=pairing.recipient_area_id,
            recipient_organisation=pairing.recipient_organisation_id,
        )
    )
    ancestor, seen = pairing.parent, {pairing.pk}
    while ancestor is not None and ancestor.pk not in seen:
        seen.add(ancestor.pk)
        found.append(ancestor)
        ancestor = ancestor.parent
    key = pairing_key(pairing)
    lines = []
    for other in found:
        line = pairing_line(other)
        # an entered pairing's derived key may equal this one's: a known line of the same key would be
        # taken for this pairing's stored state instead of another pairing
        lines.append(replace(line, key=f"{line.key}-{other.pk}") if line.key == key else line)
    return lines
