"""The reads the pages, the API and the command line make through the apps' selectors instead of querying
models themselves: codes typed by a person, the choices of a form, the object a write returns."""

from __future__ import annotations

import datetime as dt

import pytest

from pairaid.accounts.models import Membership
from pairaid.accounts.selectors import membership_get, user_get, users_by_name, visible_datavalue_list
from pairaid.activities.selectors import activity_list, transaction_get
from pairaid.datasets.models import Dataset
from pairaid.datasets.selectors import dataset_get, dataset_list
from pairaid.datasets.services import datasets_sync
from pairaid.geo.selectors import area_find, areas_and_unknown_codes
from pairaid.indicators.selectors import datavalue_get, datavalue_list, indicator_find, indicator_list
from pairaid.indicators.services import DataValueSpec, datavalue_create
from pairaid.registry.models import Organisation
from pairaid.registry.selectors import organisation_find, pairing_find, pairing_list
from pairaid.sources.models import Evidence, SourceDocument
from pairaid.sources.selectors import document_list, evidence_unbound
from tests.web.factories import World, make_activity, make_report, make_transaction

pytestmark = pytest.mark.django_db


def test_an_area_code_typed_finds_its_area_or_none(world: World) -> None:
    found = area_find(code="653122")
    assert found is not None and (found.name_zh, found.level) == ("疏勒县", "county")
    assert area_find(code="999999") is None


def test_a_list_of_codes_gives_its_areas_in_code_order_and_the_codes_that_name_none(world: World) -> None:
    areas, unknown = areas_and_unknown_codes(codes=["653123", "653122", "999999", "653122", "000001"])
    assert [a.code for a in areas] == ["653122", "653123"]
    assert unknown == ["000001", "999999"]
    assert areas_and_unknown_codes(codes=[]) == ([], [])


def test_an_indicator_code_typed_finds_its_indicator_or_none(world: World) -> None:
    found = indicator_find(code="schools")
    assert found is not None and found.code == "schools"
    assert indicator_find(code="no_such_indicator") is None


def test_the_indicators_that_add_up_are_those_of_aggregation_sum_in_code_order(world: World) -> None:
    summed = [i.code for i in indicator_list(aggregation="sum")]
    assert "aid_funds" in summed and summed == sorted(summed)
    kept_apart = {i.code for i in indicator_list(aggregation="none")}
    assert kept_apart and not kept_apart & set(summed)
    assert len(indicator_list()) == len(summed) + len(kept_apart)


def test_a_data_value_is_read_with_its_indicator_subject_and_evidence(world: World) -> None:
    report = make_report(world.kashi)
    found = datavalue_get(pk=report.aid.pk)
    assert (found.indicator.code, found.pairing, found.value) == ("aid_funds", world.kashi, 75800000)
    assert found.evidence is not None and found.evidence.document == report.document


def test_a_pairing_or_organisation_id_finds_it_or_none(world: World) -> None:
    found = pairing_find(pk=world.kashi.pk)
    assert found is not None and (found.recipient_area.code, found.parent) == ("653100", world.shandong)
    assert pairing_find(pk=world.jiangsu.pk + 1000) is None
    office = Organisation.objects.create(name="Shandong aid office")
    assert organisation_find(pk=office.pk) == office
    assert organisation_find(pk=office.pk + 1000) is None


def test_the_mentions_no_data_value_cites_are_listed_in_text_order(world: World) -> None:
    report = make_report(world.kashi)
    text = report.document.text
    later, earlier = (
        Evidence.objects.create(document=report.document, start=text.index(p), end=text.index(p) + len(p), rule="t")
        for p in ("ends the note", "In 2009")
    )
    assert list(evidence_unbound(document=report.document)) == [earlier, later]


def test_documents_are_listed_by_the_pairing_whose_data_values_they_state_and_newest_first(world: World) -> None:
    report = make_report(world.kashi)
    other = SourceDocument.objects.create(sha256="0" * 64, title="Another report", filename="b.txt", text="b")
    assert list(document_list(pairing_id=world.kashi.pk)) == [report.document]  # four values, one document
    assert list(document_list(pairing_id=world.jiangsu.pk)) == []
    assert list(document_list()) == [report.document, other]
    SourceDocument.objects.filter(pk=report.document.pk).update(created=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert list(document_list(newest_first=True)) == [other, report.document]


def test_the_activities_of_the_pairings_a_user_may_edit(world: World) -> None:
    shule = make_activity(world.kashi, "CN-SD-1")
    make_activity(world.jiangsu, "CN-JS-1")
    assert list(activity_list(pairings=pairing_list(recipient_area=world.kashi.recipient_area))) == [shule]


def test_a_transaction_is_read_with_its_activity(world: World) -> None:
    tx = make_transaction(make_activity(world.kashi, "CN-SD-1"), value="2500000.00")
    found = transaction_get(pk=tx.pk)
    assert (found.activity.identifier, found.value) == ("CN-SD-1", 2500000)


def test_users_and_memberships_are_read_by_id_and_listed_by_name(world: World) -> None:
    assert user_get(pk=world.owner.pk).username == "owner"
    assert [u.username for u in users_by_name()] == sorted(
        ["administrator", "colleague", "national", "owner", "shule", "viewer"]
    )
    membership = world.owner.memberships.get()
    assert membership_get(pk=membership.pk, user_id=world.owner.pk).role == "pairing_editor"
    with pytest.raises(Membership.DoesNotExist):  # another user's membership is not found under this one
        membership_get(pk=membership.pk, user_id=world.colleague.pk)


def test_the_datasets_are_listed_in_code_order_and_read_by_code(world: World) -> None:
    datasets_sync()  # the shipped dataset, as pairaid init stores it
    assert [d.code for d in dataset_list()] == ["annual_return"]
    assert dataset_get(code="annual_return").name_en
    with pytest.raises(Dataset.DoesNotExist):
        dataset_get(code="no_such_dataset")


def test_the_data_values_of_a_pairing_are_those_about_it_and_its_activities_on_every_list(world: World) -> None:
    """One meaning of "the data values of a pairing": the list page and GET /data-values (which list the values
    a user may see) include the outputs of the pairing's activities, as ``datavalue_list`` does."""
    report = make_report(world.kashi)
    school = make_activity(world.kashi, "CN-SD-1")
    built = datavalue_create(
        DataValueSpec(indicator="schools", value=3, period_kind="year", year=2009, activity=school)
    )
    elsewhere = datavalue_create(
        DataValueSpec(indicator="schools", value=5, period_kind="year", year=2009, pairing=world.jiangsu)
    )
    of_kashi = {report.aid, report.schools, report.trained, report.cadres, built}
    assert set(datavalue_list(pairing=world.kashi, statuses=None)) == of_kashi
    assert set(visible_datavalue_list(user=world.admin, pairing_id=world.kashi.pk)) == of_kashi
    assert list(visible_datavalue_list(user=world.admin, pairing_id=world.kashi.pk, status="entered")) == [built]
    schools = visible_datavalue_list(user=world.admin, indicator_code="schools", pairing_id=world.kashi.pk)
    assert set(schools) == {report.schools, built} and elsewhere not in set(schools)
