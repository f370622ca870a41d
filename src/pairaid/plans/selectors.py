"""Reads of plans: a pairing's plans, plan against actual (execution rate per indicator), what was
promised to a recipient area against what arrived, and the progress of key-project batches.

Planned and actual totals both come from the roll-ups
(:mod:`pairaid.indicators.rollups`), so a plan is compared with what was done under
the same rules: one unit and one period kind at a time, a stated total winning over
the sum below it, confirmed figures only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Q, QuerySet

from pairaid.activities.models import Activity, ActivityStatus
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, Indicator
from pairaid.indicators.rollups import RollupRow, rollup_by_area, rollup_by_pairing
from pairaid.plans.models import KeyProjectBatch, Plan
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids

#: Activity statuses of a project that has started.
STARTED = (ActivityStatus.IMPLEMENTATION, ActivityStatus.FINALISATION, ActivityStatus.CLOSED)
#: Digits of an area code that its subtree shares (GB/T 2260): province 2, prefecture 4, county 6.
_PREFIX = {"province": 2, "prefecture": 4}


@dataclass(frozen=True)
class ExecutionRow:
    """Plan against actual for one indicator (of one subject, in one unit and period kind).

    ``rate`` is actual in percent of planned, to one decimal; None when nothing was
    planned (0) or nothing is recorded as done. ``key``/``subject`` name the pairing or
    area the row is about (empty for the plan's own pairing).
    """

    code: str
    label: str
    unit: str
    period_kind: str
    planned: Decimal
    actual: Decimal | None
    rate: Decimal | None
    key: str = ""
    subject: str = ""


def execution_rate(planned: Decimal, actual: Decimal | None) -> Decimal | None:
    """``actual`` in percent of ``planned``, to one decimal (None when either is missing or planned is 0)."""
    if actual is None or not planned:
        return None
    return (actual * 100 / planned).quantize(Decimal("0.1"))


def plan_list(*, pairing: Pairing | None = None, year: int | None = None) -> QuerySet[Plan]:
    """Plans, of one pairing and one year when given, with their batches."""
    qs = Plan.objects.select_related("pairing", "area", "evidence").prefetch_related("batches")
    if pairing is not None:
        qs = qs.filter(pairing=pairing)
    if year is not None:
        qs = qs.filter(year=year)
    return qs


def plan_values(*, plan: Plan) -> QuerySet[DataValue]:
    """The planned values of ``plan``: its pairing (and area) as subject, a period ending in its year."""
    return DataValue.objects.filter(
        kind=DataValueKind.PLANNED,
        pairing=plan.pairing,
        area=plan.area,
        activity__isnull=True,
        period_end__year=plan.year,
        status__in=CONFIRMED_STATUSES,
    ).select_related("indicator", "evidence", "evidence__document")


def _planned_keys(qs: QuerySet[DataValue], year: int) -> list[tuple[Indicator, str]]:
    """(indicator, period kind) of the planned totals in ``qs`` with a period ending in ``year``."""
    pairs = (
        qs.filter(kind=DataValueKind.PLANNED, status__in=CONFIRMED_STATUSES, disaggregation="", period_end__year=year)
        .values_list("indicator_id", "period_kind")
        .distinct()
    )
    wanted = set(pairs)
    indicators = Indicator.objects.in_bulk({i for i, _ in wanted})
    found = [(indicators[i], kind) for i, kind in wanted if indicators[i].aggregation != "none"]
    return sorted(found, key=lambda item: (item[0].group, item[0].code, item[1]))


def _rows(
    indicator: Indicator,
    planned: dict[tuple[str, str], list[RollupRow]],
    actual: dict[tuple[str, str], list[RollupRow]],
    keys: list[str] | None,
    language: str,
) -> list[ExecutionRow]:
    rows = []
    for (unit, kind), plan_rows in sorted(planned.items()):
        done = {r.key: r.value for r in actual.get((unit, kind), [])}
        for row in plan_rows:
            if keys is not None and row.key not in keys:
                continue
            rows.append(
                ExecutionRow(
                    code=indicator.code,
                    label=indicator.display_name(language),
                    unit=unit,
                    period_kind=kind,
                    planned=row.value,
                    actual=done.get(row.key),
                    rate=execution_rate(row.value, done.get(row.key)),
                    key=row.key,
                    subject=row.label,
                )
            )
    return rows


def _tree_values(pairing: Pairing) -> QuerySet[DataValue]:
    ids = pairing_descendant_ids(root=pairing)
    return DataValue.objects.filter(Q(pairing_id__in=ids) | Q(activity__pairing_id__in=ids))


def plan_execution(*, pairing: Pairing, year: int, language: str = "en") -> list[ExecutionRow]:
    """Plan against actual of ``pairing`` (with every pairing under it) in ``year``: one row per planned
    indicator, unit and period kind, the pairing's planned total beside its actual total."""
    rows = []
    for indicator, kind in _planned_keys(_tree_values(pairing), year):
        args = {"indicator": indicator.code, "year": year, "root": pairing, "period_kind": kind}
        planned = rollup_by_pairing(**args, kind=DataValueKind.PLANNED)  # type: ignore[arg-type]
        actual = rollup_by_pairing(**args)  # type: ignore[arg-type]
        rows += _rows(indicator, planned, actual, [str(pairing.pk)], language)
    return [replace(r, key="", subject="") for r in rows]


def recipient_execution(*, pairing: Pairing, year: int, language: str = "en") -> list[ExecutionRow]:
    """What was promised to each recipient of ``pairing``'s tree in ``year`` against what arrived: one row
    per pairing under ``pairing`` with a plan, named by its recipient area."""
    ids = pairing_descendant_ids(root=pairing)
    names = {
        str(p.pk): (p.recipient_area.display_name(language) if p.recipient_area else p.recipient_label)
        for p in Pairing.objects.filter(pk__in=ids).select_related("recipient_area", "recipient_organisation")
    }
    below = [key for key in names if key != str(pairing.pk)]
    rows = []
    for indicator, kind in _planned_keys(_tree_values(pairing), year):
        args = {"indicator": indicator.code, "year": year, "root": pairing, "period_kind": kind}
        planned = rollup_by_pairing(**args, kind=DataValueKind.PLANNED)  # type: ignore[arg-type]
        actual = rollup_by_pairing(**args)  # type: ignore[arg-type]
        rows += _rows(indicator, planned, actual, below, language)
    return sorted([replace(r, subject=names[r.key]) for r in rows], key=lambda r: (r.subject, r.code))


def area_promised(*, area: Area, year: int, language: str = "en") -> list[ExecutionRow]:
    """What was promised to ``area`` in ``year`` against what arrived, from every donor: one row per
    planned indicator (values counted at their area, or at their pairing's recipient area)."""
    prefix = area.code[: _PREFIX.get(area.level, 6)]
    related = DataValue.objects.filter(
        Q(area__code__startswith=prefix) | Q(pairing__recipient_area__code__startswith=prefix)
    )
    rows = []
    for indicator, kind in _planned_keys(related, year):
        args = {"indicator": indicator.code, "year": year, "level": area.level, "period_kind": kind}
        planned = rollup_by_area(**args, kind=DataValueKind.PLANNED, language=language)  # type: ignore[arg-type]
        actual = rollup_by_area(**args, language=language)  # type: ignore[arg-type]
        rows += _rows(indicator, planned, actual, [area.code], language)
    return rows


@dataclass(frozen=True)
class BatchProgress:
    """A key-project batch of a plan: projects planned (of which for livelihoods), activities recorded
    in the batch under the plan's pairing, and how many of them have started."""

    number: int
    projects: int
    livelihood_projects: int | None
    recorded: int
    started: int


def batch_progress(*, plan: Plan) -> list[BatchProgress]:
    """The progress of each key-project batch of ``plan``."""
    ids = pairing_descendant_ids(root=plan.pairing)
    rows = []
    batch: KeyProjectBatch
    for batch in plan.batches.all():
        activities = Activity.objects.filter(pairing_id__in=ids, is_key_project=True, batch=batch.number)
        rows.append(
            BatchProgress(
                number=batch.number,
                projects=batch.projects,
                livelihood_projects=batch.livelihood_projects,
                recorded=activities.count(),
                started=activities.filter(status__in=STARTED).count(),
            )
        )
    return rows
