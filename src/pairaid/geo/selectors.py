"""Reads of the area table."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from pairaid.core.filters import given_filters
from pairaid.geo.models import Area


def area_get(*, code: str) -> Area:
    """The area with this 6-digit code, with its parent and theirs (raises ``Area.DoesNotExist``)."""
    return Area.objects.select_related("parent", "parent__parent").get(code=code)


def area_find(*, code: str) -> Area | None:
    """The area with this 6-digit code, or ``None`` when no area has it (a code typed by a person)."""
    return Area.objects.filter(code=code).first()


def areas_and_unknown_codes(*, codes: Iterable[str]) -> tuple[list[Area], list[str]]:
    """The areas with these codes, in code order, and the codes no area has, sorted (codes typed in a list)."""
    wanted = set(codes)
    areas = list(Area.objects.filter(code__in=wanted).order_by("code"))
    return areas, sorted(wanted - {a.code for a in areas})


def area_list(
    *,
    level: str | None = None,
    parent: Area | None = None,
    parent_code: str | None = None,
    text: str | None = None,
) -> QuerySet[Area]:
    """Areas with their parents, optionally of one level, under one parent (or the parent with this code),
    or whose Chinese, English or pinyin name contains ``text``, in code order."""
    qs = Area.objects.select_related("parent").filter(
        **given_filters(level=level, parent=parent, parent__code=parent_code)
    )
    if text:
        qs = qs.filter(Q(name_zh__icontains=text) | Q(name_en__icontains=text) | Q(name_pinyin__icontains=text))
    return qs.order_by("code")


def area_search(*, text: str, limit: int) -> list[Area]:
    """The first ``limit`` areas, with their parents, whose Chinese, English or pinyin name contains ``text``
    or whose code is ``text`` (the search page)."""
    named = Q(name_zh__icontains=text) | Q(name_en__icontains=text) | Q(name_pinyin__icontains=text) | Q(code=text)
    return list(Area.objects.filter(named).select_related("parent")[:limit])


def area_names_zh(*, name: str) -> list[tuple[str, str]]:
    """(level, Chinese name) of each area known by ``name`` in English or pinyin, or whose English name is
    ``name`` and a word more ("Kashi" for "Kashi Prefecture"), in code order."""
    return list(
        Area.objects.filter(
            Q(name_en__iexact=name) | Q(name_pinyin__iexact=name) | Q(name_en__istartswith=f"{name} ")
        ).values_list("level", "name_zh")
    )


def areas_within(*, area: Area) -> QuerySet[Area]:
    """``area`` and every area below it (prefectures, counties, their divisions), in code order."""
    below = Q(pk=area.pk) | Q(parent=area) | Q(parent__parent=area) | Q(parent__parent__parent=area)
    return Area.objects.filter(below).order_by("code")


def area_children(*, area: Area) -> QuerySet[Area]:
    """The areas directly under ``area``, in code order."""
    return area.children.all()
