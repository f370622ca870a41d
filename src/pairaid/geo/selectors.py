"""Reads of the area table."""

from __future__ import annotations

from django.db.models import QuerySet

from pairaid.geo.models import Area


def area_get(*, code: str) -> Area:
    """The area with this 6-digit code (raises ``Area.DoesNotExist``)."""
    return Area.objects.select_related("parent").get(code=code)


def area_list(*, level: str | None = None, parent: Area | None = None) -> QuerySet[Area]:
    """Areas, optionally of one level or under one parent, in code order."""
    qs = Area.objects.all()
    if level:
        qs = qs.filter(level=level)
    if parent is not None:
        qs = qs.filter(parent=parent)
    return qs
