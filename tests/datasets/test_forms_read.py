"""The datasets and their forms are read in one query per page, a dataset with an empty form kept."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pairaid.core.read_once import read_once
from pairaid.datasets.models import Dataset
from pairaid.datasets.selectors import dataset_for, dataset_indicators
from pairaid.indicators.selectors import indicators_by_code
from pairaid.registry.models import Pairing
from tests.web.factories import World


def test_the_datasets_and_their_forms_are_one_read_and_an_empty_form_is_kept(world: World) -> None:
    Dataset.objects.create(code="aaa_empty", name_en="Empty", levels=["county"])
    with read_once():
        indicators_by_code()  # the page has read the codelist already
        with CaptureQueriesContext(connection) as queries:
            empty = dataset_for(pairing=Pairing(level="county"))
            first = dataset_for(pairing=world.shandong)
            empty_form = dataset_indicators(dataset=empty) if empty else None
            form = [i.code for i in dataset_indicators(dataset=first)] if first else []
        assert len(queries) == 1
    assert empty is not None and (empty.code, empty.levels, empty_form) == ("aaa_empty", ["county"], [])
    assert first is not None and form
    assert form == [e.indicator.code for e in first.entries.select_related("indicator").order_by("position", "pk")]
