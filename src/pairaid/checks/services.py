"""Writes of findings: run the checks over data values and store what they find."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from pairaid.activities.models import Activity
from pairaid.checks.channel_totals import RULE as CHANNEL_TOTAL_RULE
from pairaid.checks.channel_totals import channel_totals
from pairaid.checks.freshness import findings_changed, findings_fresh, findings_noted, findings_signature
from pairaid.checks.models import Finding
from pairaid.checks.selectors import checked_values_of, datavalues_to_check
from pairaid.core.checks import CheckConfig, run_checks
from pairaid.core.numbers import format_decimal
from pairaid.core.read_once import read_once
from pairaid.indicators.data_cache import data_changes
from pairaid.indicators.models import DataValue, DataValueStatus
from pairaid.indicators.selectors import indicator_codelist
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids


@dataclass(frozen=True)
class RefreshResult:
    """How many findings a refresh stored, by severity."""

    errors: int
    warnings: int
    infos: int

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


#: What a finding says, compared before and after a refresh (:mod:`pairaid.checks.freshness`).
_SAID = ("rule", "severity", "message", "values", "pairing_id", "year")


def findings_refresh_if_stale(
    *, pairing: Pairing | None = None, year: int | None = None, include_extracted: bool = False
) -> RefreshResult | None:
    """:func:`findings_refresh` unless the scope's findings are fresh (nothing they are made of changed since
    the last refresh of that scope: :func:`pairaid.checks.freshness.findings_fresh`); None when skipped."""
    pairing_id = pairing.pk if pairing is not None else None
    if findings_fresh(pairing_id=pairing_id, year=year, include_extracted=include_extracted):
        return None
    return findings_refresh(pairing=pairing, year=year, include_extracted=include_extracted)


@read_once()  # the pairing forest, the area tree and the codelist read once for the whole refresh
def findings_refresh(
    *,
    pairing: Pairing | None = None,
    year: int | None = None,
    include_extracted: bool = False,
    config: CheckConfig | None = None,
    unpaired: bool = False,
) -> RefreshResult:
    """Run :func:`pairaid.core.checks.run_checks` over the data values and replace the stored findings.

    The scope is ``pairing`` (with every pairing under it) and ``year`` (a finding's
    year is the latest year among its figures); ``None`` means all. Confirmed values
    (accepted, corrected, entered) are checked, and extracted ones too with
    ``include_extracted``. Findings of the scope are deleted first, so running it
    again gives the same findings. The checks read the indicator codelist in the database
    (:func:`pairaid.indicators.selectors.indicator_codelist`) unless ``config`` gives one. With ``unpaired``
    (and no ``pairing``), the scope is the figures of no pairing nor activity (an area's own, nationwide
    ones) and the findings about them alone: what a change of such a figure refreshes.

    The checks run before the transaction that replaces the findings begins, so that the write lock (SQLite's
    whole file, from BEGIN IMMEDIATE to the commit) is held while the findings are replaced, not while they
    are found: six ``pairaid report --overview --year Y`` at once, each refreshing its year's findings, waited
    for each other's checks in turn and the last gave up after the 20 s busy timeout ("database is locked",
    issue 12). When anything the checks read was written meanwhile (the database's count of changes moved),
    they run again inside the transaction, as they all did before.
    """
    scope = _Scope(pairing, year, include_extracted, unpaired, config)
    changes = data_changes()  # before reading: a write after this makes the findings stale
    found = _findings_found(scope)
    with transaction.atomic():
        now = data_changes()
        if now != changes:  # written while the checks ran: run them again, the lock held
            changes, found = now, _findings_found(scope)
        return _findings_stored(found, scope, changes=changes)


@dataclass(frozen=True)
class _Scope:
    """What a refresh checks (:func:`findings_refresh`'s arguments)."""

    pairing: Pairing | None
    year: int | None
    include_extracted: bool
    unpaired: bool
    config: CheckConfig | None


_Found = tuple[dict[str, int], list[tuple[Finding, list[dict[str, Any]]]]]


def _findings_found(scope: _Scope) -> _Found:
    """The findings of the scope (not stored), each with its figures (rows of the checks' read), and how many of
    each severity: reads only."""
    pairing, year, include_extracted, unpaired = scope.pairing, scope.year, scope.include_extracted, scope.unpaired
    config = scope.config
    rows = list(datavalues_to_check(pairing=pairing, year=year, include_extracted=include_extracted, unpaired=unpaired))
    by_id = {str(r["pk"]): r for r in rows}
    findings = run_checks(checked_values_of(rows), config or CheckConfig(codelist=indicator_codelist()))
    counts = {"error": 0, "warning": 0, "info": 0}
    new: list[tuple[Finding, list[dict[str, Any]]]] = []
    for found in findings:
        members = [by_id[i] for i in found.value_ids if i in by_id]
        finding_year = max(m["period_end"].year for m in members)
        if year is not None and finding_year != year:
            continue
        stored = Finding(
            rule=found.rule,
            severity=found.severity.value,
            message=found.message,
            values=[[label, format_decimal(value)] for label, value in found.values],  # exact: "28.2", not "28.2000"
            evidence_id=next((m["evidence_id"] for m in members if m["evidence_id"] is not None), None),
            pairing_id=members[0]["pairing_id"],
            year=finding_year,
            includes_extracted=include_extracted,
        )
        new.append((stored, members))
        counts[found.severity.value] += 1
    _own_by_activities([(stored, members[0]) for stored, members in new])
    overs = channel_totals(rows=rows, pairing=pairing, year=year, include_extracted=include_extracted)
    for over in [] if unpaired else overs:
        stored = Finding(
            rule=CHANNEL_TOTAL_RULE,
            severity="warning",
            message=over.message,
            values=[
                ["channel total", format_decimal(over.total)],
                ["aid funds total", format_decimal(over.aid_total)],
            ],
            evidence_id=next((m["evidence_id"] for m in over.members if m["evidence_id"] is not None), None),
            pairing_id=over.pairing_id,
            year=over.year,
            includes_extracted=include_extracted,
        )
        new.append((stored, list(over.members)))
        counts["warning"] += 1
    return counts, new


def _findings_stored(found: _Found, scope: _Scope, *, changes: int) -> RefreshResult:
    """Replace the scope's stored findings by ``found`` (in the caller's transaction) and note the refresh."""
    pairing, year, include_extracted, unpaired = scope.pairing, scope.year, scope.include_extracted, scope.unpaired
    config = scope.config
    counts, new = found
    old = Finding.objects.filter(includes_extracted=include_extracted)
    if pairing is not None:
        old = old.filter(pairing_id__in=pairing_descendant_ids(root=pairing))
    if year is not None:
        old = old.filter(year=year)
    if unpaired:  # the findings about figures of no pairing alone
        old = (
            old.filter(pairing__isnull=True)
            .exclude(rule=CHANNEL_TOTAL_RULE)
            .exclude(data_values__pairing__isnull=False)
            .exclude(data_values__activity__isnull=False)
        )
    before = findings_signature(old.values_list(*_SAID))
    old.delete()
    # in bulk: a national refresh stores thousands of findings
    Finding.objects.bulk_create([stored for stored, _ in new], batch_size=2000)
    through = Finding.data_values.through
    through.objects.bulk_create(
        [
            through(finding_id=stored.pk, datavalue_id=pk)
            for stored, members in new
            for pk in dict.fromkeys(m["pk"] for m in members)
        ],
        batch_size=5000,
    )
    changed = before != findings_signature(tuple(getattr(stored, f) for f in _SAID) for stored, _ in new)
    if unpaired:
        if changed:
            findings_changed(include_extracted=include_extracted)
    elif config is None:  # the findings of the codelist in the database are the ones kept
        findings_noted(
            pairing_id=pairing.pk if pairing is not None else None,
            year=year,
            include_extracted=include_extracted,
            changes=changes,
            changed=changed,
        )
    return RefreshResult(errors=counts["error"], warnings=counts["warning"], infos=counts["info"])


def _own_by_activities(pending: list[tuple[Finding, dict[str, Any]]]) -> None:
    """Give a finding whose first value has no pairing the pairing of that value's activity (one query)."""
    activity_ids = {row["activity_id"] for stored, row in pending if stored.pairing_id is None and row["activity_id"]}
    if not activity_ids:
        return
    owners = dict(Activity.objects.filter(pk__in=activity_ids).values_list("pk", "pairing_id"))
    for stored, row in pending:
        if stored.pairing_id is None and row["activity_id"]:
            stored.pairing_id = owners.get(row["activity_id"])


# --- findings kept fresh -------------------------------------------------------------------------


@dataclass
class _Queue:
    """Where figures changed in the transaction under way: (pairing, activity, year, confirmed) each."""

    changed: set[tuple[int | None, int | None, int, bool]]
    alias: str


_queue = threading.local()


def findings_refresh_on_commit(values: Iterable[DataValue], *, using: str = "default") -> None:
    """Re-run the checks where ``values`` changed (saved, accepted, corrected, imported, ingested),
    once, when the transaction commits (at once outside one).

    The scope is each value's top pairing (from its pairing or its activity's) and its year and the
    year after (a growth rate compares the two): the findings on confirmed figures when a changed
    figure is not a mere extracted one, and those counting extracted figures always (the review
    shows them). A value of no pairing nor activity (an area's own, a nationwide one) refreshes the findings
    about such figures alone, of its year and the year after.
    """
    changed = {(v.pairing_id, v.activity_id, v.period_end.year, v.status != DataValueStatus.EXTRACTED) for v in values}
    if not changed:
        return
    queue: _Queue | None = getattr(_queue, "pending", None)
    connection = transaction.get_connection(using)
    live = queue is not None and any(hook[1] == _flush for hook in connection.run_on_commit)
    if queue is not None and live and queue.alias == using:
        queue.changed |= changed
        return
    _queue.pending = _Queue(changed=set(changed), alias=using)
    transaction.on_commit(_flush, using=using)


def _flush() -> None:
    queue: _Queue | None = getattr(_queue, "pending", None)
    _queue.pending = None
    if queue is None:
        return
    activity_ids = {a for _, a, _, _ in queue.changed if a}
    owner = dict(Activity.objects.filter(pk__in=activity_ids).values_list("pk", "pairing_id")) if activity_ids else {}
    parent = dict(Pairing.objects.values_list("pk", "parent_id"))

    def top(pk: int | None) -> int | None:
        seen = set()
        while pk is not None and parent.get(pk) is not None and pk not in seen:
            seen.add(pk)
            pk = parent[pk]
        return pk

    scopes: dict[tuple[int, int], bool] = {}
    alone: dict[int, bool] = {}  # years of changed figures of no pairing nor activity
    for pairing_id, activity_id, year, confirmed in queue.changed:
        if pairing_id is None and activity_id is None:
            for y in (year, year + 1):
                alone[y] = alone.get(y, False) or confirmed
            continue
        root = top(pairing_id or owner.get(activity_id or 0))
        if root is None:
            continue
        for y in (year, year + 1):
            scopes[(root, y)] = scopes.get((root, y), False) or confirmed
    roots = Pairing.objects.in_bulk({root for root, _ in scopes})
    for (root, year), confirmed in sorted(scopes.items()):
        if root not in roots:
            continue
        if confirmed:
            findings_refresh(pairing=roots[root], year=year)
        findings_refresh(pairing=roots[root], year=year, include_extracted=True)
    for year, confirmed in sorted(alone.items()):
        if confirmed:
            findings_refresh(year=year, unpaired=True)
        findings_refresh(year=year, include_extracted=True, unpaired=True)
