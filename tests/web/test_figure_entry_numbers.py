"""The figure-entry form reads numbers as the review's correction form does (issue 13): /figures/new/ answered
"Enter a number" to "80,000,000" and "8千万", which the correction form took. Both use one field
(pairaid.web.number_fields.ReaderNumberField)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from pairaid.indicators.models import DataValue, Indicator
from pairaid.web.forms import DataValueForm
from pairaid.web.number_fields import ReaderNumberField
from pairaid.web.review_forms import CorrectionForm
from tests.web.factories import World


def test_both_forms_use_the_one_number_field() -> None:
    assert isinstance(DataValueForm.base_fields["value"], ReaderNumberField)
    assert isinstance(CorrectionForm.base_fields["value"], ReaderNumberField)


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [("en", "80,000,000", "80000000"), ("zh-hans", "8千万", "80000000"), ("zh-hans", "1.2万", "12000")],
)
def test_a_figure_typed_in_the_readers_habits_is_stored(world: World, language: str, typed: str, stored: str) -> None:
    client = Client()
    client.force_login(world.owner)
    client.cookies["django_language"] = language
    form = {
        "indicator": Indicator.objects.get(code="schools").pk,
        "pairing": world.kashi.pk,
        "period_kind": "year",
        "year": 2012,
        "value": typed,
        "qualifier": "exact",
    }
    answer = client.post("/figures/new/", form)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert DataValue.objects.get().value == Decimal(stored)


def test_words_are_still_refused(world: World) -> None:
    client = Client()
    client.force_login(world.owner)
    form = {"indicator": Indicator.objects.get(code="schools").pk, "pairing": world.kashi.pk, "period_kind": "year"}
    answer = client.post("/figures/new/", {**form, "year": 2012, "value": "many", "qualifier": "exact"})
    assert answer.status_code == 200 and "many is not a number" in answer.content.decode()
    assert not DataValue.objects.exists()
