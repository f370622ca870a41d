"""Restoring a value from the audit trail."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, models, transaction

from pairaid.accounts import datavalue_permissions, permissions
from pairaid.activities.models import Activity, Transaction
from pairaid.audit.selectors import record_version
from pairaid.core.errors import DataError, InputError
from pairaid.datasets.locks import require_datavalue_unlocked
from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing


def _may_restore(user: Any, instance: models.Model, values: dict[str, Any]) -> bool:
    """The rule of changing ``instance`` into ``values`` (attribute names): every object it then names is checked."""

    def after(name: str) -> Any:
        return values.get(name, getattr(instance, name))

    if isinstance(instance, Pairing):
        return permissions.can_pairing_restore(user, instance, parent_id=after("parent_id"))
    if isinstance(instance, Activity):
        return permissions.can_activity_update(user, instance, pairing_id=after("pairing_id"))
    if isinstance(instance, Transaction):
        return permissions.can_transaction_update(
            user, instance, activity_id=after("activity_id"), pairing_id=after("pairing_id")
        )
    if isinstance(instance, DataValue):
        return datavalue_permissions.can_datavalue_review(
            user,
            instance,
            pairing_id=after("pairing_id"),
            area_id=after("area_id"),
            activity_id=after("activity_id"),
            kind=after("kind"),
        )
    return False


@transaction.atomic
def history_restore(*, user: Any, instance: models.Model, history_id: int, field: str | None = None) -> models.Model:
    """Bring back ``instance`` as it was in the historical record ``history_id`` (or only its ``field``).

    The restore is itself recorded in the trail, by ``user``, with the reason
    "restored from version N", N the version of this record (1: as it was created),
    not the history table's id; a restore that would change nothing records nothing.
    Many-to-many fields are not restored.

    Raises:
        NotAllowed: ``user`` may not change ``instance`` (checked first, whatever version is asked),
            or not as it was (an activity in another pairing, a figure of another subject).
        ObjectDoesNotExist: ``history_id`` is no version of this object (another record's, or none).
        InputError: no such field.
        DataError: the restored value breaks a rule (another confirmed figure holds the same key).
        LockedError: the figure's dataset is submitted, approved or frozen.
    """
    permissions.require(_may_restore(user, instance, {}), "You may not change this record.")  # as it stands
    history = instance.history  # type: ignore[attr-defined]
    record = history.filter(history_id=history_id).first()
    if record is None:
        raise history.model.DoesNotExist(f"no version {history_id} of this record")
    old = record.instance
    if isinstance(instance, DataValue):
        require_datavalue_unlocked(instance)
    concrete = [f for f in type(instance)._meta.concrete_fields if not f.primary_key]
    if field is not None:
        names = {f.name for f in concrete} | {f.attname for f in concrete}
        if field not in names:
            raise InputError(f"no field {field!r}")
        concrete = [f for f in concrete if field in (f.name, f.attname)]
    values = {f.attname: getattr(old, f.attname) for f in concrete if f.name not in {"created", "updated"}}
    permissions.require(_may_restore(user, instance, values), "You may not change this record.")
    kept = {name: value for name, value in values.items() if name != "updated_by_id"}  # who: the restorer
    if all(getattr(instance, name) == value for name, value in kept.items()):
        return instance  # the version asked is how it stands: nothing changes, no history row is added
    for name, value in values.items():
        setattr(instance, name, value)
    if isinstance(instance, DataValue):
        require_datavalue_unlocked(instance)
        instance.updated_by = user
    instance._history_user = user  # type: ignore[attr-defined]
    version = record_version(instance=instance, history_id=history_id)
    instance._change_reason = f"restored from version {version}"  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise DataError(f"cannot restore version {version}: {exc}") from None
    return instance
