"""Review services and the audit trail: accept, correct (keeping the extracted value), reject, bulk, restore."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.accounts.permissions import NotAllowed
from pairaid.audit.selectors import history_entries
from pairaid.audit.services import history_restore
from pairaid.core.errors import DataError
from pairaid.review.selectors import review_queue
from pairaid.review.services import datavalue_accept, datavalue_correct, datavalue_reject, document_accept_confident
from tests.web.factories import World, make_figure, make_report


def test_a_correction_keeps_the_extracted_value_and_who_changed_it(world: World) -> None:
    report = make_report(world.kashi)
    dv = datavalue_correct(user=world.owner, data_value=report.aid, changes={"value": Decimal("75900000")})
    dv.refresh_from_db()
    assert (dv.status, dv.value, dv.original_value, dv.updated_by) == (
        "corrected",
        Decimal("75900000"),
        Decimal("75800000"),
        world.owner,
    )
    datavalue_correct(user=world.owner, data_value=dv, changes={"value": Decimal("76000000")})
    dv.refresh_from_db()
    assert dv.original_value == Decimal("75800000")


def test_the_audit_trail_shows_who_when_and_old_to_new(world: World) -> None:
    report = make_report(world.kashi)
    datavalue_correct(user=world.owner, data_value=report.aid, changes={"value": Decimal("75900000")})
    newest = history_entries(instance=report.aid)[0]
    assert newest.who == "owner" and newest.kind == "~" and newest.reason == "corrected: value"
    changes = {c.field: (c.old, c.new) for c in newest.changes}
    assert changes["value"] == ("75800000", "75900000")
    assert changes["status"] == ("Extracted", "Corrected")
    assert changes["original_value"] == ("—", "75800000")


def test_a_value_can_be_restored_from_the_trail(world: World) -> None:
    report = make_report(world.kashi)
    datavalue_accept(user=world.owner, data_value=report.schools)
    datavalue_correct(user=world.owner, data_value=report.schools, changes={"value": Decimal("13")})
    accepted_version = history_entries(instance=report.schools)[1]
    restored = history_restore(user=world.owner, instance=report.schools, history_id=accepted_version.history_id)
    restored.refresh_from_db()
    assert (restored.status, restored.value) == ("accepted", Decimal("12"))
    assert accepted_version.version == 2  # created (extracted), accepted, corrected: this record's own count
    newest = history_entries(instance=restored)[0]
    assert (newest.version, newest.reason) == (4, "restored from version 2")
    with pytest.raises(NotAllowed):
        history_restore(user=world.colleague, instance=restored, history_id=accepted_version.history_id)


def test_only_reviewers_may_accept_or_reject(world: World) -> None:
    report = make_report(world.kashi)
    with pytest.raises(NotAllowed):
        datavalue_accept(user=world.colleague, data_value=report.aid)
    datavalue_reject(user=world.national, data_value=report.aid)
    report.aid.refresh_from_db()
    assert report.aid.status == "rejected" and report.aid.updated_by == world.national


def test_one_key_holds_one_confirmed_figure(world: World) -> None:
    report = make_report(world.kashi)
    make_figure("aid_funds", "75800000", pairing=world.kashi, status="entered")
    with pytest.raises(DataError, match="is confirmed already"):
        datavalue_accept(user=world.owner, data_value=report.aid)


def test_bulk_accept_takes_the_confident_facts_only(world: World) -> None:
    report = make_report(world.kashi)
    result = document_accept_confident(user=world.owner, document=report.document)
    assert set(result.done) == {report.aid.pk, report.schools.pk, report.trained.pk}
    report.cadres.refresh_from_db()
    assert report.cadres.status == "extracted"
    assert list(review_queue(user=world.owner)) == [report.cadres]
    assert list(review_queue(user=world.colleague)) == []


def test_bulk_accept_skips_what_the_user_may_not_review(world: World) -> None:
    report = make_report(world.kashi)
    report.schools.pairing = world.jiangsu
    report.schools.save()
    result = document_accept_confident(user=world.owner, document=report.document)
    assert set(result.done) == {report.aid.pk, report.trained.pk}
    assert result.skipped == ((report.schools.pk, "not yours to review"),)


def test_bulk_accept_is_refused_to_who_may_review_none_of_the_figures(world: World) -> None:
    report = make_report(world.kashi)
    with pytest.raises(NotAllowed):
        document_accept_confident(user=world.colleague, document=report.document)
    assert not report.document.evidence.filter(data_values__status="accepted").exists()


def test_an_activity_moved_to_another_pairing_names_the_field_in_chinese(world: World) -> None:
    from django.utils import translation

    from pairaid.entry.services import activity_create, activity_update

    data = {"identifier": "T-1", "title": "A school", "sector": "education", "pairing": world.shandong}
    activity = activity_create(user=world.admin, data=data)
    activity_update(user=world.admin, activity=activity, data={"pairing": world.kashi})
    with translation.override("zh-hans"):
        labels = [c.label for c in history_entries(instance=activity)[0].changes]
    assert labels == ["结对关系"]  # was the model's untranslated "pairing"
