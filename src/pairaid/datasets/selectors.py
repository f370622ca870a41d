"""Reads of datasets: which dataset a pairing reports, its approval levels, the current submission
and its completeness (what is filled, by whom, what is missing)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet

from pairaid.accounts.models import Membership, Role
from pairaid.accounts.year_permissions import can_submission_approve, can_submission_freeze
from pairaid.activities.models import Activity
from pairaid.core.read_once import once
from pairaid.datasets.models import Dataset, Submission, SubmissionState, SubmissionValue
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, DataValueStatus, Indicator
from pairaid.indicators.selectors import indicators_by_code
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids


def dataset_get(*, code: str) -> Dataset:
    """The dataset with this code (raises ``Dataset.DoesNotExist``)."""
    return Dataset.objects.get(code=code)


def dataset_list() -> QuerySet[Dataset]:
    """Every dataset, in code order."""
    return Dataset.objects.order_by("code")


def dataset_for(*, pairing: Pairing) -> Dataset | None:
    """The dataset ``pairing`` reports: the first (by code) whose levels include its level, or that has none."""
    for dataset in _datasets():
        if not dataset.levels or pairing.level in dataset.levels:
            return dataset
    return None


def _datasets() -> list[Dataset]:
    return _datasets_and_forms()[0]


def dataset_indicators(*, dataset: Dataset) -> list[Indicator]:
    """The indicators of ``dataset`` in the order of its form."""
    return list(_datasets_and_forms()[1].get(dataset.pk, []))


def _datasets_and_forms() -> tuple[list[Dataset], dict[int, list[Indicator]]]:
    """Every dataset in code order and the indicators of each one's form, by dataset id: one query (the
    datasets joined to their forms' entries, a dataset with an empty form kept), read once per page
    (:mod:`pairaid.core.read_once`); the indicators are the codelist's, read once per page too."""

    def read() -> tuple[list[Dataset], dict[int, list[Indicator]]]:
        fields = [f.attname for f in Dataset._meta.concrete_fields]
        rows = Dataset.objects.order_by("code", "entries__position", "entries__pk").values_list(
            *fields, "entries__indicator_id"
        )
        indicators = {i.pk: i for i in indicators_by_code().values()}
        datasets: dict[int, Dataset] = {}
        forms: dict[int, list[Indicator]] = defaultdict(list)
        key = fields.index(Dataset._meta.pk.attname)
        for *values, indicator_id in rows:
            dataset = datasets.get(values[key])
            if dataset is None:
                dataset = datasets[values[key]] = Dataset.from_db(Dataset.objects.db, fields, values)
            if indicator_id is not None:
                forms[dataset.pk].append(indicators[indicator_id])
        return list(datasets.values()), dict(forms)

    return once("datasets_and_forms", read)


def pairing_ancestors(*, pairing: Pairing) -> list[Pairing]:
    """The pairings above ``pairing``, nearest first (one query per level; trees are three or four deep;
    within a request each pairing above is read once, however many pairings below it wait for approval)."""
    found: list[Pairing] = []
    current = pairing
    while (parent_id := current.parent_id) is not None and len(found) < 16:
        current = once(f"pairing_above:{parent_id}", lambda pk=parent_id: _pairing_above(pk))
        found.append(current)
    return found


def _pairing_above(pk: int) -> Pairing:
    return Pairing.objects.select_related("donor_area", "recipient_area").get(pk=pk)


def approval_levels(*, pairing: Pairing) -> list[Pairing | None]:
    """Who approves ``pairing``'s dataset, in order: each pairing above it (nearest first), then the
    national office (``None``)."""
    return [*pairing_ancestors(pairing=pairing), None]


def submission_level(*, submission: Submission) -> Pairing | None:
    """The level whose approval ``submission`` waits for (``None``: the national office).

    Raises:
        ValueError: the submission waits for no approval (it is not submitted).
    """
    if submission.state != SubmissionState.SUBMITTED:
        raise ValueError(f"submission {submission.pk} is {submission.state}, not waiting for an approval")
    return approval_levels(pairing=submission.pairing)[submission.approvals]


