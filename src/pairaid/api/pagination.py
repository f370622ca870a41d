"""Page-number pagination with bounded parameters: ``?page=1&page_size=50`` (at most 500 a page).

Pages load their keys first, then their rows (:class:`pairaid.paging.KeysFirst`).
"""

from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from pairaid.paging import KeysFirst


class Pages(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int = Field(50, ge=1, le=500)

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int

    def paginate_queryset(self, queryset: QuerySet[Any], pagination: Input, **params: Any) -> Any:
        offset = (pagination.page - 1) * pagination.page_size
        return {
            "items": KeysFirst(queryset)[offset : offset + pagination.page_size],
            "count": queryset.count(),
            "page": pagination.page,
            "page_size": pagination.page_size,
        }
