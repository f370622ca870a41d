"""Who may keep the pairing registry and the indicator codelist: the rule of each write, as
:mod:`pairaid.accounts.permissions` has them. The national office and administrators keep the registry;
administrators add indicators."""

from __future__ import annotations

from typing import Any

from pairaid.accounts.permissions import user_rights
from pairaid.registry.models import Pairing


def _keeps_registry(user: Any) -> bool:
    """Whether ``user`` keeps the pairing registry: the national office and administrators."""
    rights = user_rights(user)
    return rights.administrator or rights.national_office


def can_pairing_create(user: Any) -> bool:
    """Create a pairing: the national office and administrators."""
    return _keeps_registry(user)


def can_pairing_update(user: Any, pairing: Pairing) -> bool:
    """Change ``pairing`` (its sides, years, parent, source): the national office and administrators."""
    return _keeps_registry(user)


def can_pairing_end(user: Any, pairing: Pairing) -> bool:
    """End ``pairing`` (and the pairings under it): the national office and administrators."""
    return _keeps_registry(user)


def can_pairing_reassign(user: Any, pairing: Pairing) -> bool:
    """End ``pairing`` and start its successor with a new donor or recipient: the national office and administrators."""
    return _keeps_registry(user)


def can_indicator_create(user: Any) -> bool:
    """Add an indicator to the codelist (issue 10): administrators."""
    return user_rights(user).administrator
