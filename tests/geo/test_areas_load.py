"""The area table as loaded once per session: codes, names, the tree; loading again adds nothing."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from pairaid.geo.models import Area
from pairaid.geo.selectors import area_get
from pairaid.geo.services import areas_load

pytestmark = pytest.mark.django_db


def test_the_twinned_counties_sit_under_kashi_under_xinjiang() -> None:
    for code, name_zh in [("653122", "疏勒县"), ("653123", "英吉沙县"), ("653128", "岳普湖县")]:
        county = area_get(code=code)
        assert (county.name_zh, county.level) == (name_zh, "county")
        assert (county.parent.code, county.parent.parent.code) == ("653100", "650000")


def test_shule_has_pinyin_and_english_names() -> None:
    shule = area_get(code="653122")
    assert shule.name_pinyin == "Shule"
    assert shule.name_en == "Shule County"


def test_kashi_covers_its_counties() -> None:
    kashi = area_get(code="653100")
    codes = set(Area.objects.filter(parent=kashi).values_list("code", flat=True))
    assert {"653101", "653122", "653123", "653128", "653129"} <= codes
    assert "654224" not in codes  # Tuoli is in Tacheng


def test_loading_the_areas_again_adds_nothing() -> None:
    before = Area.objects.count()
    assert areas_load() == 0
    assert Area.objects.count() == before > 3000


def test_the_database_refuses_a_code_that_is_not_six_digits() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Area.objects.bulk_create([Area(code="65312", name_zh="x", name_pinyin="x", level="county")])
