"""Writes of users' memberships and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from pairaid.accounts.models import ApiToken, Membership, Role
from pairaid.accounts.permissions import forget_rights
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


@transaction.atomic
def membership_grant(
    *,
    user: Any,
    role: str,
    pairings: Iterable[Pairing] = (),
    areas: Iterable[Area] = (),
) -> Membership:
    """Give ``user`` the role ``role`` over ``pairings`` (pairing editors) or ``areas`` (recipient editors).

    Raises:
        InputError: an unknown role.
    """
    if role not in Role.values:
        raise InputError(f"unknown role {role!r}; use one of {', '.join(Role.values)}")
    membership = Membership.objects.create(user=user, role=role)
    membership.pairings.set(list(pairings))
    membership.areas.set(list(areas))
    forget_rights(user)
    return membership


def user_create(*, username: str, password: str, email: str = "") -> Any:
    """Create a user (raises ``InputError`` when the name is empty or taken)."""
    model = get_user_model()
    if not username.strip():
        raise InputError("a user needs a name")
    if model.objects.filter(username=username).exists():
        raise InputError(f"a user named {username!r} exists already")
    return model.objects.create_user(username=username, password=password, email=email)
