"""Reads of notifications."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from pairaid.notifications.models import Notification


def notification_list(*, user: Any, unread_only: bool = False) -> QuerySet[Notification]:
    """``user``'s notifications, newest first (none for a visitor who is not signed in)."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    qs = Notification.objects.filter(user=user)
    return qs.filter(read__isnull=True) if unread_only else qs


def notification_unread_count(*, user: Any) -> int:
    """How many notifications ``user`` has not read."""
    return notification_list(user=user, unread_only=True).count()
