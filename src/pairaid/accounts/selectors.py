"""Reads of memberships and tokens."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from pairaid.accounts.models import ApiToken, Membership


def membership_list(*, user: Any) -> QuerySet[Membership]:
    """The memberships of ``user`` with their pairings and areas."""
    return Membership.objects.filter(user=user).prefetch_related("pairings", "areas")


def token_list(*, user: Any) -> QuerySet[ApiToken]:
    """The tokens of ``user``, newest first."""
    return ApiToken.objects.filter(user=user)
