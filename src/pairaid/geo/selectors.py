"""Reads of the area table."""

from __future__ import annotations

from django.db.models import QuerySet

from pairaid.geo.models import Area


def area_get(*, code: str) -> Area:
    """The area with this 6-digit code (raises ``Area.DoesNotExist``)."""
    return Area.objects.select_related("parent").get(code=code)


def area_descendant_ids(*, area: Area) -> list[int]:
    """Ids of ``area`` and every area below it (prefectures, counties), at most three levels."""
    ids = [area.pk]
    frontier = [area.pk]
    while frontier:
        frontier = list(Area.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def area_list(*, level: str | None = None, parent: Area | None = None) -> QuerySet[Area]:
    """Areas, optionally of one level or under one parent, in code order."""
    qs = Area.objects.all()
    if level:
        qs = qs.filter(level=level)
    if parent is not None:
        qs = qs.filter(parent=parent)
    return qs
