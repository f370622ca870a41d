"""The global audit log: every historical record of every kind, newest first, filterable.

One query over the history tables (``UNION ALL``) gives a page of records with who made
them (by user name), the object (kind and id) and the record's version of that object
(its own count: 1 is how the object was created), so that a page of the log stays a
few queries however many kinds of record there are. The field-by-field changes are on
each object's own page (:func:`pairaid.audit.selectors.history_entries`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import models
from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Value
from django.utils import timezone
from simple_history.models import registered_models

#: Pages that show one object of a kind, with its history: kind -> URL name.
OBJECT_PAGES = {"pairing": "web:pairing", "activity": "web:activity", "datavalue": "web:datavalue"}
_COLUMNS = (
    *("history_id", "history_date", "history_type", "history_change_reason", "id"),
    *("log_kind", "log_version", "log_who"),
)


@dataclass(frozen=True)
class LogEntry:
    """One record of the log: ``kind`` (a model's name) and ``object_id`` say what changed."""

    history_id: int
    when: datetime
    action: str
    reason: str
    object_id: int
    kind: str
    version: int
    who: str
    kind_label: str

    @property
    def url_name(self) -> str | None:
        return OBJECT_PAGES.get(self.kind)


def log_kinds() -> dict[str, Any]:
    """Every kind of record with history: model name -> its verbose name, in name order."""
    found = {m._meta.model_name: m._meta.verbose_name for m in registered_models.values() if hasattr(m, "history")}
    return dict(sorted(found.items()))


def _model(kind: str) -> type[models.Model]:
    (model,) = [m for m in registered_models.values() if m._meta.model_name == kind and hasattr(m, "history")]
    return model


def _part(kind: str, *, user_id: int | None, action: str, since: date | None, until: date | None) -> QuerySet[Any]:
    history = _model(kind).history.model  # type: ignore[attr-defined]
    same = history.objects.filter(id=OuterRef("id"), history_id__lte=OuterRef("history_id")).order_by()
    qs = history.objects.all()
    if user_id is not None:
        qs = qs.filter(history_user_id=user_id)
    if action:
        qs = qs.filter(history_type=action)
    if since is not None:
        qs = qs.filter(history_date__gte=timezone.make_aware(datetime.combine(since, time.min)))
    if until is not None:
        qs = qs.filter(history_date__lt=timezone.make_aware(datetime.combine(until + timedelta(days=1), time.min)))
    return (
        qs.order_by()
        .annotate(
            log_kind=Value(kind, output_field=models.CharField()),
            log_version=Subquery(same.values("id").annotate(n=Count("history_id")).values("n")[:1]),
            log_who=F("history_user__username"),
        )
        .values_list(*_COLUMNS)
    )


def audit_log(
    *,
    kinds: list[str] | None = None,
    user_id: int | None = None,
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[Any]:
    """The records of ``kinds`` (all when None) by ``user_id``, of ``action`` (``+``, ``~``, ``-``), made from
    ``since`` to ``until`` (days, inclusive), newest first: rows of history id, when, action, reason, object id,
    kind, version and user name (see :func:`log_entries`)."""
    chosen = [k for k in (kinds or log_kinds()) if k in log_kinds()]
    parts = [_part(k, user_id=user_id, action=action, since=since, until=until) for k in chosen]
    if not parts:
        return _part("pairing", user_id=None, action="", since=None, until=None).none()
    first, *rest = parts
    joined = first.union(*rest, all=True) if rest else first
    return joined.order_by("-history_date", "-history_id")


def log_entries(rows: Any) -> list[LogEntry]:
    """The rows of :func:`audit_log` (a page of them) as entries."""
    labels = log_kinds()
    return [
        LogEntry(h, when, action, reason or "", pk, kind, version or 1, who or "", str(labels.get(kind, kind)))
        for h, when, action, reason, pk, kind, version, who in rows
    ]
