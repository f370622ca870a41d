"""Reads of plans: a pairing's plans, plan against actual (execution rate per indicator), what was
promised to a recipient area against what arrived, and the progress of key-project batches.

Planned and actual totals both come from the roll-ups
(:mod:`pairaid.indicators.rollups`), so a plan is compared with what was done under
the same rules: one unit and one period kind at a time, a stated total winning over
the sum below it, confirmed figures only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Q, QuerySet

from pairaid.activities.models import Activity, ActivityStatus
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, Indicator
from pairaid.indicators.rollups import Rollup, RollupRow, rollup_by_area, rollup_read, rollup_stated
from pairaid.indicators.selectors import indicators_by_code
from pairaid.plans.models import KeyProjectBatch, Plan
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids, pairing_index

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
    #: the subject states a planned figure of its own (not only through the pairings under it)
    stated: bool = True
    #: how many planned figures ``planned`` rests on
    plans: int = 1


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
    indicators = {i.pk: i for i in indicators_by_code().values()}
    found = [(indicators[i], kind) for i, kind in wanted if indicators[i].aggregation != "none"]
    return sorted(found, key=lambda item: (item[0].group, item[0].code, item[1]))


def _keys_stated(year: int, root: Pairing | None) -> list[tuple[Indicator, str]] | None:
    """:func:`_planned_keys` of ``root``'s tree (every pairing when None) from the statements the page read at
    once (:func:`pairaid.indicators.rollups.rollup_prefetch`), or None when it read none."""
    stated = rollup_stated(year=year, kind=DataValueKind.PLANNED, root=root)
    if stated is None:
        return None
    every = indicators_by_code()
    found = [(every[code], kind) for code, kind in stated]
    return sorted(found, key=lambda item: (item[0].group, item[0].code, item[1]))


def _tree_values(pairing: Pairing) -> QuerySet[DataValue]:
    ids = pairing_descendant_ids(root=pairing)
    return DataValue.objects.filter(Q(pairing_id__in=ids) | Q(activity__pairing_id__in=ids))


def _reads(keys: list[tuple[Indicator, str]], year: int, root: Pairing | None) -> dict[str, tuple[Rollup, Rollup]]:
    """Per period kind of ``keys``: the planned and the actual roll-ups of its indicators, each read once."""
    codes: dict[str, list[str]] = defaultdict(list)
    for indicator, kind in keys:
        codes[kind].append(indicator.code)
    return {
        kind: tuple(  # type: ignore[misc]
            rollup_read(indicators=listed, years=[year], root=root, kind=value_kind, period_kind=kind)
            for value_kind in (DataValueKind.PLANNED, DataValueKind.ACTUAL)
        )
        for kind, listed in codes.items()
    }


def plan_executions(*, year: int, root: Pairing | None = None, language: str = "en") -> dict[int, list[ExecutionRow]]:
    """Plan against actual in ``year`` of every pairing whose tree holds a plan (of ``root``'s tree only when
    given), by pairing id: one row per planned indicator, unit and period kind, the pairing's planned total
    beside its actual total. Two reads of the roll-ups per period kind, however many pairings plan. The
    roll-ups also total the pairings above ``root`` (a statement counts at every pairing above it): those
    are left out."""
    keys = _keys_stated(year, root)
    if keys is None:
        keys = _planned_keys(DataValue.objects.all() if root is None else _tree_values(root), year)
    reads = _reads(keys, year, root)
    tree = None if root is None else set(pairing_descendant_ids(root=root))
    found: dict[int, list[ExecutionRow]] = defaultdict(list)
    for indicator, kind in keys:
        planned_read, actual_read = reads[kind]
        actual = actual_read.pairing_totals(indicator.code, year)
        for (unit, period_kind), totals in sorted(planned_read.pairing_totals(indicator.code, year).items()):
            done = actual.get((unit, period_kind), {})
            for pairing_id in totals:
                if tree is not None and pairing_id not in tree:
                    continue
                total = totals[pairing_id]
                planned = total.value
                value = done[pairing_id].value if pairing_id in done else None
                found[pairing_id].append(
                    ExecutionRow(
                        code=indicator.code,
                        label=indicator.display_name(language),
                        unit=unit,
                        period_kind=period_kind,
                        planned=planned,
                        actual=value,
                        rate=execution_rate(planned, value),
                        stated=any(s.node == pairing_id for s in (*total.kept, *total.covered)),
                        plans=total.value_count,
                    )
                )
    return dict(found)


def pairing_execution(
    *, pairing: Pairing, year: int, language: str = "en", executions: dict[int, list[ExecutionRow]] | None = None
) -> tuple[list[ExecutionRow], list[ExecutionRow]]:
    """Plan against actual of ``pairing`` (with every pairing under it) in ``year``, and what was promised
    to each recipient of its tree against what arrived (one row per pairing under it that states a plan of
    its own, named by its recipient area: a pairing between them that plans nothing itself is not listed with
    its child's plan, which would show one plan twice), read together (``executions``: :func:`plan_executions`
    of ``pairing``'s tree, if read already)."""
    if executions is None:
        executions = plan_executions(year=year, root=pairing, language=language)
    below = [pk for pk in executions if pk != pairing.pk]
    index = pairing_index()
    names = {
        p.pk: (p.recipient_area.display_name(language) if p.recipient_area else p.recipient_label)
        for p in (index[pk] for pk in below)
    }
    recipients = [replace(r, key=str(pk), subject=names[pk]) for pk in below for r in executions[pk] if r.stated]
    return executions.get(pairing.pk, []), sorted(recipients, key=lambda r: (r.subject, r.code))


def plan_execution(*, pairing: Pairing, year: int, language: str = "en") -> list[ExecutionRow]:
    """Plan against actual of ``pairing`` (with every pairing under it) in ``year``: one row per planned
    indicator, unit and period kind, the pairing's planned total beside its actual total."""
    return pairing_execution(pairing=pairing, year=year, language=language)[0]


def recipient_execution(*, pairing: Pairing, year: int, language: str = "en") -> list[ExecutionRow]:
    """What was promised to each recipient of ``pairing``'s tree in ``year`` against what arrived: one row
    per pairing under ``pairing`` with a plan, named by its recipient area."""
    return pairing_execution(pairing=pairing, year=year, language=language)[1]


def area_promised(*, area: Area, year: int, language: str = "en") -> list[ExecutionRow]:
    """What was promised to ``area`` in ``year`` against what arrived, from every donor: one row per
    planned indicator (values counted at their area, or at their pairing's recipient area)."""
    prefix = area.code[: _PREFIX.get(area.level, 6)]
    related = DataValue.objects.filter(
        Q(area__code__startswith=prefix) | Q(pairing__recipient_area__code__startswith=prefix)
    )
    keys = _keys_stated(year, None)  # of every pairing: the area's own rows are kept below (_rows)
    if keys is None:
        keys = _planned_keys(related, year)
    reads = _reads(keys, year, None)
    rows = []
    for indicator, kind in keys:
        args = {"indicator": indicator.code, "year": year, "level": area.level, "language": language}
        planned = rollup_by_area(**args, rollup=reads[kind][0])  # type: ignore[arg-type]
        actual = rollup_by_area(**args, rollup=reads[kind][1])  # type: ignore[arg-type]
        rows += _rows(indicator, planned, actual, [area.code], language)
    return rows


def _rows(
    indicator: Indicator,
    planned: dict[tuple[str, str], list[RollupRow]],
    actual: dict[tuple[str, str], list[RollupRow]],
    keys: list[str],
    language: str,
) -> list[ExecutionRow]:
    rows = []
    for (unit, kind), plan_rows in sorted(planned.items()):
        done = {r.key: r.value for r in actual.get((unit, kind), [])}
        for row in plan_rows:
            if row.key not in keys:
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
