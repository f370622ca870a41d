"""Locked periods: a figure of a pairing's year whose dataset is submitted, approved or frozen
refuses changes until the submission is returned, or a correction opens a new version.

Every write of data values above this layer (entry, review, plans, restore from the
audit trail, form import) asks here first; the refusal is a
:class:`~pairaid.core.errors.LockedError` (HTTP 409 in the API and on the pages).
"""

from __future__ import annotations

from pairaid.accounts.permissions import datavalue_pairing_id
from pairaid.core.errors import LockedError
from pairaid.datasets.models import LOCKED_STATES, Submission
from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing


def _lineage(pairing_id: int) -> list[int]:
    """``pairing_id`` and the pairings above it (one query per level; trees are three or four deep)."""
    found = [pairing_id]
    while len(found) < 16:
        up = Pairing.objects.filter(pk=found[-1]).values_list("parent_id", flat=True).first()
        if up is None:
            break
        found.append(up)
    return found


def dataset_lock(*, pairing_id: int | None, year: int, indicator_id: int) -> Submission | None:
    """The locked submission that holds ``indicator_id`` of ``pairing_id`` in ``year``, or None: the
    pairing's own dataset, or that of a pairing above it (a return covers its tree).

    Only the latest version of a pairing's dataset for a year counts: once a
    correction is open, the figures may change again.
    """
    if pairing_id is None:
        return None
    for owner in _lineage(pairing_id):
        latest = (
            Submission.objects.filter(pairing_id=owner, year=year, dataset__indicators=indicator_id)
            .select_related("dataset", "pairing")
            .order_by("-version")
            .first()
        )
        if latest is not None and latest.state in LOCKED_STATES:
            return latest
    return None


def year_lock(*, pairing_id: int | None, year: int) -> Submission | None:
    """The locked submission of any dataset that holds ``pairing_id``'s ``year`` (its own, or that of a pairing
    above it), or None: what a record that feeds the year's figures as a whole (an event) must respect.

    Only the latest version of each dataset's submission counts, as in :func:`dataset_lock`.
    """
    if pairing_id is None:
        return None
    for owner in _lineage(pairing_id):
        latest: dict[int, Submission] = {}
        for held in (
            Submission.objects.filter(pairing_id=owner, year=year).select_related("dataset", "pairing")
            .order_by("dataset_id", "-version")
        ):
            latest.setdefault(held.dataset_id, held)
        for held in latest.values():
            if held.state in LOCKED_STATES:
                return held
    return None


def _refuse(held: Submission) -> None:
    raise LockedError(
        f"the {held.year} dataset of {held.pairing} is {held.state} (version {held.version}): "
        "its figures cannot change; "
        + ("open a correction with a reason" if held.state == "frozen" else "ask for it to be returned first")
    )


def require_year_unlocked(*, pairing_id: int | None, year: int | None) -> None:
    """Raise :class:`LockedError` when ``pairing_id``'s ``year`` is held by a locked submission of any dataset."""
    if year is None:
        return
    held = year_lock(pairing_id=pairing_id, year=year)
    if held is not None:
        _refuse(held)


def require_unlocked(*, pairing_id: int | None, year: int, indicator_id: int) -> None:
    """Raise :class:`LockedError` when the figure would change a locked submission."""
    held = dataset_lock(pairing_id=pairing_id, year=year, indicator_id=indicator_id)
    if held is not None:
        _refuse(held)


def require_datavalue_unlocked(data_value: DataValue) -> None:
    """Raise :class:`LockedError` when ``data_value`` (as stored, or as about to be stored) is held by a
    locked submission."""
    if data_value.period_end is None or data_value.indicator_id is None:
        return
    require_unlocked(
        pairing_id=datavalue_pairing_id(data_value),
        year=data_value.period_end.year,
        indicator_id=data_value.indicator_id,
    )
