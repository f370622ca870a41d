"""The way of a pairing's dataset: submit → approve at each level → freeze → correction, who may take
each step, what each step tells whom, and the audit trail it leaves."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail

from pairaid.accounts.permissions import NotAllowed
from pairaid.audit.selectors import history_entries
from pairaid.core.errors import DataError
from pairaid.datasets.selectors import approval_levels, submission_current
from pairaid.datasets.services import (
    submission_approve,
    submission_correct,
    submission_freeze,
    submission_return,
    submission_submit,
)
from pairaid.notifications.models import Notification
from tests.web.factories import World, make_figure


def _emails(world: World) -> None:
    for user, address in ((world.owner, "owner@example.org"), (world.national, "national@example.org")):
        user.email = address
        user.save()


def test_a_prefecture_pairing_is_approved_by_the_province_then_the_national_office(
    world: World, kashi_editor: object
) -> None:
    assert approval_levels(pairing=world.kashi) == [world.shandong, None]
    assert approval_levels(pairing=world.shandong) == [None]


def test_the_way_from_submission_to_a_frozen_return(world: World, kashi_editor: object) -> None:
    _emails(world)
    figure = make_figure("aid_funds", "75800000", pairing=world.kashi)

    submission = submission_submit(user=kashi_editor, pairing=world.kashi, year=2009)
    assert (submission.state, submission.approvals, submission.version) == ("submitted", 0, 1)
    assert [m.to for m in mail.outbox] == [["owner@example.org"]]  # the province approves next

    submission_approve(user=world.owner, submission=submission)
    assert (submission.state, submission.approvals) == ("submitted", 1)
    assert mail.outbox[-1].to == ["national@example.org"]

    submission_approve(user=world.national, submission=submission)
    assert submission.state == "approved"

    submission_freeze(user=world.national, submission=submission)
    assert submission.state == "frozen"
    assert [(v.indicator.code, v.value) for v in submission.values.all()] == [("aid_funds", Decimal("75800000"))]
    assert submission.values.get().data_value == figure

    reasons = [e.reason for e in reversed(history_entries(instance=submission))]
    assert reasons == ["submitted", f"approved by {world.shandong}", "approved by the national office", "frozen"]
    assert [e.who for e in reversed(history_entries(instance=submission))] == [
        "kashi_editor",
        "owner",
        "national",
        "national",
    ]
    assert Notification.objects.filter(user=world.owner, subject__startswith="To approve").count() == 1


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("kashi_editor", True), ("owner", True), ("admin", True), ("colleague", False), ("national", False),
     ("viewer", False), ("recipient_editor", False)],
)
def test_who_submits(world: World, kashi_editor: object, who: str, allowed: bool) -> None:
    user = kashi_editor if who == "kashi_editor" else getattr(world, who)
    if allowed:
        assert submission_submit(user=user, pairing=world.kashi, year=2009).state == "submitted"
    else:
        with pytest.raises(NotAllowed):
            submission_submit(user=user, pairing=world.kashi, year=2009)
        assert submission_current(pairing=world.kashi, year=2009) is None


@pytest.mark.parametrize(
    ("level", "who", "allowed"),
    [
        # the first level of Shandong–Kashi is Shandong–Xinjiang: its editor approves, not Kashi's own
        (0, "owner", True),
        (0, "admin", True),
        (0, "kashi_editor", False),
        (0, "national", False),
        (0, "colleague", False),
        (0, "viewer", False),
        # the last level is the national office
        (1, "national", True),
        (1, "admin", True),
        (1, "owner", False),
        (1, "kashi_editor", False),
        (1, "recipient_editor", False),
    ],
)
def test_who_approves_at_each_level(world: World, kashi_editor: object, level: int, who: str, allowed: bool) -> None:
    submission = submission_submit(user=kashi_editor, pairing=world.kashi, year=2009)
    if level == 1:
        submission_approve(user=world.owner, submission=submission)
    user = kashi_editor if who == "kashi_editor" else getattr(world, who)
    if allowed:
        submission_approve(user=user, submission=submission)
        assert submission.approvals == level + 1
    else:
        with pytest.raises(NotAllowed):
            submission_approve(user=user, submission=submission)
        submission.refresh_from_db()
        assert submission.approvals == level


def test_a_top_pairing_is_approved_by_the_national_office_alone(world: World) -> None:
    submission = submission_submit(user=world.owner, pairing=world.shandong, year=2009)
    with pytest.raises(NotAllowed):
        submission_approve(user=world.owner, submission=submission)
    submission_approve(user=world.national, submission=submission)
    assert submission.state == "approved"


@pytest.mark.parametrize("who", ["owner", "kashi_editor", "viewer"])
def test_only_the_national_office_freezes(world: World, kashi_editor: object, who: str) -> None:
    submission = submission_submit(user=world.owner, pairing=world.shandong, year=2009)
    submission_approve(user=world.national, submission=submission)
    user = kashi_editor if who == "kashi_editor" else getattr(world, who)
    with pytest.raises(NotAllowed):
        submission_freeze(user=user, submission=submission)
    assert submission_current(pairing=world.shandong, year=2009).state == "approved"


def test_steps_out_of_order_are_refused(world: World) -> None:
    submission = submission_submit(user=world.owner, pairing=world.shandong, year=2009)
    with pytest.raises(DataError, match="cannot freeze"):
        submission_freeze(user=world.national, submission=submission)
    with pytest.raises(DataError, match="cannot submit it again"):
        submission_submit(user=world.owner, pairing=world.shandong, year=2009)
    with pytest.raises(DataError, match="only a frozen dataset is corrected"):
        submission_correct(user=world.national, submission=submission, reason="late figure")


def test_a_return_needs_a_reason_and_opens_the_dataset_again(world: World, kashi_editor: object) -> None:
    submission = submission_submit(user=kashi_editor, pairing=world.kashi, year=2009)
    with pytest.raises(DataError, match="say why"):
        submission_return(user=world.owner, submission=submission, reason="  ")
    submission_return(user=world.owner, submission=submission, reason="aid funds missing")
    assert (submission.state, submission.approvals) == ("open", 0)
    assert history_entries(instance=submission)[0].reason == "returned: aid funds missing"
    assert Notification.objects.get(user=kashi_editor).message == "aid funds missing"
    assert submission_submit(user=kashi_editor, pairing=world.kashi, year=2009).pk == submission.pk


def test_a_correction_is_a_new_version_with_a_reason_and_both_are_kept(world: World) -> None:
    figure = make_figure("schools", "6", pairing=world.shandong)
    first = submission_submit(user=world.owner, pairing=world.shandong, year=2009)
    submission_approve(user=world.national, submission=first)
    submission_freeze(user=world.national, submission=first)

    with pytest.raises(DataError, match="needs a reason"):
        submission_correct(user=world.owner, submission=first, reason="")
    with pytest.raises(NotAllowed):
        submission_correct(user=world.colleague, submission=first, reason="two schools were missed")
    second = submission_correct(user=world.owner, submission=first, reason="two schools were missed")

    assert (second.version, second.state, second.corrects, second.reason) == (
        2,
        "open",
        first,
        "two schools were missed",
    )
    assert submission_current(pairing=world.shandong, year=2009) == second
    first.refresh_from_db()
    assert first.state == "frozen"
    with pytest.raises(DataError, match="later version"):
        submission_correct(user=world.owner, submission=first, reason="again")

    figure.value = Decimal("8")
    figure.save()
    second = submission_submit(user=world.owner, pairing=world.shandong, year=2009)
    submission_approve(user=world.national, submission=second)
    submission_freeze(user=world.national, submission=second)
    assert [v.value for v in first.values.all()] == [Decimal("6")]
    assert [v.value for v in second.values.all()] == [Decimal("8")]
