"""Paging large querysets in two steps, for the pages and the API alike: the page's keys first, then its rows.

Sorting a million figures joined to their indicator, pairing and area to keep 50
is slow; sorting their keys from an index and then loading 50 joined rows is not.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Model, QuerySet, Window


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


class CountedWithPage:
    """A sliceable stand-in for an ordered queryset, for a ``Paginator`` asked for page ``page`` of ``per_page``
    rows: that page and the count of every row come from one query (the count as a window over the rows);
    another page, or a page past the end, is read as a queryset would be."""

    ordered = True

    def __init__(self, queryset: QuerySet[Any], *, page: object, per_page: int) -> None:
        self.queryset, self.per_page = queryset, per_page
        try:
            self.start = max(int(str(page)) - 1, 0) * per_page
        except ValueError:
            self.start = 0
        self._read: tuple[list[Model], int | None] | None = None

    def _page(self) -> tuple[list[Model], int | None]:
        if self._read is None:
            rows = list(self.queryset.annotate(found_rows=Window(Count("pk")))[self.start : self.start + self.per_page])
            self._read = (rows, rows[0].found_rows if rows else None)  # type: ignore[attr-defined]
        return self._read

    def count(self) -> int:
        found = self._page()[1]
        return found if found is not None else self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Model]:
        if not isinstance(key, slice):
            raise TypeError("CountedWithPage supports slices only")
        rows, _found = self._page()
        if (key.start or 0) == self.start and key.stop is not None and key.stop <= self.start + self.per_page:
            return rows[: key.stop - self.start]
        return list(self.queryset[key])
