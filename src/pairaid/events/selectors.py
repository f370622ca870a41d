"""Reads of events: a pairing's events of a year, in date order, and the indicators they give."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import F, Field, IntegerField, Value
from django.db.models.functions import Cast
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pairaid.core.read_once import once, reading_once
from pairaid.events.models import CadreBatch, Event, FrameworkAgreement, TradeFair, Visit
from pairaid.geo.models import Area
from pairaid.indicators.models import Qualifier
from pairaid.indicators.selectors import indicators_by_code
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids, pairing_index
from pairaid.sources.models import Evidence

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class EventRow:
    """One event as lists show it: ``kind`` (visit, cadre_batch, trade_fair, agreement), its date (None
    when only the year is known), title, and ``details``: (label, value) pairs in the active language."""

    kind: str
    id: int
    year: int
    date: date | None
    title: str
    pairing_name: str  # the event's pairing (one of the tree's) by its name in the active language
    details: tuple[tuple[str, str], ...]
    evidence_url: str | None = None
    pairing_id: int = 0


def _number(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value.normalize():,f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _details(event: Event) -> tuple[tuple[str, str], ...]:
    fields: list[tuple[str, object]] = []
    if isinstance(event, Visit):
        fields = [
            (_("direction"), event.get_direction_display()),
            (_("level of the leader"), event.get_leader_level_display()),
            (_("leaders"), (event.get_leaders_qualifier_display() + " " if event.leaders_qualifier != "exact" else "")
             + _number(event.leaders) + " " + event.get_leaders_unit_display() if event.leaders else None),
            (_("delegations"), event.delegations),
            (_("members"), event.size),
            (_("place"), event.place),
        ]
    elif isinstance(event, CadreBatch):
        area = event.area.display_name(get_language() or "en") if event.area else None  # in the reader's language
        fields = [(_("batch"), event.number), (_("cadres"), event.persons), (_("start"), event.start_date),
                  (_("end"), event.end_date), (_("area"), area)]
    elif isinstance(event, TradeFair):
        fields = [(_("delegation members"), event.delegation_size), (_("organisations"), event.organisations),
                  (_("booths"), event.booths), (_("contracts signed"), event.contracts),
                  (_("contract value (CNY)"), event.contract_value)]
    elif isinstance(event, FrameworkAgreement):
        fields = [(_("parties"), event.parties), (_("value (CNY)"), event.value),
                  (_("fields of cooperation"), "; ".join(event.fields))]
    return tuple((str(label), _number(value)) for label, value in fields if value not in (None, "", 0))


#: What naming an event's pairing reads (a pairing with no name of its own is named by its sides).
_PAIRING_SIDES = ("donor_area", "recipient_area", "donor_organisation", "recipient_organisation")

_KINDS: tuple[tuple[str, type[Event]], ...] = (
    ("visit", Visit),
    ("cadre_batch", CadreBatch),
    ("trade_fair", TradeFair),
    ("agreement", FrameworkAgreement),
)
#: The objects an event's row carries whole beside its own fields: its evidence, and a cadre batch's area.
_RELATED: tuple[tuple[str, type[models.Model]], ...] = (("evidence", Evidence), ("area", Area))


def _columns() -> list[tuple[str, Field[Any, Any]]]:
    """Every column the union of the four tables has: (path from an event, field), each kind's own fields
    and those of the objects in ``_RELATED`` (``evidence__start``), each named once."""
    columns: dict[str, Field[Any, Any]] = {}
    for _kind, model in _KINDS:
        for field in model._meta.concrete_fields:
            columns.setdefault(field.attname, field)
    for name, related in _RELATED:
        for field in related._meta.concrete_fields:
            columns[f"{name}__{field.attname}"] = field
    return list(columns.items())


def _column(model: type[Event], path: str, field: Field[Any, Any]) -> Any:
    """``path`` of ``model``'s rows, or a NULL of the column's type where ``model`` has no such field (typed,
    so that PostgreSQL matches the branches of the union)."""
    head = path.split("__")[0]
    if any(f.attname == head or f.name == head for f in model._meta.concrete_fields):
        return F(path)
    typed = field.target_field if field.is_relation else field
    return Cast(Value(None), output_field=typed.clone())


def _event_rows(ids: list[int], year: int) -> list[dict[str, Any]]:
    """Each event of the pairings ``ids`` in ``year`` as a row: ``kind``, its kind's position in ``_KINDS``,
    and every column of :func:`_columns` by path: the four tables in one query (UNION ALL)."""
    columns = _columns()
    branches = [
        model.objects.filter(pairing_id__in=ids, year=year)
        .order_by()
        .values(
            kind=Value(position, output_field=IntegerField()),
            **{f"c{i}": _column(model, path, field) for i, (path, field) in enumerate(columns)},
        )
        for position, (_kind, model) in enumerate(_KINDS)
    ]
    paths = {f"c{i}": path for i, (path, _field) in enumerate(columns)}
    return [
        {"kind": row["kind"], **{paths[name]: value for name, value in row.items() if name != "kind"}}
        for row in branches[0].union(*branches[1:], all=True)
    ]


def _year_events(pairing: Pairing, year: int) -> dict[str, list[Event]]:
    """The events of ``pairing``'s tree in ``year`` by kind (in id order), with their pairings' sides, evidence
    and area: one query for the four kinds, read once per page (:mod:`pairaid.core.read_once`) for its list
    and its indicators; their pairings are those a page reads once (another query outside a page)."""

    def read() -> dict[str, list[Event]]:
        rows = _event_rows(pairing_descendant_ids(root=pairing), year)
        pairings = (
            pairing_index()
            if reading_once()
            else Pairing.objects.select_related(*_PAIRING_SIDES).in_bulk({row["pairing_id"] for row in rows})
        )
        found: dict[str, list[Event]] = {kind: [] for kind, _model in _KINDS}
        for row in sorted(rows, key=lambda r: (r["kind"], r["id"])):
            kind, model = _KINDS[row["kind"]]
            event = _instance(model, row, "")
            event.pairing = pairings[event.pairing_id]
            for name, related in _RELATED:
                if hasattr(event, f"{name}_id"):
                    has = getattr(event, f"{name}_id") is not None
                    setattr(event, name, _instance(related, row, f"{name}__") if has else None)
            found[kind].append(event)
        return found

    return once(f"year_events:{pairing.pk}:{year}", read)


def _instance(model: type[M], row: dict[str, Any], prefix: str) -> M:
    """The ``model`` object whose fields ``row`` holds under ``prefix`` (as if read by a query of its own)."""
    fields = model._meta.concrete_fields
    return model.from_db(DEFAULT_DB_ALIAS, [f.attname for f in fields], [row[prefix + f.attname] for f in fields])


def event_get(*, model: type[M], pk: int) -> M:
    """The event of this kind (``model``, one of the services' ``EVENT_MODELS``) with this id (raises the
    model's ``DoesNotExist``)."""
    return model.objects.get(pk=pk)


def events_by_kind(*, rows: Iterable[EventRow]) -> dict[str, dict[int, Event]]:
    """The events of ``rows`` (from :func:`events_of_year`), each kind's by id, with their evidence (and a
    cadre batch with its area): one query a kind."""
    chosen = list(rows)
    kinds: dict[str, type[Event]] = {
        "visit": Visit,
        "cadre_batch": CadreBatch,
        "trade_fair": TradeFair,
        "agreement": FrameworkAgreement,
    }
    loaded: dict[str, dict[int, Event]] = {}
    for kind, model in kinds.items():
        qs = model.objects.select_related("evidence", *(("area",) if kind == "cadre_batch" else ()))
        loaded[kind] = qs.in_bulk([r.id for r in chosen if r.kind == kind])
    return loaded


def events_of_year(*, pairing: Pairing, year: int) -> list[EventRow]:
    """The events of ``pairing`` and every pairing under it in ``year``, by date (undated ones last)."""
    rows = []
    held = _year_events(pairing, year)
    for kind, model in _KINDS:
        for event in held[kind]:
            evidence = event.evidence
            rows.append(
                EventRow(
                    kind=kind,
                    id=event.pk,
                    year=event.year,
                    date=event.date,
                    title=event.title or getattr(event, "name", "") or str(model._meta.verbose_name),
                    pairing_name=event.pairing.display_name(get_language() or "en"),
                    pairing_id=event.pairing_id,
                    details=_details(event),
                    evidence_url=(
                        f"/documents/{evidence.document_id}/#span-{evidence.start}-{evidence.end}" if evidence else None
                    ),
                )
            )
    order = {kind: i for i, (kind, _) in enumerate(_KINDS)}
    return sorted(rows, key=lambda r: (r.date is None, r.date or date.max, order[r.kind], r.id))


@dataclass(frozen=True)
class ComputedValue:
    """An indicator computed from events: its value, unit and qualifier, and how many events it rests on."""

    code: str
    indicator_id: int
    label: str
    value: Decimal
    unit: str
    qualifier: str
    events: int


def event_indicators(*, pairing: Pairing, year: int, language: str = "en") -> list[ComputedValue]:
    """The indicators ``pairing``'s recorded events of ``year`` give (with the pairings under it):
    leaders' visits (leaders, in the unit the visits count them: persons and person-times apart), delegations
    (groups), cadres seconded (persons of the batches), cooperation agreements signed and their value (at fairs).
    An indicator no event gives is left out."""
    held = _year_events(pairing, year)
    visits: list[Visit] = held["visit"]  # type: ignore[assignment]
    batches: list[CadreBatch] = held["cadre_batch"]  # type: ignore[assignment]
    fairs: list[TradeFair] = held["trade_fair"]  # type: ignore[assignment]
    indicators = indicators_by_code()
    # leaders counted as persons and as person-times are never added: a value of each unit the visits use
    led: dict[str, list[Visit]] = {}
    for v in visits:
        if v.leaders:
            led.setdefault(v.leaders_unit, []).append(v)
    sums: list[tuple[str, Decimal, bool, int, str]] = [
        ("leader_visits", Decimal(sum(v.leaders for v in group)),
         any(v.leaders_qualifier != "exact" for v in group), len(group), unit)
        for unit, group in led.items()
    ]
    sums += [
        (code, value, qualified, count, indicators[code].unit if code in indicators else "")
        for code, value, qualified, count in _event_sums(visits, batches, fairs)
    ]
    return [
        ComputedValue(
            code=code,
            indicator_id=indicators[code].pk,
            label=indicators[code].display_name(language),
            value=value,
            unit=unit,
            qualifier=Qualifier.MORE_THAN if qualified else Qualifier.EXACT,
            events=count,
        )
        for code, value, qualified, count, unit in sums
        if count and code in indicators
    ]


def _event_sums(
    visits: list[Visit], batches: list[CadreBatch], fairs: list[TradeFair]
) -> list[tuple[str, Decimal, bool, int]]:
    """The indicators events give but leaders' visits: (code, value, whether more than, events counted)."""
    return [
        ("delegations", Decimal(sum(v.delegations or 0 for v in visits)), False,
         sum(1 for v in visits if v.delegations)),
        ("cadres_seconded", Decimal(sum(b.persons for b in batches)), False, len(batches)),
        ("contracts_signed", Decimal(sum(f.contracts or 0 for f in fairs)), False,
         sum(1 for f in fairs if f.contracts)),
        ("contract_value", sum((f.contract_value or Decimal(0) for f in fairs), Decimal(0)), False,
         sum(1 for f in fairs if f.contract_value)),
    ]
