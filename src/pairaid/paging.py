"""Paging large querysets in two steps, for the pages and the API alike: the page's keys first, then its rows.

Sorting a million figures joined to their indicator, pairing and area to keep 50
is slow; sorting their keys from an index and then loading 50 joined rows is not.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet


class KeysFirst:
    """A sliceable stand-in for an ordered queryset (for ``Paginator`` and the API's pages)."""

    ordered = True

    def __init__(self, queryset: QuerySet[Any]) -> None:
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Model]:
        if not isinstance(key, slice):
            raise TypeError("KeysFirst supports slices only")
        ids = list(self.queryset.values_list("pk", flat=True)[key])
        rows = self.queryset.filter(pk__in=ids).order_by()
        by_id = {row.pk: row for row in rows}
        return [by_id[pk] for pk in ids if pk in by_id]
