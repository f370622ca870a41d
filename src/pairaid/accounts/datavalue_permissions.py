"""The rules of the writes of figures (data values): entering, changing and reviewing one, each checking every
object the request names as it will be after the write, as :mod:`pairaid.accounts.permissions` has the rules of
the other writes (and the rights they read)."""

from __future__ import annotations

from typing import Any

from pairaid.accounts.permissions import (
    can_edit_area_id,
    can_edit_datavalue,
    can_edit_pairing_id,
    owning_pairing,
    pairing_covers_area,
    user_rights,
)
from pairaid.indicators.models import DataValue, DataValueKind


def can_datavalue_create(
    user: Any,
    *,
    pairing_id: int | None,
    area_id: int | None,
    activity_id: int | None,
    kind: str = DataValueKind.ACTUAL,
) -> bool:
    """Enter a figure of this subject and ``kind``: every object named must be the user's.

    * an activity: its pairing is the user's, and a pairing named beside it is that same pairing;
    * a pairing: the user edits it, or edits the area named with it;
    * an area: the user edits it (recipient editors), or it lies within the recipient
      area of the pairing named with it, which the user edits;
    * a planned figure is the pairing's plan (``plans``): only the editors of its pairing (named, or its
      activity's) enter one, as they alone keep the plan (``year_permissions.can_plan_update``); an editor of
      the recipient area does not.

    An area outside the pairing named with it is refused to everyone but administrators.
    """
    if user_rights(user).administrator:
        return True
    if activity_id is not None:
        activity_pairing = owning_pairing(activity_id, pairing_id)
        if activity_pairing is None or not can_edit_pairing_id(user, activity_pairing):
            return False
        pairing_id = activity_pairing
    if kind == DataValueKind.PLANNED and not can_edit_pairing_id(user, pairing_id):
        return False
    if pairing_id is not None and area_id is not None:
        if not pairing_covers_area(pairing_id, area_id):
            return False
        return can_edit_pairing_id(user, pairing_id) or can_edit_area_id(user, area_id)
    if pairing_id is not None:
        return can_edit_pairing_id(user, pairing_id)
    return can_edit_area_id(user, area_id)


def can_datavalue_update(
    user: Any,
    dv: DataValue,
    *,
    pairing_id: int | None,
    area_id: int | None,
    activity_id: int | None,
    kind: str | None = None,
) -> bool:
    """Change ``dv``, giving it this subject and ``kind`` (None: the one it has): who may edit it as it is and
    enter a figure of the new subject and kind."""
    return can_edit_datavalue(user, dv) and can_datavalue_create(
        user, pairing_id=pairing_id, area_id=area_id, activity_id=activity_id, kind=kind or dv.kind
    )


def can_datavalue_review(
    user: Any,
    dv: DataValue,
    *,
    pairing_id: int | None,
    area_id: int | None,
    activity_id: int | None,
    kind: str | None = None,
) -> bool:
    """Accept, correct or reject ``dv``, leaving it with this subject (and ``kind``: None, the one it has).

    The national office reviews any figure and may give it any subject; others
    review what they may edit, into a subject they may enter figures for.
    """
    if user_rights(user).national_office:
        return True
    return can_datavalue_update(
        user, dv, pairing_id=pairing_id, area_id=area_id, activity_id=activity_id, kind=kind
    )


def can_datavalue_review_as_is(user: Any, dv: DataValue) -> bool:
    """:func:`can_datavalue_review` leaving ``dv`` with the subject it has (accept, reject, correct the value)."""
    return can_datavalue_review(user, dv, pairing_id=dv.pairing_id, area_id=dv.area_id, activity_id=dv.activity_id)
