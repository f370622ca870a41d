"""Reads of indicators and data values."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db.models import Max, Q, QuerySet

from pairaid.activities.models import Activity
from pairaid.activities.selectors import of_pairings
from pairaid.core.codelists import Indicator as CodelistIndicator
from pairaid.core.codelists import codelist_digest
from pairaid.core.errors import CodelistError
from pairaid.core.filters import given_filters
from pairaid.core.read_once import once
from pairaid.geo.models import Area
from pairaid.indicators.models import (
    CONFIRMED_STATUSES,
    DATAVALUE_KEY_FIELDS,
    CodelistFile,
    DataValue,
    DataValueKind,
    DataValueStatus,
    Indicator,
    subject_key,
)
from pairaid.indicators.restatements import conflict_groups
from pairaid.registry.models import Organisation, Pairing
from pairaid.registry.selectors import pairing_tree


def indicator_get(*, code: str) -> Indicator:
    """The indicator with this code (raises ``Indicator.DoesNotExist``)."""
    return Indicator.objects.get(code=code)


def indicator_find(*, code: str) -> Indicator | None:
    """The indicator with this code, or ``None`` when the codelist has none (a code typed by a person)."""
    return Indicator.objects.filter(code=code).first()


def indicator_list(*, group: str | None = None, aggregation: str | None = None) -> QuerySet[Indicator]:
    """Indicators of the codelist, optionally of one group or one ``aggregation`` (``sum``: those whose
    values add up, ``none``: those that do not), in code order."""
    return Indicator.objects.filter(**given_filters(group=group, aggregation=aggregation)).order_by("code")


def codelist_changed() -> bool:
    """Whether the indicator codelist file differs from the one last synced (its SHA-256), or was never synced."""
    stored = CodelistFile.objects.filter(name="indicators.csv").values_list("sha256", flat=True).first()
    return stored != codelist_digest()


def indicators_by_code() -> dict[str, Indicator]:
    """Every indicator by code, in codelist group and code order: one query, read once per page
    (:mod:`pairaid.core.read_once`), however many of the page's reads name indicators."""
    return once("indicators_by_code", lambda: {i.code: i for i in Indicator.objects.order_by("group", "code")})


def indicator_codelist() -> tuple[CodelistIndicator, ...]:
    """The indicator codelist as it stands in the database (seeded from the CSV, plus every indicator an
    administrator added), in the order the indicators were added, as the core's records.

    What reads the codelist at run time (the checks, the yearly form) reads it here, not from the CSV.
    """
    return tuple(
        CodelistIndicator(
            code=i.code,
            group=i.group,
            name_en=i.name_en,
            name_zh=i.name_zh,
            unit=i.unit,
            value_type=i.value_type,
            default_kind="stock" if i.default_kind == "stock" else "flow",
            aggregation=i.aggregation,
            cues="",
        )
        for i in Indicator.objects.order_by("pk")
    )


def datavalue_list(
    *,
    indicator: str | Iterable[str] | None = None,
    pairing: Pairing | None = None,
    pairing_ids: Sequence[int] | None = None,
    area: Area | None = None,
    activity: Activity | None = None,
    organisation: Organisation | None = None,
    subject: str | None = None,
    year: int | None = None,
    period_kind: str | None = None,
    disaggregation: str | None = None,
    statuses: Iterable[str] | None = CONFIRMED_STATUSES,
    kind: str | None = DataValueKind.ACTUAL,
) -> QuerySet[DataValue]:
    """Data values, filtered; by default only confirmed actual ones (accepted, corrected, entered).

    * ``indicator``: one code or several.
    * ``pairing`` / ``pairing_ids``: values whose subject includes that pairing, or
      one of these pairings (activity outputs of the pairing's activities count too).
    * ``subject``: ``"pairing"`` keeps values about a pairing itself (no activity,
      no area), ``"area"`` values about an area, ``"activity"`` activity outputs.
    * ``year``: values whose period ends in that year (a flow of that year, a stock
      at its end, a cumulative total up to it).
    * ``disaggregation``: ``""`` keeps totals only.
    * ``statuses``: ``None`` for every status.
    * ``kind``: ``planned`` or ``target`` for a plan's or a target's figures, ``None`` for every kind.
    """
    qs = DataValue.objects.select_related("indicator", "pairing", "area", "activity", "organisation", "part_of")
    if indicator is not None:
        codes = [indicator] if isinstance(indicator, str) else list(indicator)
        qs = qs.filter(indicator__code__in=codes)
    if pairing is not None:
        qs = qs.filter(Q(pairing=pairing) | Q(activity__pairing=pairing))
    if pairing_ids is not None:
        qs = qs.filter(Q(pairing_id__in=pairing_ids) | Q(activity__pairing_id__in=pairing_ids))
    if area is not None:
        qs = qs.filter(area=area)
    if activity is not None:
        qs = qs.filter(activity=activity)
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    if subject == "pairing":
        qs = qs.filter(pairing__isnull=False, activity__isnull=True, area__isnull=True)
    elif subject == "area":
        qs = qs.filter(area__isnull=False, activity__isnull=True)
    elif subject == "activity":
        qs = qs.filter(activity__isnull=False)
    if year is not None:
        qs = qs.filter(period_end__year=year)
    if period_kind:
        qs = qs.filter(period_kind=period_kind)
    if disaggregation is not None:
        qs = qs.filter(disaggregation=disaggregation)
    if statuses is not None:
        qs = qs.filter(status__in=list(statuses))
    if kind is not None:
        qs = qs.filter(kind=kind)
    return qs


