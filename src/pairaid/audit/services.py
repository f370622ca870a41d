"""Restoring a value from the audit trail."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, models, transaction

from pairaid.accounts import permissions
from pairaid.activities.models import Activity, Transaction
from pairaid.core.errors import DataError, InputError
from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing


def _may_edit(user: Any, instance: models.Model) -> bool:
    if isinstance(instance, Pairing):
        return permissions.can_edit_pairing(user, instance)
    if isinstance(instance, Activity):
        return permissions.can_edit_activity(user, instance)
    if isinstance(instance, Transaction):
        return permissions.can_edit_transaction(user, instance)
    if isinstance(instance, DataValue):
        return permissions.can_edit_datavalue(user, instance) or permissions.can_review(user, instance)
    return False


def _may_restore(user: Any, instance: models.Model, *, parent_before: int | None) -> bool:
    """Whether ``user`` may leave ``instance`` as restored: every object it then names must be theirs too."""
    if isinstance(instance, Pairing):
        moved = instance.parent_id != parent_before
        return not moved or permissions.can_edit_pairing_id(user, instance.parent_id)
    if isinstance(instance, DataValue):
        return permissions.user_rights(user).national_office or permissions.can_enter_datavalue(
            user, pairing_id=instance.pairing_id, area_id=instance.area_id, activity_id=instance.activity_id
        )
    return _may_edit(user, instance)


@transaction.atomic
def history_restore(*, user: Any, instance: models.Model, history_id: int, field: str | None = None) -> models.Model:
    """Bring back ``instance`` as it was in the historical record ``history_id`` (or only its ``field``).

    The restore is itself recorded in the trail, by ``user``, with the reason
    "restored from version N". Many-to-many fields are not restored.

    Raises:
        NotAllowed: ``user`` may not change ``instance``, or not as it was (an activity
            in another pairing, a figure of another subject).
        InputError: no such version of this object, or no such field.
        DataError: the restored value breaks a rule (another confirmed figure holds the same key).
    """
    permissions.require(_may_edit(user, instance), "You may not change this record.")
    record = instance.history.filter(history_id=history_id).first()  # type: ignore[attr-defined]
    if record is None:
        raise InputError(f"no version {history_id} of this record")
    old = record.instance
    parent_before = instance.parent_id if isinstance(instance, Pairing) else None
    concrete = [f for f in type(instance)._meta.concrete_fields if not f.primary_key]
    if field is not None:
        names = {f.name for f in concrete} | {f.attname for f in concrete}
        if field not in names:
            raise InputError(f"no field {field!r}")
        concrete = [f for f in concrete if field in (f.name, f.attname)]
    for f in concrete:
        if f.name in {"created", "updated"}:
            continue
        setattr(instance, f.attname, getattr(old, f.attname))
    permissions.require(_may_restore(user, instance, parent_before=parent_before), "You may not change this record.")
    if isinstance(instance, DataValue):
        instance.updated_by = user
    instance._history_user = user  # type: ignore[attr-defined]
    instance._change_reason = f"restored from version {history_id}"  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise DataError(f"cannot restore version {history_id}: {exc}") from None
    return instance
