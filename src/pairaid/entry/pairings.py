"""Keeping the pairing registry by hand: creating, changing, ending and re-assigning pairings.

The one path for the pages and the API. Each service checks the user's rights
(:mod:`pairaid.accounts.permissions`: the national office and administrators) and
calls the registry's service, which checks the domain's rules and records the
user in the pairing's history.

Errors raised: :class:`~pairaid.accounts.permissions.NotAllowed` (the user may
not), :class:`~pairaid.core.errors.DataError` (a rule of the registry: an end
before the start, a second pairing of the same sides in overlapping years…).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from pairaid.accounts import permissions, registry_permissions
from pairaid.registry import services
from pairaid.registry.models import Pairing


def pairing_create(*, user: Any, data: Mapping[str, Any]) -> Pairing:
    """Create a pairing from ``data`` (the fields of :class:`pairaid.registry.services.PairingSpec`)."""
    permissions.require(registry_permissions.can_pairing_create(user), _("You may not create pairings."))
    return services.pairing_create(services.PairingSpec(**data), user=user, reason="entered")


def pairing_update(*, user: Any, pairing: Pairing, data: Mapping[str, Any]) -> Pairing:
    """Change the fields of ``pairing`` that ``data`` names."""
    permissions.require(registry_permissions.can_pairing_update(user, pairing), _("You may not change pairings."))
    return services.pairing_update(pairing=pairing, data=data, user=user, reason="edited")


def pairing_end(*, user: Any, pairing: Pairing, end_year: int) -> Pairing:
    """End ``pairing`` (and the pairings under it) with ``end_year``."""
    permissions.require(registry_permissions.can_pairing_end(user, pairing), _("You may not end pairings."))
    return services.pairing_end(pairing=pairing, end_year=end_year, user=user, reason="ended")


def pairing_reassign(*, user: Any, pairing: Pairing, year: int, data: Mapping[str, Any]) -> Pairing:
    """End ``pairing`` with ``year - 1`` and start its successor in ``year`` (a new donor or a new recipient in
    ``data``, the fields of :class:`pairaid.registry.services.PairingReassignSpec`); returns the successor."""
    permissions.require(registry_permissions.can_pairing_reassign(user, pairing), _("You may not re-assign pairings."))
    return services.pairing_reassign(services.PairingReassignSpec(pairing=pairing, year=year, **data), user=user)