def datavalue_get(*, pk: int) -> DataValue:
    """The data value with this id, with its indicator, subject and who last changed it (raises
    ``DataValue.DoesNotExist``)."""
    return DataValue.objects.select_related(
        "indicator", "pairing", "area", "activity", "organisation", "updated_by"
    ).get(pk=pk)


def datavalue_confirmed_twin(dv: DataValue) -> DataValue | None:
    """The confirmed figure other than ``dv`` with ``dv``'s key (indicator, subject as it stands in memory,
    period, disaggregation, kind), or ``None``: the figure ``dv`` would repeat if it were confirmed too."""
    key = {field: getattr(dv, field) for field in DATAVALUE_KEY_FIELDS}
    key["subject_key"] = subject_key(
        pairing_id=dv.pairing_id, area_id=dv.area_id, activity_id=dv.activity_id, organisation_id=dv.organisation_id
    )
    return DataValue.objects.filter(**key, status__in=CONFIRMED_STATUSES).exclude(pk=dv.pk).first()


def datavalue_headline(*, root: Pairing, year: int, statuses: Iterable[str] = CONFIRMED_STATUSES) -> list[DataValue]:
    """The figures of a pairing tree for ``year``: those about its pairings, then those about their recipient areas.

    Activity outputs are left out (see ``datavalue_list(subject="activity")``).
    Values about pairings come in tree order (depth first), then values about areas;
    within a subject, the model's order (indicator, period, id).
    """
    tree = pairing_tree(root=root).walk()
    ids = [p.pk for p in tree]
    area_ids = {p.recipient_area_id for p in tree if p.recipient_area_id is not None}
    about_pairings = datavalue_list(pairing_ids=ids, subject="pairing", year=year, statuses=statuses)
    about_areas = datavalue_list(subject="area", year=year, statuses=statuses).filter(area_id__in=area_ids)
    position = {pk: i for i, pk in enumerate(ids)}
    ordered = sorted(about_pairings, key=lambda v: position.get(v.pairing_id or 0, len(ids)))
    return ordered + list(about_areas)


def confirmed_datavalue_years() -> list[int]:
    """The years confirmed figures' periods end in, oldest first."""
    return sorted({d.year for d in DataValue.objects.filter(status__in=CONFIRMED_STATUSES).dates("period_end", "year")})


def indicator_search(*, text: str, limit: int) -> list[Indicator]:
    """The first ``limit`` indicators whose English or Chinese name or code contains ``text`` (the search page)."""
    named = Q(name_en__icontains=text) | Q(name_zh__icontains=text) | Q(code__icontains=text)
    return list(Indicator.objects.filter(named)[:limit])


def last_datavalue_year() -> int | None:
    """The latest year a confirmed figure's period ends in, or None when there is none."""
    last = DataValue.objects.filter(status__in=CONFIRMED_STATUSES).aggregate(last=Max("period_end"))["last"]
    return last.year if last else None


def indicator_given(code_or_indicator: str | Indicator) -> Indicator:
    """The indicator given, or the one of the code given; raises :class:`CodelistError` for a code the codelist
    does not hold."""
    if isinstance(code_or_indicator, Indicator):
        return code_or_indicator
    found = indicator_find(code=code_or_indicator)
    if found is None:
        raise CodelistError(f"unknown indicator code {code_or_indicator!r}")
    return found