def submission_current(*, pairing: Pairing, year: int) -> Submission | None:
    """The latest version of ``pairing``'s dataset for ``year``, or None before the first submission."""
    return (
        Submission.objects.filter(pairing=pairing, year=year)
        .select_related("dataset", "pairing", "corrects")
        .order_by("-version")
        .first()
    )


def submission_versions(*, pairing: Pairing, year: int, with_values: bool = False) -> QuerySet[Submission]:
    """Every version of ``pairing``'s dataset for ``year``, newest first (``with_values``: with the values
    each froze and their indicators, read in one more query)."""
    qs = Submission.objects.filter(pairing=pairing, year=year).select_related("dataset").order_by("-version")
    if with_values:
        qs = qs.prefetch_related(Prefetch("values", queryset=SubmissionValue.objects.select_related("indicator")))
    return qs


def submissions_to_act_on(*, user: Any) -> list[Submission]:
    """The submissions waiting for ``user``: to approve at a level they hold, or (national office) to freeze."""
    waiting = Submission.objects.filter(state__in=(SubmissionState.SUBMITTED, SubmissionState.APPROVED))
    found = []
    sides = ("pairing__donor_area", "pairing__donor_organisation", "pairing__recipient_area")
    rows = waiting.select_related("dataset", "pairing", *sides, "pairing__recipient_organisation")
    for submission in rows.order_by("year", "pk"):
        if submission.state == SubmissionState.APPROVED:
            if can_submission_freeze(user):
                found.append(submission)
        elif can_submission_approve(user, submission_level(submission=submission)):
            found.append(submission)
    return found


@dataclass(frozen=True)
class CompletenessRow:
    """One indicator of a dataset: ``state`` is ``filled`` (a confirmed figure), ``to_review`` (only
    extracted ones) or ``missing``; ``value``/``unit`` the figure, ``by`` who entered or confirmed it."""

    code: str
    label: str
    state: str
    value: Decimal | None = None
    unit: str = ""
    by: str = ""
    data_value_id: int | None = None


@dataclass(frozen=True)
class Completeness:
    """How complete a pairing's dataset for a year is."""

    dataset: Dataset
    rows: tuple[CompletenessRow, ...]

    @property
    def filled(self) -> int:
        return sum(1 for row in self.rows if row.state == "filled")

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def percent(self) -> Decimal:
        """Filled indicators in percent of the dataset's, to one decimal (100 for an empty dataset)."""
        if not self.rows:
            return Decimal(100)
        return (Decimal(self.filled) * 100 / Decimal(self.total)).quantize(Decimal("0.1"))

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(row.code for row in self.rows if row.state != "filled")


def dataset_values(*, dataset: Dataset, pairing: Pairing, year: int) -> QuerySet[DataValue]:
    """The figures ``pairing``'s dataset for ``year`` holds: of its indicators, those of the pairing and of
    every pairing under it (and of their activities), with a period ending in ``year``, every status and kind.

    A pairing's return covers its tree, as its annual report does."""
    tree = pairing_descendant_ids(root=pairing)
    activities = Activity.objects.filter(pairing_id__in=tree).values("pk")
    return DataValue.objects.filter(
        Q(pairing_id__in=tree) | Q(activity_id__in=activities),
        indicator__in=dataset.indicators.all(),
        period_end__year=year,
    ).select_related("indicator", "updated_by")


def _who(values: list[DataValue]) -> dict[int, str]:
    """Who entered or last confirmed each of ``values``, by id: its ``updated_by``, else the last user in its
    history (one query for all of those)."""
    found = {v.pk: v.updated_by.get_username() for v in values if v.updated_by is not None}
    unknown = [v.pk for v in values if v.updated_by is None]
    if unknown:
        records = (
            DataValue.history.filter(id__in=unknown)  # type: ignore[attr-defined]
            .exclude(history_user=None)
            .select_related("history_user")
            .order_by("-history_date")
        )
        for record in records:
            found.setdefault(record.id, record.history_user.get_username())
    return found


