"""The sign-in backend of the site: Django's model backend, whose signed-in user comes with the count of
their unread notifications (the page header's), read with the user in one query instead of one more per page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from pairaid.notifications.selectors import user_with_unread_count


class SignedInBackend(ModelBackend):
    """:class:`ModelBackend` (passwords, permissions, active users only) with ``user.unread_notifications``."""

    def get_user(self, user_id: Any) -> Any | None:
        user = user_with_unread_count(pk=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
