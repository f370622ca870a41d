"""Writes of users, their memberships and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pairaid.accounts.models import ApiToken, Membership, Role
from pairaid.accounts.permissions import forget_rights, require
from pairaid.accounts.user_permissions import (
    can_membership_grant,
    can_membership_revoke,
    can_user_create,
    can_user_deactivate,
)
from pairaid.core.errors import InputError
from pairaid.geo.models import Area
from pairaid.registry.models import Pairing

TOKEN_PREFIX = "pat_"


@dataclass(frozen=True)
class IssuedToken:
    """A newly created token: ``token`` is shown once and never stored."""

    token: str
    api_token: ApiToken


def token_hash(token: str) -> str:
    """The SHA-256 hex digest stored for ``token`` (tokens carry 256 random bits, so no salt is needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_create(*, username: str, name: str = "") -> IssuedToken:
    """Create an API token for the user ``username``.

    Raises:
        InputError: no such user.
    """
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise InputError(f"no user named {username!r}")
    secret = secrets.token_urlsafe(32)
    token = f"{TOKEN_PREFIX}{secret}"
    api_token = ApiToken.objects.create(user=user, name=name, prefix=token[:12], token_hash=token_hash(token))
    return IssuedToken(token=token, api_token=api_token)


def token_authenticate(*, token: str) -> Any | None:
    """The active user owning ``token``, or ``None`` for an unknown, revoked or inactive one."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    api_token = ApiToken.objects.select_related("user").filter(token_hash=token_hash(token), revoked=False).first()
    if api_token is None or not api_token.user.is_active:
        return None
    now = timezone.now()
    if api_token.last_used is None or (now - api_token.last_used).total_seconds() > 60:
        ApiToken.objects.filter(pk=api_token.pk).update(last_used=now)
    return api_token.user


def token_revoke(*, prefix: str) -> int:
    """Revoke the tokens whose prefix is ``prefix``; returns how many."""
    return ApiToken.objects.filter(prefix=prefix, revoked=False).update(revoked=True)


def _scope_error(role: str, pairings: list[Pairing], areas: list[Area]) -> str | None:
    """Why ``pairings`` and ``areas`` do not fit ``role``, or None: an editor's role covers what it edits."""
    if role == Role.PAIRING_EDITOR and (not pairings or areas):
        return _("A pairing editor edits one or more pairings, and no areas.")
    if role == Role.RECIPIENT_EDITOR and (not areas or pairings):
        return _("A recipient editor edits one or more areas, and no pairings.")
    if role not in (Role.PAIRING_EDITOR, Role.RECIPIENT_EDITOR) and (pairings or areas):
        return _("This role covers every pairing and area: name none.")
    return None


def _held_error(user: Any, role: str, pairings: list[Pairing], areas: list[Area]) -> str | None:
    """Why ``user`` cannot be given ``role`` again, or None: a role covering everything is held once, an
    editor's role once for each pairing or area."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()  # one grant to a user at a time
    held = Membership.objects.filter(user=user, role=role)
    if not pairings and not areas:
        return _("They hold this role already.") if held.exists() else None
    names = sorted(
        {str(p) for p in Pairing.objects.filter(memberships__in=held, pk__in=[p.pk for p in pairings])}
        | {str(a) for a in Area.objects.filter(memberships__in=held, pk__in=[a.pk for a in areas])}
    )
    if names:
        return _("They hold this role over %(names)s already.") % {"names": "; ".join(names)}
    return None


@transaction.atomic
def membership_grant(
    *,
    user: Any,
    role: str,
    pairings: Iterable[Pairing] = (),
    areas: Iterable[Area] = (),
    actor: Any | None = None,
) -> Membership:
    """Give ``user`` the role ``role`` over ``pairings`` (pairing editors) or ``areas`` (recipient editors).

    ``actor`` is who asks (through the pages, checked by :func:`can_membership_grant`); None is
    the command line, run by whoever runs the machine.

    Raises:
        InputError: an unknown role, pairings and areas that do not fit it, or a role held already
            (over one of these pairings or areas).
        NotAllowed: ``actor`` may not give this role.
    """
    if role not in Role.values:
        raise InputError(f"unknown role {role!r}; use one of {', '.join(Role.values)}")
    if actor is not None:
        require(can_membership_grant(actor, role=role), _("You may not give this role."))
    pairings, areas = list(pairings), list(areas)
    if (error := _scope_error(role, pairings, areas)) is not None:
        raise InputError(error)
    if (error := _held_error(user, role, pairings, areas)) is not None:
        raise InputError(error)
    try:
        with transaction.atomic():  # a savepoint: the same role given at once by another request
            membership = Membership.objects.create(user=user, role=role)
    except IntegrityError:
        raise InputError(_("They hold this role already.")) from None
    membership.pairings.set(pairings)
    membership.areas.set(areas)
    forget_rights(user)
    return membership


@transaction.atomic
def membership_revoke(*, actor: Any, membership: Membership) -> None:
    """Take ``membership`` away from its user.

    Raises:
        NotAllowed: ``actor`` may not (:func:`can_membership_revoke`).
    """
    require(can_membership_revoke(actor, membership), _("You may not take this role away."))
    membership.delete()
    forget_rights(membership.user)


def user_create(*, username: str, password: str, email: str = "", actor: Any | None = None) -> Any:
    """Create a user. ``actor`` is who asks through the pages (checked); None is the command line.

    Raises:
        InputError: the name is empty or taken; a password Django's validators refuse (the pages).
        NotAllowed: ``actor`` may not create users.
    """
    model = get_user_model()
    if actor is not None:
        require(can_user_create(actor), _("You may not create users."))
    if not username.strip():
        raise InputError("a user needs a name")
    taken = InputError(_("A user named %(name)s exists already.") % {"name": repr(username)})
    if model.objects.filter(username=username).exists():
        raise taken
    try:
        with transaction.atomic():  # a savepoint: a request creating the same name at once wins the race
            return model.objects.create_user(username=username, password=password, email=email)
    except IntegrityError:
        raise taken from None


def user_set_active(*, actor: Any, user: Any, active: bool) -> Any:
    """Deactivate ``user`` (``active=False``: they can no longer sign in, their API tokens stop working,
    their work stays) or activate them again.

    Raises:
        NotAllowed: ``actor`` may not (:func:`can_user_deactivate`: nobody themselves; the national
            office no administrator).
    """
    require(can_user_deactivate(actor, user), _("You may not change whether this user is active."))
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
    return user
