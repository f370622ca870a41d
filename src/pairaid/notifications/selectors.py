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


def user_with_unread_count(*, pk: Any) -> Any | None:
    """The user ``pk`` with ``unread_notifications``, how many notifications they have not read, read in the
    same query (the page header shows it on every page); ``None`` when there is no such user."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count, IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    unread = (
        Notification.objects.filter(user=OuterRef("pk"), read__isnull=True)
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    users = get_user_model()._default_manager.annotate(
        unread_notifications=Coalesce(Subquery(unread, output_field=IntegerField()), 0)
    )
    return users.filter(pk=pk).first()