def _completeness_rows(
    indicators: list[Indicator], values: list[DataValue], pairing_id: int, language: str, with_who: bool
) -> tuple[CompletenessRow, ...]:
    ordered = sorted(
        values, key=lambda v: (v.pairing_id != pairing_id, v.disaggregation, v.activity_id or 0, v.pk)
    )  # the pairing's own total first, then the figures below it
    firsts: dict[int, DataValue] = {}
    for value in ordered:
        if value.status in CONFIRMED_STATUSES:
            firsts.setdefault(value.indicator_id, value)
    who = _who(list(firsts.values())) if with_who else {}
    rows = []
    for indicator in indicators:
        label = indicator.display_name(language)
        if (first := firsts.get(indicator.pk)) is not None:
            by = who.get(first.pk, "")
            row = CompletenessRow(indicator.code, label, "filled", first.value, first.unit, by, first.pk)
        elif any(v.indicator_id == indicator.pk and v.status == DataValueStatus.EXTRACTED for v in ordered):
            row = CompletenessRow(indicator.code, label, "to_review")
        else:
            row = CompletenessRow(indicator.code, label, "missing")
        rows.append(row)
    return tuple(rows)


def completeness(
    *, pairing: Pairing, year: int, dataset: Dataset | None = None, language: str = "en", with_who: bool = True
) -> Completeness:
    """What ``pairing``'s dataset for ``year`` has filled (an actual confirmed figure of the indicator in the
    pairing's tree, its own total before its parts and before the figures below it), by whom (unless not
    ``with_who``: one query less per figure), and what is missing or only waiting for review.

    Raises:
        ValueError: no dataset is configured for the pairing's level.
    """
    dataset = dataset or dataset_for(pairing=pairing)
    if dataset is None:
        raise ValueError(f"no dataset is configured for {pairing.get_level_display()} pairings")
    values = list(dataset_values(dataset=dataset, pairing=pairing, year=year).filter(kind=DataValueKind.ACTUAL))
    rows = _completeness_rows(dataset_indicators(dataset=dataset), values, pairing.pk, language, with_who)
    return Completeness(dataset, rows)


def _trees(parent: dict[int, int | None], roots: set[int]) -> set[int]:
    """``roots`` and every pairing under one of them."""
    children: dict[int, list[int]] = defaultdict(list)
    for node, up in parent.items():
        if up is not None:
            children[up].append(node)
    found, frontier = set(roots), list(roots)
    while frontier:
        frontier = [c for node in frontier for c in children.get(node, ()) if c not in found]
        found.update(frontier)
    return found


def completeness_of_year(
    *, pairings: list[Pairing], year: int, language: str = "en", parent: dict[int, int | None] | None = None
) -> dict[int, Completeness]:
    """:func:`completeness` (without who filled what) of each of ``pairings`` whose level reports a dataset,
    by pairing id, read in four queries however many pairings there are (three given every pairing's
    ``parent`` id)."""
    datasets = _datasets()
    indicators = {d.pk: dataset_indicators(dataset=d) for d in datasets}
    if parent is None:
        parent = dict(Pairing.objects.values_list("pk", "parent_id"))
    held: dict[int, list[DataValue]] = defaultdict(list)
    values = (
        DataValue.objects.filter(
            indicator__in={i.pk for listed in indicators.values() for i in listed},
            period_end__year=year,
            kind=DataValueKind.ACTUAL,
        )
        .annotate(activity_pairing=F("activity__pairing_id"))
        .only("pk", "indicator_id", "pairing_id", "activity_id", "disaggregation", "status", "value", "unit")
    )
    under = _trees(parent, {p.pk for p in pairings})
    if len(under) < len(parent):  # only the values of the trees asked for (one pairing's: not the nation's)
        activities = list(Activity.objects.filter(pairing_id__in=under).values_list("pk", flat=True))
        values = values.filter(Q(pairing_id__in=under) | Q(activity_id__in=activities))
    for value in values:
        above: set[int] = set()
        for owner in {value.pairing_id, value.activity_pairing} - {None}:  # type: ignore[attr-defined]
            node: int | None = owner
            while node is not None and node not in above and len(above) < 64:
                above.add(node)
                node = parent.get(node)
        for node in above:
            held[node].append(value)
    found = {}
    for pairing in pairings:
        dataset = next((d for d in datasets if not d.levels or pairing.level in d.levels), None)
        if dataset is None:
            continue
        listed = indicators[dataset.pk]
        ids = {i.pk for i in listed}
        mine = [v for v in held.get(pairing.pk, []) if v.indicator_id in ids]
        found[pairing.pk] = Completeness(dataset, _completeness_rows(listed, mine, pairing.pk, language, False))
    return found


