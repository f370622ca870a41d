"""Who may keep a pairing's reporting year (issue 14): its plans, its events and its yearly dataset with
the dataset's approval, the rule of each write as :mod:`pairaid.accounts.permissions` has them (the
assessment rubric's rule is there, beside the rights it reads)."""

from __future__ import annotations

from typing import Any

from pairaid.accounts.permissions import acts_nationally, can_edit_pairing, user_rights
from pairaid.registry.models import Pairing


def can_plan_update(user: Any, pairing: Pairing) -> bool:
    """Whether ``user`` may change ``pairing``'s plans, planned values and key-project batches: its editors."""
    return can_edit_pairing(user, pairing)


def can_plan_mention_accept(user: Any, pairing: Pairing) -> bool:
    """Whether ``user`` may accept a plan sentence of a report as a planned value of ``pairing``:
    the national office (who reviews any figure) and the pairing's editors."""
    return user_rights(user).national_office or can_edit_pairing(user, pairing)


def can_event_update(user: Any, pairing: Pairing) -> bool:
    """Whether ``user`` may record or change ``pairing``'s visits, cadre batches, fairs and agreements."""
    return can_edit_pairing(user, pairing)


def can_submission_submit(user: Any, pairing: Pairing) -> bool:
    """Whether ``user`` may submit (or withdraw) ``pairing``'s dataset for a year: its editors."""
    return can_edit_pairing(user, pairing)


def can_submission_approve(user: Any, level: Pairing | None) -> bool:
    """Whether ``user`` may approve a dataset at ``level``: the editors of that pairing above the
    submitting one, or the national office when ``level`` is None (the last level)."""
    rights = user_rights(user)
    if rights.administrator:
        return True
    if level is None:
        return rights.national_office
    return level.pk in rights.pairing_ids


def can_submission_freeze(user: Any) -> bool:
    """Whether ``user`` may freeze an approved dataset: the national office."""
    return acts_nationally(user)


def can_submission_correct(user: Any, pairing: Pairing) -> bool:
    """Whether ``user`` may open a correction of ``pairing``'s frozen dataset: its editors and the national office."""
    return user_rights(user).national_office or can_edit_pairing(user, pairing)


def can_dataset_configure(user: Any) -> bool:
    """Whether ``user`` may set which indicators a dataset holds: the national office."""
    return acts_nationally(user)
