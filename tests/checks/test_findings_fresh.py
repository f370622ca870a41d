"""Findings kept fresh: the checks re-run where figures changed, when the change commits, on
ingest, entry, correction and review, without anyone running ``pairaid check``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pairaid.checks.models import Finding
from pairaid.core.documents import read_document
from pairaid.entry.services import datavalue_enter, datavalue_update
from pairaid.indicators.models import Indicator
from pairaid.ingest.services import document_ingest
from pairaid.registry.imports import shipped_pairings_load
from pairaid.sample.loader import sample_load
from tests.web.factories import make_user, sample_dataset_returned

pytestmark = pytest.mark.django_db


def _rules(*, extracted: bool) -> list[str]:
    return sorted(Finding.objects.filter(includes_extracted=extracted).values_list("rule", flat=True))


def test_ingest_refreshes_the_findings_on_extracted_figures_once_per_document(
    shared_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    shipped_pairings_load()
    report = shared_dir / "corpus" / "reports" / "2011_qingdao-guizhou_384924.txt"  # 111 projects, a list of 113
    with django_capture_on_commit_callbacks(execute=True) as hooks:
        document_ingest(document=read_document(report), report_year=2010)
    assert len(hooks) == 1  # one refresh for the whole document, not one per figure
    assert "count_against_list" in _rules(extracted=True)
    assert _rules(extracted=False) == []  # nothing confirmed changed


def test_an_entered_and_an_edited_figure_refresh_the_findings(django_capture_on_commit_callbacks: Any) -> None:
    root = sample_load().root  # Shandong–Xinjiang: 1.574 billion yuan of aid funds in 2009
    sample_dataset_returned(root)  # the sample's 2009 dataset is approved: returned to be edited
    user = make_user("editor", "pairing_editor", pairings=(root,))
    donations = {
        "indicator": Indicator.objects.get(code="social_donations"),
        "pairing": root,
        "period_kind": "year",
        "period_start": date(2009, 1, 1),
        "period_end": date(2009, 12, 31),
        "value": Decimal("2000000000"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        figure = datavalue_enter(user=user, data=donations)
    assert "channel_exceeds_total" in _rules(extracted=False)  # 2 billion of donations > 1.574 billion
    assert "channel_exceeds_total" in _rules(extracted=True)
    with django_capture_on_commit_callbacks(execute=True):
        datavalue_update(user=user, data_value=figure, data={"value": Decimal("1940000")})
    assert "channel_exceeds_total" not in _rules(extracted=False) + _rules(extracted=True)


def test_a_figure_of_an_area_alone_refreshes_the_findings_about_such_figures(
    django_capture_on_commit_callbacks: Any,
) -> None:
    from pairaid.geo.models import Area

    shule = Area.objects.get(code="653122")
    user = make_user("admin", "administrator")
    gdp = Indicator.objects.get(code="gdp")
    last = {"indicator": gdp, "area": shule, "period_kind": "year", "value": Decimal("2000000000")}
    with django_capture_on_commit_callbacks(execute=True):
        datavalue_enter(user=user, data={**last, "period_start": date(2008, 1, 1), "period_end": date(2008, 12, 31)})
        figure = datavalue_enter(
            user=user,
            data={
                **last,
                "period_start": date(2009, 1, 1),
                "period_end": date(2009, 12, 31),
                "value": Decimal("3220000000"),
                "change_percent": Decimal("28.2"),
                "change_base_year": 2008,
            },
        )
    # 3.22 billion up 28.2% implies 2.51 billion in 2008, not the 2 billion stored: found without pairaid check
    found = Finding.objects.filter(includes_extracted=False, rule="growth_rate_mismatch")
    assert [(f.pairing_id, f.year) for f in found] == [(None, 2009)]
    assert _rules(extracted=True) == ["growth_rate_mismatch"]
    with django_capture_on_commit_callbacks(execute=True):
        datavalue_update(user=user, data_value=figure, data={"value": Decimal("2564000000")})  # +28.2% of 2 billion
    assert _rules(extracted=False) == [] and _rules(extracted=True) == []
