"""Who may keep the pairing registry and the indicator codelist: the rule of each write, as
:mod:`pairaid.accounts.permissions` has them. The national office and administrators keep the registry;
administrators add indicators."""

from __future__ import annotations

from typing import Any

from pairaid.accounts.permissions import acts_nationally, user_rights
from pairaid.registry.models import Pairing


def can_pairing_create(user: Any) -> bool:
    """Create a pairing: the national office and administrators."""
    return acts_nationally(user)


def can_pairing_update(user: Any, pairing: Pairing) -> bool:
    """Change ``pairing`` (its sides, years, parent, source): the national office and administrators."""
    return acts_nationally(user)


def can_pairing_end(user: Any, pairing: Pairing) -> bool:
    """End ``pairing`` (and the pairings under it): the national office and administrators."""
    return acts_nationally(user)


def can_pairing_reassign(user: Any, pairing: Pairing) -> bool:
    """End ``pairing`` and start its successor with a new donor or recipient: the national office and administrators."""
    return acts_nationally(user)


def can_indicator_create(user: Any) -> bool:
    """Add an indicator to the codelist (issue 10): administrators."""
    return user_rights(user).administrator
