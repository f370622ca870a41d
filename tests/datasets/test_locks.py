"""A submitted, approved or frozen dataset refuses changes to its figures: through the services, the
pages (409) and the API (409); a correction opens them again; completeness says what is filled."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.audit.selectors import history_entries
from pairaid.audit.services import history_restore
from pairaid.core.errors import LockedError
from pairaid.datasets.selectors import completeness
from pairaid.datasets.services import (
    submission_approve,
    submission_correct,
    submission_freeze,
    submission_submit,
)
from pairaid.entry.services import datavalue_enter, datavalue_update
from pairaid.indicators.models import DataValue
from pairaid.review.services import datavalue_accept
from tests.web.factories import World, make_figure, make_report


@pytest.fixture
def frozen(world: World) -> DataValue:
    """Shandong–Kashi's 2009 jobs figure, in a frozen dataset."""
    figure = make_figure("jobs", "6300", pairing=world.kashi)
    submission = submission_submit(user=world.owner, pairing=world.kashi, year=2009)
    submission_approve(user=world.owner, submission=submission)
    submission_approve(user=world.national, submission=submission)
    submission_freeze(user=world.national, submission=submission)
    return figure


def test_services_refuse_a_frozen_figure(world: World, frozen: DataValue) -> None:
    with pytest.raises(LockedError, match="frozen"):
        datavalue_update(user=world.owner, data_value=frozen, data={"value": Decimal("6400")})
    with pytest.raises(LockedError):
        datavalue_enter(
            user=world.owner,
            data={"indicator": frozen.indicator, "pairing": world.kashi, "period_kind": "as_of",
                  "period_start": frozen.period_end, "period_end": frozen.period_end, "value": Decimal("1")},
        )
    frozen.refresh_from_db()
    assert frozen.value == Decimal("6300")


def test_a_figure_outside_the_dataset_or_its_year_stays_free(world: World, frozen: DataValue) -> None:
    other_year = make_figure("jobs", "100", pairing=world.kashi, year=2010)
    not_in_dataset = make_figure("surgeries", "4456", pairing=world.kashi)
    datavalue_update(user=world.owner, data_value=other_year, data={"value": Decimal("120")})
    datavalue_update(user=world.owner, data_value=not_in_dataset, data={"value": Decimal("4460")})
    assert (other_year.value, not_in_dataset.value) == (Decimal("120"), Decimal("4460"))


def test_review_and_restore_refuse_a_locked_figure(world: World) -> None:
    report = make_report(world.kashi)
    make_figure("jobs", "10", pairing=world.kashi).save()
    submission_submit(user=world.owner, pairing=world.kashi, year=2009)
    with pytest.raises(LockedError, match="submitted"):
        datavalue_accept(user=world.national, data_value=report.aid)
    figure = DataValue.objects.get(indicator__code="jobs")
    with pytest.raises(LockedError):
        history_restore(user=world.owner, instance=figure, history_id=history_entries(instance=figure)[0].history_id)


def test_the_api_answers_409(world: World, frozen: DataValue) -> None:
    token = token_create(username=world.owner.username).token
    response = Client().patch(
        f"/api/v1/data-values/{frozen.pk}",
        data=json.dumps({"value": "6400"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"
    assert "frozen" in response.json()["error"]["message"]


def test_the_page_answers_409(world: World, frozen: DataValue) -> None:
    client = Client()
    client.force_login(world.owner)
    response = client.post(
        f"/figures/{frozen.pk}/edit/",
        data={"indicator": frozen.indicator_id, "pairing": world.kashi.pk, "period_kind": "year", "year": 2009,
              "value": "6400", "qualifier": "exact"},
    )
    assert response.status_code == 409
    assert b"cannot change" in response.content
    frozen.refresh_from_db()
    assert frozen.value == Decimal("6300")


def test_a_correction_opens_the_figures_again(world: World, frozen: DataValue) -> None:
    submission = frozen.pairing.submissions.get()
    submission_correct(user=world.owner, submission=submission, reason="jobs counted twice in one park")
    datavalue_update(user=world.owner, data_value=frozen, data={"value": Decimal("5900")})
    assert frozen.value == Decimal("5900")
    assert [v.value for v in submission.values.all()] == [Decimal("6300")]


def test_completeness_says_what_is_filled_by_whom_and_what_is_missing(world: World) -> None:
    entered = make_figure("aid_funds", "75800000", pairing=world.kashi)
    entered.updated_by = world.owner
    entered.save()
    make_figure("schools", "6", pairing=world.kashi, status="extracted")
    make_figure("jobs", "9", pairing=world.kashi, year=2010)

    result = completeness(pairing=world.kashi, year=2009)
    rows = {row.code: row for row in result.rows}

    assert (rows["aid_funds"].state, rows["aid_funds"].value, rows["aid_funds"].by) == (
        "filled",
        Decimal("75800000"),
        "owner",
    )
    assert rows["schools"].state == "to_review"
    assert rows["jobs"].state == "missing"
    assert (result.filled, result.total, result.percent) == (1, 15, Decimal("6.7"))
    assert result.missing[:3] == ("grant_funds", "aid_projects", "cooperation_projects")


def test_a_yearly_form_cannot_change_an_approved_dataset(world: World, tmp_path) -> None:
    from pairaid.interop.form_export import form_export
    from pairaid.interop.form_import import FormError, form_import

    figure = make_figure("aid_funds", "75800000", pairing=world.shandong)
    path = tmp_path / "form.xlsx"
    form_export(pairing=world.shandong, year=2009, path=path)
    assert form_import(path=path).counts["data_values"]["unchanged"] == 1  # nothing changes: no lock in the way
    submission = submission_submit(user=world.owner, pairing=world.shandong, year=2009)
    submission_approve(user=world.national, submission=submission)

    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["Indicators"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "aid_funds")
    value_cell = next(c for c in row if c.value in (75800000, "75800000", 75800000.0))
    value_cell.value = 76000000
    book.save(path)
    with pytest.raises(FormError, match="approved"):
        form_import(path=path)
    figure.refresh_from_db()
    assert figure.value == Decimal("75800000")
