"""The admin site: every model's changelist answers a superuser, searched by Chinese and by English name."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from pairaid.sample.loader import SampleSummary

SEARCHES = ("疏勒", "Shule", "山东", "Shandong")


def _changelists() -> list[str]:
    return sorted(
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") for model in admin.site._registry
    )


def test_every_registered_model_has_a_changelist() -> None:
    urls = _changelists()
    for expected in ("pairing", "organisation", "activity", "transaction", "datavalue", "indicator", "area"):
        assert any(url.rstrip("/").endswith("/" + expected) for url in urls), expected


@pytest.mark.django_db
@pytest.mark.parametrize("search", SEARCHES)
def test_every_changelist_answers_a_search_by_name(admin_client: Client, sample: SampleSummary, search: str) -> None:
    failures = {
        url: response.status_code
        for url in _changelists()
        if (response := admin_client.get(url, {"q": search})).status_code != 200
    }
    assert failures == {}


@pytest.mark.django_db
@pytest.mark.parametrize("search", ["疏勒", "Shule"])
def test_a_search_by_the_county_name_finds_its_pairing_activity_and_figures(
    admin_client: Client, sample: SampleSummary, search: str
) -> None:
    pairings = admin_client.get(reverse("admin:registry_pairing_changelist"), {"q": search}).content.decode()
    activities = admin_client.get(reverse("admin:activities_activity_changelist"), {"q": search}).content.decode()
    values = admin_client.get(reverse("admin:indicators_datavalue_changelist"), {"q": search}).content.decode()
    areas = admin_client.get(reverse("admin:geo_area_changelist"), {"q": search}).content.decode()

    assert "Shandong – Shule County" in pairings
    assert "Shandong – Yingjisha County" not in pairings
    assert "SDXJ-2009-03" in activities and "SDXJ-2009-07" in activities
    assert "SDXJ-2009-05" not in activities
    assert "3220000000" in values.replace(",", "").replace(".0000", "")
    assert "653122" in areas
