"""Sending notifications: one row per user in the application, and an email through Django's
email backend (the console in development, memory in tests, SMTP in production).

A mail server that refuses a message does not undo the step that caused it: the
failure is logged and the notification stays in the application.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone

from pairaid.notifications.models import Notification

logger = logging.getLogger(__name__)


def notify(*, users: Iterable[Any], subject: str, message: str = "", url: str = "") -> list[Notification]:
    """Tell each of ``users`` (once each) that ``subject`` happened; email those with an address.

    ``url`` is the page where to act (a path such as ``/datasets/3/``). Returns the
    notifications stored.
    """
    unique = {user.pk: user for user in users if user is not None and user.is_active}
    notes = Notification.objects.bulk_create(
        [Notification(user=user, subject=subject[:200], message=message, url=url[:300]) for user in unique.values()]
    )
    body = f"{message}\n\n{settings.SITE_URL}{url}".strip() if url else message
    mails = [
        EmailMessage(subject=f"[pairaid] {subject}", body=body, to=[user.email])
        for user in unique.values()
        if user.email
    ]
    if mails:
        try:
            get_connection().send_messages(mails)
        except OSError:
            logger.exception("could not email %d notifications of %r", len(mails), subject)
    return notes


def notification_mark_read(*, user: Any, ids: Iterable[int] | None = None) -> int:
    """Mark ``user``'s notifications ``ids`` (all unread ones when None) read; returns how many."""
    qs = Notification.objects.filter(user=user, read__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read=timezone.now())
