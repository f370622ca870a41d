"""Template tag: how many notifications the signed-in user has not read (shown in the page header)."""

from __future__ import annotations

from typing import Any

from django import template

from pairaid.notifications.selectors import notification_unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    """The unread notifications of the request's user (0 for a visitor)."""
    request = context.get("request")
    if request is None:
        return 0
    user = getattr(request, "user", None)
    counted = getattr(user, "unread_notifications", None)  # read with the user (pairaid.web.auth)
    return counted if counted is not None else notification_unread_count(user=user)
