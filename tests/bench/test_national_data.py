"""The bench generator at a tiny scale: a pairing tree, keys set by hand, figures that add up, one seed one dataset."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bench.national_data import BENCH_MARK, generate
from pairaid.activities.models import Activity, Transaction
from pairaid.indicators.models import DataValue, subject_key
from pairaid.indicators.rollups import rollup_by_pairing
from pairaid.registry.models import Pairing

pytestmark = pytest.mark.django_db


def test_a_tiny_national_dataset_is_a_pairing_tree_with_keyed_figures() -> None:
    summary = generate(scale=0.001, seed=7)
    pairings = Pairing.objects.filter(name__endswith=BENCH_MARK)
    assert [pairings.filter(level=level).count() for level in ("province", "prefecture", "county")] == [1, 1, 1]
    assert summary.pairings == 3 and (summary.first_year, summary.last_year) == (2005, 2024)
    assert summary.data_values == DataValue.objects.count()
    assert summary.activities == Activity.objects.count() and summary.transactions == Transaction.objects.count()
    for value in DataValue.objects.order_by("?")[:200]:
        assert value.subject_key == subject_key(
            pairing_id=value.pairing_id,
            area_id=value.area_id,
            activity_id=value.activity_id,
            organisation_id=value.organisation_id,
        )
    top = pairings.get(level="province")
    assert top.pk == summary.report_pairing_id
    stated = DataValue.objects.get(
        pairing=top, indicator__code="aid_funds", period_end__year=2020, status__in=("accepted", "entered")
    )
    rows = rollup_by_pairing(indicator="aid_funds", year=2020, root=top)[("CNY", "year")]
    assert rows[0].key == str(top.pk) and rows[0].value == stated.value
    grant = DataValue.objects.get(
        pairing=top, indicator__code="grant_funds", period_end__year=2020, status__in=("accepted", "entered")
    )
    assert grant.value == (stated.value * Decimal("0.05")).quantize(Decimal(1))
    assert DataValue.objects.filter(status="extracted", evidence__isnull=False).exists()


def test_the_same_seed_gives_the_same_data() -> None:
    first = generate(scale=0.001, seed=7)
    values = list(DataValue.objects.order_by("pk").values_list("indicator__code", "value", "status")[:500])
    Transaction.objects.all().delete()
    DataValue.objects.all().delete()
    Activity.objects.all().delete()
    for level in ("county", "prefecture", "province"):
        Pairing.objects.filter(name__endswith=BENCH_MARK, level=level).delete()
    from pairaid.sources.models import SourceDocument

    SourceDocument.objects.all().delete()
    second = generate(scale=0.001, seed=7)
    assert (first.data_values, first.activities) == (second.data_values, second.activities)
    assert list(DataValue.objects.order_by("pk").values_list("indicator__code", "value", "status")[:500]) == values