def confirmed_actuals_of_year(*, year: int) -> QuerySet[DataValue]:
    """The confirmed actual data values whose period ends in ``year``, with their indicators, in indicator,
    then period order (what an activity achieved in the year)."""
    return (
        DataValue.objects.filter(period_end__year=year, status__in=CONFIRMED_STATUSES, kind=DataValueKind.ACTUAL)
        .select_related("indicator")
        .order_by("indicator", "period_start", "pk")
    )


def evidence_document_ids_of_year(*, year: int, statuses: Iterable[str], limit: int) -> list[int]:
    """The ids of at most ``limit`` documents that the data values of ``year`` with these statuses were read from."""
    stated = DataValue.objects.filter(period_end__year=year, status__in=statuses, evidence__isnull=False)
    return list(stated.values_list("evidence__document_id", flat=True).distinct()[:limit])


def activity_outputs(*, activity: Activity) -> QuerySet[DataValue]:
    """The data values of ``activity`` (what it achieved or plans), with their indicators, in indicator,
    then period order."""
    return activity.data_values.select_related("indicator")


#: Where a total's statement is: (indicator id, unit, period kind, node, of an area, the node's outputs).
StatementPlace = tuple[int, str, str, int, bool, bool]


def figures_quoted(
    *, year: int, statuses: Sequence[str], places: Iterable[StatementPlace]
) -> dict[StatementPlace, DataValue]:
    """For each place of a total's statement, one stored actual figure of ``year`` there with evidence (the
    largest, with its evidence loaded): what a report quotes for the statement. One query."""
    wanted = set(places)
    if not wanted:
        return {}
    nodes = {p[3] for p in wanted if not p[4]}
    areas = {p[3] for p in wanted if p[4]}
    qs = (
        DataValue.objects.filter(
            indicator_id__in={p[0] for p in wanted},
            period_end__year=year,
            status__in=list(statuses),
            kind=DataValueKind.ACTUAL,
            disaggregation="",
            evidence__isnull=False,
        )
        .filter(
            Q(pairing_id__in=nodes)
            | Q(activity__pairing_id__in=nodes)
            | Q(area_id__in=areas, pairing__isnull=True, activity__isnull=True)
        )
        .select_related("evidence", "activity")
        .order_by("-value", "pk")
    )
    found: dict[StatementPlace, DataValue] = {}
    for v in qs:
        beside = v.activity_id is not None or (v.pairing_id is not None and v.area_id is not None)
        if v.pairing_id is None and v.activity_id is None:
            place: StatementPlace = (v.indicator_id, v.unit, v.period_kind, v.area_id or 0, True, False)
        else:
            owner = v.pairing_id if v.pairing_id is not None else v.activity.pairing_id  # type: ignore[union-attr]
            place = (v.indicator_id, v.unit, v.period_kind, owner or 0, False, beside and v.period_kind != "as_of")
        if place in wanted:
            found.setdefault(place, v)
    return found


def conflicts_set_aside(
    *, year: int, period_kinds: Sequence[str], pairing_ids: Iterable[int] | None = None
) -> list[tuple[list[DataValue], list[DataValue], list[DataValue]]]:
    """The figures of ``year`` told with different values among the extracted ones (the same indicator,
    subject, period, disaggregation, kind and unit), as the roll-ups read them with extracted figures: per
    figure, the values counted, those the kept total holds and those set aside
    (:func:`pairaid.indicators.restatements.conflict_groups`),
    with their indicator, subject and evidence's document. Totals of summed indicators, actual values of
    ``period_kinds``; of ``pairing_ids``' figures and their activities' when given."""
    summed = [i.pk for i in indicators_by_code().values() if i.aggregation != "none"]
    qs = DataValue.objects.filter(
        indicator_id__in=summed,
        disaggregation="",
        status=DataValueStatus.EXTRACTED,
        kind=DataValueKind.ACTUAL,
        period_kind__in=list(period_kinds),
        period_end__gte=datetime.date(year, 1, 1),
        period_end__lte=datetime.date(year, 12, 31),
    )
    if pairing_ids is not None:
        qs = qs.filter(of_pairings(list(pairing_ids)))
    groups = conflict_groups(qs)
    wanted = {pk for group in groups for ids in group for pk in ids}
    related = ("indicator", "pairing", "area", "activity", "evidence__document")
    loaded = DataValue.objects.select_related(*related).in_bulk(wanted) if wanted else {}
    return [
        ([loaded[pk] for pk in kept], [loaded[pk] for pk in held], [loaded[pk] for pk in set_aside])
        for kept, held, set_aside in groups
    ]
