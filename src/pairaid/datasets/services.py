"""Writes of datasets: seeding and configuring them, and the approval of a pairing's year.

The way of a submission: :func:`submission_submit` (the pairing's editors) →
:func:`submission_approve` once per level (each pairing above, then the national
office) → :func:`submission_freeze` (the national office) → :func:`submission_correct`
(a new version, with a reason). :func:`submission_return` sends a submitted or
approved one back to be filled again. Each step is a historical record of the
submission, by the user, with the step as its reason, and tells the people who act
next (:func:`pairaid.notifications.services.notify`).

Errors: :class:`~pairaid.accounts.permissions.NotAllowed` (not this user's step),
:class:`~pairaid.core.errors.DataError` (not this submission's step: freezing an
open one, correcting without a reason…), :class:`~pairaid.core.errors.CodelistError`.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml
from django.db import transaction

from pairaid.accounts import permissions, year_permissions
from pairaid.core.errors import CodelistError, DataError, InputError
from pairaid.datasets import selectors
from pairaid.datasets.models import Dataset, DatasetIndicator, Submission, SubmissionState, SubmissionValue
from pairaid.indicators.models import CONFIRMED_STATUSES, Indicator
from pairaid.notifications.services import notify
from pairaid.registry.models import Pairing


def _seed() -> list[dict[str, Any]]:
    text = resources.files("pairaid.datasets").joinpath("data/datasets.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("datasets"), list):
        raise InputError("datasets.yaml has no list of datasets")
    return list(data["datasets"])


def _set_indicators(dataset: Dataset, codes: list[str]) -> None:
    found = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise CodelistError(f"dataset {dataset.code}: unknown indicator codes {', '.join(unknown)}")
    DatasetIndicator.objects.filter(dataset=dataset).exclude(indicator__code__in=codes).delete()
    for position, code in enumerate(codes):
        DatasetIndicator.objects.update_or_create(
            dataset=dataset, indicator=found[code], defaults={"position": position}
        )


def datasets_sync() -> int:
    """Store the datasets of ``data/datasets.yaml`` that are not stored yet; returns how many.

    A stored dataset is left as the national office configured it. Needs the
    indicator codelist (``pairaid init``). What is stored is read first, outside a transaction: when nothing
    is missing (every command's start but the first), no write lock is taken (issue 12).
    """
    rows = _seed()
    if set(Dataset.objects.filter(code__in=[r["code"] for r in rows]).values_list("code", flat=True)) >= {
        r["code"] for r in rows
    }:
        return 0
    return _datasets_stored(rows)


@transaction.atomic
def _datasets_stored(rows: list[dict[str, Any]]) -> int:
    created = 0
    for row in rows:
        if Dataset.objects.filter(code=row["code"]).exists():
            continue
        dataset = Dataset.objects.create(
            code=row["code"], name_en=row["name_en"], name_zh=row.get("name_zh", ""), levels=row.get("levels") or []
        )
        _set_indicators(dataset, [str(code) for code in row["indicators"]])
        created += 1
    return created


@transaction.atomic
def dataset_configure(
    *, user: Any, dataset: Dataset, indicators: list[str], levels: list[str] | None = None
) -> Dataset:
    """Set the indicators of ``dataset`` (codes, in form order) and, when given, the pairing levels that report it.

    Raises:
        NotAllowed: ``user`` is not the national office.
        CodelistError: an unknown indicator code.
        DataError: no indicator, or an unknown pairing level.
    """
    from pairaid.registry.models import PairingLevel

    permissions.require(year_permissions.can_dataset_configure(user), "Only the national office configures datasets.")
    if not indicators:
        raise DataError(f"dataset {dataset.code} needs at least one indicator")
    if levels is not None:
        unknown = sorted(set(levels) - set(PairingLevel.values))
        if unknown:
            raise DataError(f"unknown pairing levels: {', '.join(unknown)}")
        dataset.levels = levels
    dataset._history_user = user  # type: ignore[attr-defined]
    dataset._change_reason = "configured"  # type: ignore[attr-defined]
    dataset.save()
    _set_indicators(dataset, list(dict.fromkeys(indicators)))
    return dataset


def _url(submission: Submission) -> str:
    return f"/datasets/{submission.pairing_id}/{submission.year}/"


def _step(submission: Submission, *, user: Any, reason: str) -> Submission:
    submission._history_user = user if getattr(user, "is_authenticated", False) else None  # type: ignore[attr-defined]
    submission._change_reason = reason  # type: ignore[attr-defined]
    submission.save()
    return submission


def _level_name(level: Pairing | None) -> str:
    return "the national office" if level is None else str(level)


def _name(submission: Submission) -> str:
    return f"the {submission.year} dataset of {submission.pairing}"


def _ask_approval(submission: Submission, *, level: Pairing | None, after: str) -> None:
    """Tell the approvers at ``level`` that ``submission`` waits for them, after what ``after`` says happened."""
    notify(
        users=selectors.approvers_at(level=level),
        subject=f"To approve: {_name(submission)}",
        message=f"{after}; you approve at the level of {_level_name(level)}.",
        url=_url(submission),
    )


def _require_state(submission: Submission, *states: str, action: str) -> None:
    if submission.state not in states:
        raise DataError(f"{_name(submission)} is {submission.state}: cannot {action}")


@transaction.atomic
def submission_submit(*, user: Any, pairing: Pairing, year: int) -> Submission:
    """Submit ``pairing``'s dataset for ``year`` (its first version is made now when there is none).

    Raises:
        NotAllowed: ``user`` does not edit the pairing.
        DataError: no dataset for the pairing's level; the latest version is not open.
    """
    permissions.require(
        year_permissions.can_submission_submit(user, pairing), "You may not submit this pairing's dataset."
    )
    submission = selectors.submission_current(pairing=pairing, year=year)
    if submission is None:
        dataset = selectors.dataset_for(pairing=pairing)
        if dataset is None:
            raise DataError(f"no dataset is configured for {pairing.get_level_display()} pairings")
        submission = Submission(dataset=dataset, pairing=pairing, year=year)
    else:
        _require_state(submission, SubmissionState.OPEN, action="submit it again")
    submission.state, submission.approvals = SubmissionState.SUBMITTED, 0
    _step(submission, user=user, reason="submitted")
    _ask_approval(submission, level=selectors.approval_levels(pairing=pairing)[0], after=f"{user} submitted it")
    return submission


@transaction.atomic
def submission_approve(*, user: Any, submission: Submission) -> Submission:
    """Approve ``submission`` at the level it waits for; after the last level (the national office) it is approved.

    Raises:
        NotAllowed: ``user`` does not hold the level the submission waits for.
        DataError: the submission is not submitted.
    """
    _require_state(submission, SubmissionState.SUBMITTED, action="approve it")
    levels = selectors.approval_levels(pairing=submission.pairing)
    level = levels[submission.approvals]
    permissions.require(
        year_permissions.can_submission_approve(user, level),
        f"This dataset waits for approval by {_level_name(level)}.",
    )
    submission.approvals += 1
    done = submission.approvals == len(levels)
    if done:
        submission.state = SubmissionState.APPROVED
    _step(submission, user=user, reason=f"approved by {_level_name(level)}")
    if done:
        notify(
            users=[*selectors.national_office_users(), *selectors.editors_of(pairing=submission.pairing)],
            subject=f"Approved: {_name(submission)}",
            message="Every level approved it; the national office freezes it.",
            url=_url(submission),
        )
    else:
        _ask_approval(submission, level=levels[submission.approvals], after=f"{_level_name(level)} approved it")
    return submission


@transaction.atomic
def submission_return(*, user: Any, submission: Submission, reason: str) -> Submission:
    """Send a submitted or approved ``submission`` back to its pairing to be filled again, saying why.

    Raises:
        NotAllowed: ``user`` does not hold the level it waits for (the national office for an approved one).
        DataError: no reason, or the submission is open or frozen.
    """
    _require_state(submission, SubmissionState.SUBMITTED, SubmissionState.APPROVED, action="return it")
    if submission.state == SubmissionState.APPROVED:
        allowed = year_permissions.can_submission_freeze(user)
    else:
        allowed = year_permissions.can_submission_approve(user, selectors.submission_level(submission=submission))
    permissions.require(allowed, "You may not return this dataset.")
    if not reason.strip():
        raise DataError("say why the dataset goes back")
    submission.state, submission.approvals = SubmissionState.OPEN, 0
    _step(submission, user=user, reason=f"returned: {reason.strip()}")
    notify(
        users=selectors.editors_of(pairing=submission.pairing),
        subject=f"Returned: {_name(submission)}",
        message=reason.strip(),
        url=_url(submission),
    )
    return submission


@transaction.atomic
def submission_freeze(*, user: Any, submission: Submission) -> Submission:
    """Freeze an approved ``submission``: its figures are kept as they are now, and refuse changes.

    Raises:
        NotAllowed: ``user`` is not the national office.
        DataError: the submission is not approved.
    """
    permissions.require(year_permissions.can_submission_freeze(user), "Only the national office freezes datasets.")
    _require_state(submission, SubmissionState.APPROVED, action="freeze it")
    values = selectors.dataset_values(
        dataset=submission.dataset, pairing=submission.pairing, year=submission.year
    ).filter(status__in=CONFIRMED_STATUSES)
    SubmissionValue.objects.bulk_create(
        SubmissionValue(
            submission=submission,
            data_value=v,
            indicator_id=v.indicator_id,
            pairing_id=v.pairing_id,
            area_id=v.area_id,
            activity_id=v.activity_id,
            period_kind=v.period_kind,
            period_start=v.period_start,
            period_end=v.period_end,
            disaggregation=v.disaggregation,
            kind=v.kind,
            value=v.value,
            unit=v.unit,
            qualifier=v.qualifier,
            status=v.status,
        )
        for v in values
    )
    submission.state = SubmissionState.FROZEN
    _step(submission, user=user, reason="frozen")
    notify(
        users=selectors.editors_of(pairing=submission.pairing),
        subject=f"Frozen: {_name(submission)}",
        message="Its figures are final; a change now needs a correction with a reason.",
        url=_url(submission),
    )
    return submission


@transaction.atomic
def submission_correct(*, user: Any, submission: Submission, reason: str) -> Submission:
    """Open a correction of a frozen ``submission``: a new version, open to changes, with ``reason``.

    The frozen version stays as it was, with its figures.

    Raises:
        NotAllowed: ``user`` is neither an editor of the pairing nor the national office.
        DataError: no reason; the submission is not frozen, or a later version exists.
    """
    permissions.require(
        year_permissions.can_submission_correct(user, submission.pairing), "You may not correct this pairing's dataset."
    )
    _require_state(submission, SubmissionState.FROZEN, action="correct it (only a frozen dataset is corrected)")
    if not reason.strip():
        raise DataError("a correction of a frozen dataset needs a reason")
    if Submission.objects.filter(
        dataset=submission.dataset, pairing=submission.pairing, year=submission.year, version__gt=submission.version
    ).exists():
        raise DataError(f"version {submission.version} has a later version already: correct that one")
    correction = Submission(
        dataset=submission.dataset,
        pairing=submission.pairing,
        year=submission.year,
        version=submission.version + 1,
        reason=reason.strip(),
        corrects=submission,
    )
    _step(correction, user=user, reason=f"correction of version {submission.version}: {reason.strip()}")
    notify(
        users=[*selectors.national_office_users(), *selectors.editors_of(pairing=submission.pairing)],
        subject=f"Correction opened: {_name(submission)}",
        message=f"Version {correction.version}: {reason.strip()}",
        url=_url(correction),
    )
    return correction


#: The steps of a dataset's way, as the pages and the API name them.
STEPS = ("submit", "approve", "return", "freeze", "correct")


def submission_step(*, user: Any, pairing: Pairing, year: int, step: str, reason: str = "") -> Submission:
    """Take ``step`` (one of :data:`STEPS`) on the latest version of ``pairing``'s dataset for ``year``.

    Raises:
        DataError: an unknown step, or no submission to take it on; and as each step's service.
    """
    if step == "submit":
        return submission_submit(user=user, pairing=pairing, year=year)
    submission = selectors.submission_current(pairing=pairing, year=year)
    if submission is None:
        raise DataError(f"the {year} dataset of {pairing} has not been submitted")
    if step == "approve":
        return submission_approve(user=user, submission=submission)
    if step == "return":
        return submission_return(user=user, submission=submission, reason=reason)
    if step == "freeze":
        return submission_freeze(user=user, submission=submission)
    if step == "correct":
        return submission_correct(user=user, submission=submission, reason=reason)
    raise DataError(f"unknown step {step!r} (use one of {', '.join(STEPS)})")
