"""Who may manage users and memberships: the rule of each write, as :mod:`pairaid.accounts.permissions` has them.

Administrators manage every user. The national office manages the users of the
programme but not the administrators: it may not give or take away the administrator
role, nor deactivate an administrator. Nobody deactivates themselves (someone must be
left who can undo it). The table of roles in the README lists these writes.
"""

from __future__ import annotations

from typing import Any

from pairaid.accounts.models import Membership, Role
from pairaid.accounts.permissions import user_rights


def is_administrator(user: Any) -> bool:
    """Whether ``user`` (a managed user, not the one asking) is an administrator: a superuser or one by role."""
    return bool(user.is_superuser) or Membership.objects.filter(user=user, role=Role.ADMINISTRATOR).exists()


def can_users_manage(user: Any) -> bool:
    """Whether ``user`` may open the users' pages: administrators and the national office."""
    rights = user_rights(user)
    return rights.administrator or rights.national_office


def can_user_create(user: Any) -> bool:
    """Create a user: administrators and the national office."""
    return can_users_manage(user)


def can_membership_grant(user: Any, *, role: str) -> bool:
    """Give someone a membership of ``role``: administrators any; the national office any but administrator."""
    rights = user_rights(user)
    return rights.administrator or (rights.national_office and role != Role.ADMINISTRATOR)


def can_membership_revoke(user: Any, membership: Membership) -> bool:
    """Take ``membership`` away: administrators any; the national office any but an administrator's role."""
    return can_membership_grant(user, role=membership.role)


def can_user_deactivate(user: Any, target: Any) -> bool:
    """Deactivate (or activate again) ``target``: administrators anyone else; the national office anyone
    else who is not an administrator."""
    rights = user_rights(user)
    if target.pk == getattr(user, "pk", None):
        return False
    return rights.administrator or (rights.national_office and not is_administrator(target))
