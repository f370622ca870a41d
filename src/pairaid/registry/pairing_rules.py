"""The rules one pairing keeps, checked before the database's constraints: a donor and a recipient,
a known level, programme and basis, years in order, a registry key of its form used once, no other
pairing of the same sides in the same years, and a tree without loops."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from pairaid.core.errors import DataError, InputError
from pairaid.core.registry import is_pairing_key
from pairaid.registry.models import Basis, Pairing, PairingLevel, Programme


def ends_before(end_year: int | None, start_year: int) -> str:
    return _("A pairing cannot end in %(end)s before it starts in %(start)s.") % {"end": end_year, "start": start_year}


def _years(pairing: Pairing) -> str:
    return f"{pairing.start_year}–{pairing.end_year or ''}"


def check_pairing(pairing: Pairing) -> None:
    """The domain's rules of one pairing, before the database's constraints."""
    if pairing.donor_area_id is None and pairing.donor_organisation_id is None:
        raise DataError(_("A pairing needs a donor (an area or an organisation)."))
    if pairing.recipient_area_id is None and pairing.recipient_organisation_id is None:
        raise DataError(_("A pairing needs a recipient (an area or an organisation)."))
    if pairing.level not in PairingLevel.values:
        raise DataError(f"unknown pairing level {pairing.level!r} (use one of {', '.join(PairingLevel.values)})")
    if pairing.programme not in Programme.values:
        raise DataError(f"unknown programme {pairing.programme!r} (use one of {', '.join(Programme.values)})")
    if pairing.end_year is not None and pairing.end_year < pairing.start_year:
        raise DataError(ends_before(pairing.end_year, pairing.start_year))
    if pairing.pair_count < 1:
        raise DataError(f"a pairing counts at least one pair, not {pairing.pair_count}")
    if pairing.basis and pairing.basis not in Basis.values:
        raise DataError(f"unknown basis {pairing.basis!r} (use one of {', '.join(Basis.values)})")
    if pairing.key and not is_pairing_key(pairing.key):
        raise InputError(
            _("The key %(key)s is not a registry key: lowercase letters and digits, words joined by one dash.")
            % {"key": repr(pairing.key)}
        )
    if pairing.key and Pairing.objects.filter(key=pairing.key).exclude(pk=pairing.pk).exists():
        raise DataError(_("The key %(key)s is used by another pairing.") % {"key": repr(pairing.key)})
    same = Pairing.objects.filter(
        programme=pairing.programme,
        level=pairing.level,
        donor_area=pairing.donor_area_id,
        donor_organisation=pairing.donor_organisation_id,
        recipient_area=pairing.recipient_area_id,
        recipient_organisation=pairing.recipient_organisation_id,
    ).exclude(pk=pairing.pk)
    if pairing.end_year is not None:
        same = same.filter(start_year__lte=pairing.end_year)
    clash = same.filter(Q(end_year__isnull=True) | Q(end_year__gte=pairing.start_year)).first()
    if clash is not None:
        raise DataError(
            _("#%(id)s %(pairing)s already pairs them in %(years)s.")
            % {"id": clash.pk, "pairing": clash, "years": _years(clash)}
        )
    ancestor = pairing.parent
    while ancestor is not None and pairing.pk is not None:
        if ancestor.pk == pairing.pk:
            raise DataError(
                _("Pairing %(pairing)s cannot be nested under %(parent)s: the tree would loop.")
                % {"pairing": pairing, "parent": pairing.parent}
            )
        ancestor = ancestor.parent
