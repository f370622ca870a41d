"""Membership (a user's role and what it covers) and ApiToken (hashed API tokens).

Roles (issue 5): an *administrator* may do everything; the *national office*
reads everything and reviews (accepts, corrects, rejects) any figure; a *pairing
editor* edits the pairings assigned to them and every pairing below them; a
*recipient editor* edits the figures of the areas assigned to them and every area
below them; a *viewer* reads. A user may hold several memberships; their rights
are the union.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pairaid.geo.models import Area
from pairaid.registry.models import Pairing


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    NATIONAL_OFFICE = "national_office", _("National office")
    PAIRING_EDITOR = "pairing_editor", _("Pairing editor")
    RECIPIENT_EDITOR = "recipient_editor", _("Recipient editor")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """One role of one user, with the pairings or areas it covers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    pairings = models.ManyToManyField(Pairing, blank=True, related_name="memberships")
    areas = models.ManyToManyField(Area, blank=True, related_name="memberships")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("user", "role")
        constraints = [
            # a role that covers everything is held once; an editor's role once per pairing or area (the services)
            models.UniqueConstraint(
                fields=("user", "role"),
                condition=models.Q(role__in=("administrator", "national_office", "viewer")),
                name="membership_unscoped_role_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class ApiToken(models.Model):
    """An API token of a user. Only the SHA-256 of the token is stored; ``prefix`` identifies it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(_("prefix"), max_length=16, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)

    class Meta:
        ordering = ("-created",)

    def __str__(self) -> str:
        return f"{self.user} {self.prefix}…"
