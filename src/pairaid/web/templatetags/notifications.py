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
    return notification_unread_count(user=getattr(request, "user", None)) if request is not None else 0
