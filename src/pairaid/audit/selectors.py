"""Reads of the audit trail kept by django-simple-history.

Every change to a pairing, activity, transaction or data value is a historical
record (who, when, ``+`` created / ``~`` changed / ``-`` deleted); this module
turns consecutive records into per-field changes, old → new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import models

#: Fields that change on every save and say nothing to a reader.
_SILENT_FIELDS = frozenset({"updated", "subject_key"})


@dataclass(frozen=True)
class FieldChange:
    """One field's change: its verbose name, and the old and new values as shown to people."""

    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One historical record: ``history_id`` (for restoring), when, who, the kind and the field changes."""

    history_id: int
    when: datetime
    who: str
    kind: str
    reason: str
    changes: tuple[FieldChange, ...]


def _shown(instance: models.Model, field: models.Field[Any, Any], value: Any) -> str:
    if value is None or value == "":
        return "—"
    choices = getattr(field, "flatchoices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return f"#{value}"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def history_entries(*, instance: models.Model, limit: int = 50) -> list[HistoryEntry]:
    """The audit trail of ``instance``, newest first, at most ``limit`` records.

    Raises ``AttributeError`` for a model without history.
    """
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )  # type: ignore[attr-defined]
    model = type(instance)
    entries = []
    for index, record in enumerate(records[:limit]):
        older = records[index + 1] if index + 1 < len(records) else None
        changes: list[FieldChange] = []
        if older is not None and record.history_type == "~":
            delta = record.diff_against(older)
            for change in delta.changes:
                if change.field in _SILENT_FIELDS:
                    continue
                try:
                    field = model._meta.get_field(change.field)
                except Exception:
                    continue
                if field.many_to_many:
                    old, new = _m2m_shown(change.old), _m2m_shown(change.new)
                else:
                    old, new = _shown(instance, field, change.old), _shown(instance, field, change.new)
                changes.append(FieldChange(change.field, str(field.verbose_name), old, new))
        user = record.history_user
        entries.append(
            HistoryEntry(
                history_id=record.history_id,
                when=record.history_date,
                who=user.get_username() if user else "",
                kind=record.history_type,
                reason=record.history_change_reason or "",
                changes=tuple(changes),
            )
        )
    return entries


def _m2m_shown(rows: Any) -> str:
    if not rows:
        return "—"
    return ", ".join(str(next(iter(v for k, v in row.items() if k not in {"id", "activity"}), "")) for row in rows)
