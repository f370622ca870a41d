"""Reads of users, memberships and tokens."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from pairaid.accounts.models import Membership


def membership_list(*, user: Any) -> QuerySet[Membership]:
    """The memberships of ``user`` with their pairings and areas."""
    return Membership.objects.filter(user=user).prefetch_related("pairings", "areas")


def user_list(*, query: str = "") -> QuerySet[Any]:
    """Every user (name containing ``query``), active first, by name, with their memberships."""
    qs = get_user_model().objects.prefetch_related("memberships")
    if query:
        qs = qs.filter(username__icontains=query)
    return qs.order_by("-is_active", "username")
