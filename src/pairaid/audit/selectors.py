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
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

#: Fields that change on every save and say nothing to a reader.
_SILENT_FIELDS = frozenset({"updated", "subject_key"})

#: Labels of fields whose verbose name the models leave untranslated.
_LABELS = {"recipient_areas": _("recipient areas")}


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
                    old, new = _m2m_shown(field, change.old), _m2m_shown(field, change.new)
                else:
                    old, new = _shown(instance, field, change.old), _shown(instance, field, change.new)
                label = _LABELS.get(change.field, field.verbose_name)
                changes.append(FieldChange(change.field, str(label), old, new))
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


def _m2m_shown(field: Any, rows: Any) -> str:
    """The related objects of a many-to-many change as people know them (an area by its code and name)."""
    if not rows:
        return "—"
    target = field.m2m_reverse_field_name()
    ids = [row.get(target) for row in rows]
    related = field.related_model.objects.in_bulk([i for i in ids if i is not None])
    language = get_language() or "en"
    shown = []
    for pk in ids:
        obj = related.get(pk)
        if obj is None:
            shown.append(f"#{pk}")
        elif hasattr(obj, "display_name"):
            name = obj.display_name(language)
            shown.append(f"{obj.code} {name}" if hasattr(obj, "code") else name)
        else:
            shown.append(str(obj))
    return ", ".join(shown)
