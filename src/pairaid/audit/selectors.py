"""Reads of the audit trail kept by django-simple-history.

Every change to a pairing, activity, transaction or data value is a historical
record (who, when, ``+`` created / ``~`` changed / ``-`` deleted); this module
turns consecutive records into per-field changes, old → new, each object shown
by its name (a user by user name, an area by code and name), and numbers each
record's versions (1 is how it was created). The whole trail across every kind
of record is :mod:`pairaid.audit.log`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import ModelChange

#: Fields that change on every save and say nothing to a reader.
_SILENT_FIELDS = frozenset({"updated", "subject_key"})

#: Labels of fields whose verbose name the models leave untranslated.
_LABELS = {"recipient_areas": _("recipient areas"), "updated_by": _("updated by"), "pairing": _("pairing")}


@dataclass(frozen=True)
class FieldChange:
    """One field's change: its verbose name, and the old and new values as shown to people."""

    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One historical record: ``history_id`` (the key a restore names), ``version`` (this record's
    own count: 1 is how it was created), when, who, the kind and the field changes."""

    history_id: int
    version: int
    when: datetime
    who: str
    kind: str
    reason: str
    changes: tuple[FieldChange, ...]


def _shown(field: models.Field[Any, Any], value: Any, names: dict[tuple[Any, Any], str]) -> str:
    if value is None or value == "":
        return "—"
    choices = getattr(field, "flatchoices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return names.get((field.related_model, value), f"#{value}")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, dict):  # what the report gave (as_read): each field by its name, not a raw dict
        shown = (f"{_field_label(field.model, k)}: {'—' if v is None else v}" for k, v in sorted(value.items()))
        return "; ".join(shown) or "—"
    return str(value)


def _field_label(model: Any, name: str) -> str:
    found = _field(model, name)
    return str(found.verbose_name) if found is not None else name


def _label(obj: Any) -> str:
    """An object as people know it: a user by name, an area by code and name, else its own words."""
    if hasattr(obj, "get_username"):
        return str(obj.get_username())
    if hasattr(obj, "display_name"):
        name = obj.display_name(get_language() or "en")
        return f"{obj.code} {name}" if hasattr(obj, "code") else name
    return str(obj)


def _related_names(model: type[models.Model], deltas: list[list[Any]]) -> dict[tuple[Any, Any], str]:
    """The names of the objects that foreign keys changed in ``deltas`` point at, one query per related model."""
    wanted: dict[Any, set[Any]] = {}
    for delta in deltas:
        for change in delta:
            field = _field(model, change.field)
            if isinstance(field, models.ForeignKey):
                wanted.setdefault(field.related_model, set()).update(v for v in (change.old, change.new) if v)
    names: dict[tuple[Any, Any], str] = {}
    for related, ids in wanted.items():
        qs = related._default_manager.all()
        sides = ("donor_area", "recipient_area", "donor_organisation", "recipient_organisation")
        if all(hasattr(related, f) for f in sides):  # a pairing is named by its sides
            qs = qs.select_related(*sides)
        names.update({(related, pk): _label(obj) for pk, obj in qs.in_bulk(list(ids)).items()})
    return names


def _field(model: type[models.Model], name: str) -> Any:
    try:
        return model._meta.get_field(name)
    except Exception:
        return None


def history_entries(*, instance: models.Model, limit: int = 50) -> list[HistoryEntry]:
    """The audit trail of ``instance``, newest first, at most ``limit`` records, each with its version.

    Raises ``AttributeError`` for a model without history.
    """
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )  # type: ignore[attr-defined]
    total = len(records) if len(records) <= limit else instance.history.count()  # type: ignore[attr-defined]
    return _entries(type(instance), records, total, limit)


def history_entries_of(*, instances: Sequence[models.Model], limit: int = 50) -> dict[Any, list[HistoryEntry]]:
    """The audit trails of ``instances`` (of one model) by primary key, as :func:`history_entries` gives
    each: their records read in one query (and one more per instance with over ``limit`` records)."""
    if not instances:
        return {}
    model = type(instances[0])
    history = model.history.model  # type: ignore[attr-defined]
    pk_name = model._meta.pk.attname  # type: ignore[union-attr]
    grouped: dict[Any, list[Any]] = {getattr(i, pk_name): [] for i in instances}
    rows = history.objects.filter(**{f"{pk_name}__in": list(grouped)}).select_related("history_user")
    for record in rows.order_by("-history_date", "-history_id"):
        grouped[getattr(record, pk_name)].append(record)
    found = {}
    for pk, records in grouped.items():
        total = len(records) if len(records) <= limit else history.objects.filter(**{pk_name: pk}).count()
        found[pk] = _entries(model, records[: limit + 1], total, limit)
    return found


#: The columns of a many-to-many history row that say which row it is, not what it holds.
_M2M_KEYS = ("id", "m2m_history_id", "history")


def _m2m_rows(records: list[Any]) -> dict[str, dict[int, list[dict[str, Any]]]]:
    """The many-to-many rows of every record in ``records``: field name -> history id -> rows (as
    django-simple-history's diff compares them), one query per field for all the records."""
    if not records:
        return {}
    found: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for field in records[0]._history_m2m_fields:
        through = getattr(records[0], field.name).model
        order = field.m2m_reverse_field_name()
        compared = [f.name for f in through._meta.fields if f.editable and f.name not in _M2M_KEYS]
        by_record: dict[int, list[dict[str, Any]]] = {r.history_id: [] for r in records}
        rows = through.objects.filter(history_id__in=list(by_record)).order_by("history_id", order)
        for row in rows.values("history_id", *compared):
            by_record[row.pop("history_id")].append(row)
        found[field.name] = by_record
    return found


def _delta(record: Any, before: Any, m2m: dict[str, dict[int, list[dict[str, Any]]]]) -> list[Any]:
    """The changes from ``before`` to ``record``: the plain fields by django-simple-history's diff, the
    many-to-many fields from the rows read once for every record (its diff reads them per record)."""
    changes = list(record.diff_against(before, excluded_fields=set(m2m)).changes)
    for name, rows in m2m.items():
        old, new = rows.get(before.history_id, []), rows.get(record.history_id, [])
        if old != new:
            changes.append(ModelChange(name, old, new))
    return sorted(changes, key=lambda change: change.field)


def _entries(model: type[models.Model], records: list[Any], total: int, limit: int) -> list[HistoryEntry]:
    m2m = _m2m_rows(records[: limit + 1])
    deltas = {
        index: _delta(record, records[index + 1], m2m)
        for index, record in enumerate(records[:limit])
        if index + 1 < len(records) and record.history_type == "~"
    }
    names = _related_names(model, list(deltas.values()))
    related = _m2m_related(model, list(deltas.values()))
    entries = []
    for index, record in enumerate(records[:limit]):
        changes: list[FieldChange] = []
        for change in deltas.get(index, ()):
            field = _field(model, change.field)
            if change.field in _SILENT_FIELDS or field is None:
                continue
            if field.many_to_many:
                old, new = _m2m_shown(field, change.old, related), _m2m_shown(field, change.new, related)
            else:
                old, new = _shown(field, change.old, names), _shown(field, change.new, names)
            label = _LABELS.get(change.field, field.verbose_name)
            changes.append(FieldChange(change.field, str(label), old, new))
        user = record.history_user
        entries.append(
            HistoryEntry(
                history_id=record.history_id,
                version=total - index,
                when=record.history_date,
                who=user.get_username() if user else "",
                kind=record.history_type,
                reason=record.history_change_reason or "",
                changes=tuple(changes),
            )
        )
    return entries


def _m2m_related(model: type[models.Model], deltas: list[list[Any]]) -> dict[Any, dict[Any, Any]]:
    """The objects that the many-to-many changes in ``deltas`` name, one query per related model."""
    wanted: dict[Any, set[Any]] = {}
    for changes in deltas:
        for change in changes:
            field = _field(model, change.field)
            if field is not None and field.many_to_many:
                target = field.m2m_reverse_field_name()
                ids = {row.get(target) for row in [*(change.old or []), *(change.new or [])]}
                wanted.setdefault(field, set()).update(i for i in ids if i is not None)
    found: dict[Any, dict[Any, Any]] = {}
    for field, ids in wanted.items():
        found.setdefault(field.related_model, {}).update(field.related_model.objects.in_bulk(list(ids)))
    return found


def _m2m_shown(field: Any, rows: Any, related: dict[Any, dict[Any, Any]]) -> str:
    """The related objects of a many-to-many change as people know them (an area by its code and name)."""
    if not rows:
        return "—"
    target = field.m2m_reverse_field_name()
    known = related.get(field.related_model, {})
    language = get_language() or "en"
    shown = []
    for pk in (row.get(target) for row in rows):
        obj = known.get(pk)
        if obj is None:
            shown.append(f"#{pk}")
        elif hasattr(obj, "display_name"):
            name = obj.display_name(language)
            shown.append(f"{obj.code} {name}" if hasattr(obj, "code") else name)
        else:
            shown.append(str(obj))
    return ", ".join(shown)


def record_version(*, instance: models.Model, history_id: int) -> int:
    """The version of ``instance`` that the historical record ``history_id`` is (1: as it was created)."""
    return int(instance.history.filter(history_id__lte=history_id).count())  # type: ignore[attr-defined]