def editors_of(*, pairing: Pairing) -> list[Any]:
    """The users who edit ``pairing``: pairing editors of it or of a pairing above it."""
    ids = [pairing.pk, *(p.pk for p in pairing_ancestors(pairing=pairing))]
    memberships = Membership.objects.filter(role=Role.PAIRING_EDITOR, pairings__in=ids).select_related("user")
    return list({m.user.pk: m.user for m in memberships}.values())


def national_office_users() -> list[Any]:
    """The users of the national office."""
    return [m.user for m in Membership.objects.filter(role=Role.NATIONAL_OFFICE).select_related("user")]


def approvers_at(*, level: Pairing | None) -> list[Any]:
    """Who approves at ``level``: the editors of that pairing (or above it), or the national office."""
    return national_office_users() if level is None else editors_of(pairing=level)


def datavalue_locks(*, values: list[DataValue]) -> dict[int, Submission]:
    """The locked submission holding each of ``values`` that one holds, by data value id (as
    :func:`pairaid.datasets.locks.dataset_lock` finds it for one figure: its pairing's dataset or one above, the
    latest version), for a page of figures: a query per level of the pairings' trees and two more."""
    from pairaid.datasets.models import LOCKED_STATES, DatasetIndicator

    wanted = [v for v in values if v.pairing_id is not None and v.period_end is not None and v.indicator_id]
    if not wanted:
        return {}
    parents: dict[int, int | None] = {}
    frontier = {v.pairing_id for v in wanted}
    while frontier:
        found = dict(Pairing.objects.filter(pk__in=frontier).values_list("pk", "parent_id"))
        parents.update(found)
        frontier = {p for p in found.values() if p is not None and p not in parents}
    years = {v.period_end.year for v in wanted}  # type: ignore[union-attr]
    held: dict[tuple[int, int], list[Submission]] = defaultdict(list)
    named = ("pairing__donor_area", "pairing__recipient_area", "dataset")  # the notice names the pairing
    for s in Submission.objects.filter(pairing_id__in=parents, year__in=years).select_related(*named):
        held[(s.pairing_id, s.year)].append(s)
    if not any(s.state in LOCKED_STATES for group in held.values() for s in group):
        return {}
    datasets = {s.dataset_id for group in held.values() for s in group}
    holds = set(DatasetIndicator.objects.filter(dataset_id__in=datasets).values_list("dataset_id", "indicator_id"))
    locks: dict[int, Submission] = {}
    for value in wanted:
        owner: int | None = value.pairing_id
        while owner is not None:
            year = value.period_end.year  # type: ignore[union-attr]
            holding = [s for s in held[(owner, year)] if (s.dataset_id, value.indicator_id) in holds]
            latest = max(holding, key=lambda s: s.version, default=None)
            if latest is not None and latest.state in LOCKED_STATES:
                locks[value.pk] = latest
                break
            owner = parents.get(owner)
    return locks
