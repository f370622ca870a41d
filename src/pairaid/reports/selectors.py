"""The report context: every figure, table and chart a report shows, built from the stored data.

:func:`report_context` gives one pairing's annual report (the pairing and every
pairing under it); :func:`overview_context` the national overview of all top
pairings. Both return a :class:`ReportContext` that every output format reads.
Figures are confirmed values only (accepted, corrected, entered) unless
``include_extracted``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q, Sum

from pairaid.activities.models import Activity, Transaction
from pairaid.checks.models import Finding
from pairaid.core.change import change_percent
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueStatus
from pairaid.indicators.money_rollups import rollup_by_channel, rollup_by_sector
from pairaid.indicators.rollups import RollupRow, rollup_by_pairing, rollup_by_year, rollup_read
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids
from pairaid.reports import charts
from pairaid.reports.labels import labels, money, quantity

#: Indicator groups of each report section (``spec/indicators.csv`` column ``group``).
SECTIONS = {
    "headline": ("funds", "projects"),
    "economy": ("economy",),
    "people": ("exchange", "training", "labour"),
    "results": ("results", "education", "health", "village", "outputs", "science", "context"),
}
#: Finance types that are aid funds (glossary: all channels of the donor side's giving).
AID_CHANNELS = ("grant", "government_aid", "social_donation")
HEADLINE_INDICATORS = ("aid_funds", "grant_funds", "government_aid_funds", "social_donations", "aid_projects")


@dataclass(frozen=True)
class ReportFigure:
    """One figure as a report shows it, with where it came from.

    ``evidence_url`` is ``/documents/<id>/#span-<start>-<end>`` (None for an entered
    figure with no evidence); ``citation`` says the same in words for PDF-less formats.
    """

    code: str
    label: str
    subject: str
    value: Decimal
    unit: str
    shown: str
    period: str
    change: Decimal | None = None
    qualifier: str = "exact"
    disaggregation: str = ""
    status: str = "entered"
    evidence_url: str | None = None
    citation: str = ""


@dataclass(frozen=True)
class ActivityRow:
    """A row of the activities table: money in yuan (disbursed and spent in the year), outputs as text."""

    identifier: str
    title: str
    sector: str
    place: str
    money: Decimal
    shown_money: str
    outputs: str
    status: str


@dataclass(frozen=True)
class TableRow:
    """A row of a two-column table (channel, sector, pairing): label, value, shown value, change."""

    key: str
    label: str
    value: Decimal
    shown: str
    change: Decimal | None = None


@dataclass(frozen=True)
class SourceRow:
    """A document the report's figures came from."""

    id: int
    title: str
    address: str
    url: str


@dataclass(frozen=True)
class FindingRow:
    """A stored finding of the checks."""

    severity: str
    rule: str
    message: str
    evidence_url: str | None
    citation: str


@dataclass
class ReportContext:
    """What every format of a report reads."""

    title: str
    year: int
    language: str
    labels: dict[str, str]
    is_overview: bool
    headline: list[ReportFigure] = field(default_factory=list)
    channels: list[TableRow] = field(default_factory=list)
    sectors: list[TableRow] = field(default_factory=list)
    pairings: list[TableRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    economy: list[ReportFigure] = field(default_factory=list)
    people: list[ReportFigure] = field(default_factory=list)
    results: list[ReportFigure] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    charts: dict[str, charts.Chart] = field(default_factory=dict)

    @property
    def has_figures(self) -> bool:
        """True when the report has a figure or a table row of its year to show (its activities do not
        count: one without dates is listed in every year)."""
        return any((self.headline, self.channels, self.sectors, self.pairings, self.economy, self.people, self.results))


def evidence_url(document_id: int, start: int, end: int) -> str:
    """The web page that shows a span of a document (served by the web app)."""
    return f"/documents/{document_id}/#span-{start}-{end}"


def _statuses(include_extracted: bool) -> list[str]:
    return [*CONFIRMED_STATUSES, DataValueStatus.EXTRACTED] if include_extracted else list(CONFIRMED_STATUSES)


def _period(value: DataValue, language: str) -> str:
    if value.period_kind == "cumulative":
        return f"{value.period_start.year}–{value.period_end.year}"
    if value.period_kind == "as_of":
        return f"{value.period_end.year}年末" if language.startswith("zh") else f"end of {value.period_end.year}"
    return str(value.period_end.year)


def _subject(value: DataValue, language: str) -> str:
    if value.activity_id:
        return (
            value.activity.title_zh if language.startswith("zh") and value.activity.title_zh else value.activity.title
        )
    if value.area_id:
        return value.area.display_name(language)
    return str(value.pairing) if value.pairing_id else ""


def _figure(value: DataValue, language: str, previous: dict[tuple[object, ...], Decimal]) -> ReportFigure:
    evidence = value.evidence
    url = evidence_url(evidence.document_id, evidence.start, evidence.end) if evidence else None
    citation = (
        f"{evidence.document.title or evidence.document_id}, characters {evidence.start}–{evidence.end}"
        if evidence
        else value.get_status_display()
    )
    key = (value.indicator_id, value.subject_key, value.period_kind, value.disaggregation, value.unit)
    change = (
        value.change_percent if value.change_percent is not None else change_percent(value.value, previous.get(key))
    )
    return ReportFigure(
        code=value.indicator.code,
        label=value.indicator.display_name(language),
        subject=_subject(value, language),
        value=value.value,
        unit=value.unit,
        shown=quantity(value.value, value.unit, language),
        period=_period(value, language),
        change=change,
        qualifier=value.qualifier,
        disaggregation=value.disaggregation,
        status=value.status,
        evidence_url=url,
        citation=citation,
    )


def _figures(*, pairing_ids: list[int], year: int, language: str, include_extracted: bool) -> list[ReportFigure]:
    # activities of the tree as a subquery (no join of every activity) and no document texts (only titles)
    tree_activities = Activity.objects.filter(pairing_id__in=pairing_ids).values("pk")
    qs = (
        DataValue.objects.filter(
            Q(pairing_id__in=pairing_ids) | Q(activity_id__in=tree_activities), status__in=_statuses(include_extracted)
        )
        .select_related("indicator", "pairing", "area", "activity", "evidence", "evidence__document")
        .defer("evidence__document__text")
    )
    current = list(qs.filter(period_end__year=year).order_by("indicator__group", "indicator__code", "pk"))
    previous = {
        (v.indicator_id, v.subject_key, v.period_kind, v.disaggregation, v.unit): v.value
        for v in qs.filter(period_end__year=year - 1, period_kind="year")
    }
    return [_figure(v, language, previous) for v in current]


def _section(figures: list[ReportFigure], groups: tuple[str, ...], codes: dict[str, str]) -> list[ReportFigure]:
    return [f for f in figures if codes.get(f.code) in groups]


def _activities(*, pairing_ids: list[int], year: int, language: str) -> list[ActivityRow]:
    from pairaid.activities.models import ActivityStatus
    from pairaid.core.codelists import sectors

    names = {s.code: (s.name_zh if language.startswith("zh") else s.name_en) for s in sectors()}
    # the year's activities only: an activity counts unless it starts after the year or ends before it
    # (an undated one counts in every year); its outputs of the year, loaded in one query
    of_year = DataValue.objects.filter(period_end__year=year, status__in=CONFIRMED_STATUSES).select_related("indicator")
    activities = (
        Activity.objects.filter(pairing_id__in=pairing_ids)
        .filter(Q(start_date__isnull=True) | Q(start_date__year__lte=year))
        .filter(Q(end_date__isnull=True) | Q(end_date__year__gte=year))
        .prefetch_related(
            "recipient_areas", Prefetch("data_values", queryset=of_year.order_by("indicator", "period_start", "pk"))
        )
        .order_by("identifier")
    )
    money_by_activity = dict(
        Transaction.objects.filter(
            activity__pairing_id__in=pairing_ids,
            value_date__year=year,
            transaction_type__in=("disbursement", "expenditure"),
        )
        .values_list("activity_id")
        .annotate(total=Sum("value"))
    )
    rows = []
    for a in activities:
        amount = money_by_activity.get(a.pk, Decimal(0))
        outputs = "; ".join(
            f"{v.indicator.display_name(language)} {quantity(v.value, v.unit, language)}"
            for v in a.data_values.all()
            if v.period_end.year == year and v.status in CONFIRMED_STATUSES
        )
        rows.append(
            ActivityRow(
                identifier=a.identifier,
                title=a.title_zh if language.startswith("zh") and a.title_zh else a.title,
                sector=names.get(a.sector, a.sector),
                place=", ".join(area.display_name(language) for area in a.recipient_areas.all()),
                money=amount,
                shown_money=money(amount, language) if amount else "",
                outputs=outputs,
                status=str(ActivityStatus(a.status).label),
            )
        )
    return rows


def _table(rows: list[RollupRow], language: str, previous: dict[str, Decimal] | None = None) -> list[TableRow]:
    return [
        TableRow(
            r.key,
            r.label,
            r.value,
            money(r.value, language) if r.unit == "CNY" else quantity(r.value, r.unit, language),
            change_percent(r.value, (previous or {}).get(r.key)),
        )
        for r in rows
    ]


def _findings(*, pairing_ids: list[int] | None, year: int) -> list[FindingRow]:
    qs = Finding.objects.filter(year=year, includes_extracted=False).select_related("evidence", "evidence__document")
    if pairing_ids is not None:
        qs = qs.filter(pairing_id__in=pairing_ids)
    rank = {"error": 0, "warning": 1, "info": 2}
    rows = [
        FindingRow(
            f.severity,
            f.rule,
            f.message,
            evidence_url(f.evidence.document_id, f.evidence.start, f.evidence.end) if f.evidence else None,
            f"{f.evidence.document.title}, characters {f.evidence.start}–{f.evidence.end}" if f.evidence else "",
        )
        for f in qs
    ]
    return sorted(rows, key=lambda r: rank.get(r.severity, 3))


def _sources(figures: list[ReportFigure]) -> list[SourceRow]:
    from pairaid.sources.models import SourceDocument

    ids = sorted({int(f.evidence_url.split("/")[2]) for f in figures if f.evidence_url})
    return [
        SourceRow(d.pk, d.title or d.filename or d.sha256[:12], d.address, f"/documents/{d.pk}/")
        for d in SourceDocument.objects.filter(pk__in=ids).order_by("pk")
    ]


def report_context(
    *, pairing: Pairing, year: int, language: str = "en", include_extracted: bool = False, with_charts: bool = True
) -> ReportContext:
    """The annual report of ``pairing`` (with every pairing under it) for ``year``."""
    from pairaid.indicators.models import Indicator

    lab = labels(language)
    ids = pairing_descendant_ids(root=pairing)
    codes = dict(Indicator.objects.values_list("code", "group"))
    figures = _figures(pairing_ids=ids, year=year, language=language, include_extracted=include_extracted)
    own = [f for f in figures if f.subject == str(pairing) and not f.disaggregation]
    headline = [f for f in own if f.code in HEADLINE_INDICATORS] or _section(own, SECTIONS["headline"], codes)
    rest = [f for f in figures if f not in headline]
    context = ReportContext(
        title=f"{pairing}: {lab['annual_report']} {year}",
        year=year,
        language=language,
        labels=lab,
        is_overview=False,
        headline=headline,
        channels=_table(rollup_by_channel(year=year, root=pairing, language=language), language),
        sectors=_table(
            rollup_by_sector(year=year, root=pairing, finance_types=AID_CHANNELS, language=language), language
        ),
        activities=_activities(pairing_ids=ids, year=year, language=language),
        economy=_section(rest, SECTIONS["economy"], codes),
        people=_section(rest, SECTIONS["people"], codes),
        results=_section(rest, SECTIONS["results"] + SECTIONS["headline"], codes),
        findings=_findings(pairing_ids=ids, year=year),
        sources=_sources(figures),
    )
    by_pairing = rollup_by_pairing(indicator="aid_funds", year=year, root=pairing, include_extracted=include_extracted)
    children = {str(c.pk) for c in pairing.children.all()}
    context.pairings = _table([r for r in by_pairing.get(("CNY", "year"), []) if r.key in children], language)
    if with_charts:
        years = rollup_by_year(
            indicator="aid_funds", years=range(year - 9, year + 1), root=pairing, include_extracted=include_extracted
        ).get("CNY", [])
        context.charts = charts.report_charts(
            sectors=context.sectors, years=years, recipients=context.pairings, labels=lab, language=language
        )
    return context


def overview_context(
    *, year: int, language: str = "en", include_extracted: bool = False, with_charts: bool = True
) -> ReportContext:
    """The national overview for ``year``: national totals with change on last year, and every top pairing."""
    from pairaid.indicators.models import Indicator

    lab = labels(language)
    items = list(
        Indicator.objects.filter(
            group__in=("funds", "projects", "economy", "exchange", "training", "labour"), aggregation="sum"
        ).order_by("group", "code")
    )
    rollup = rollup_read(
        indicators=[i.code for i in items], years=[year - 1, year], include_extracted=include_extracted
    )
    headline = []
    for item in items:
        now, before = rollup.national(item.code, year), rollup.national(item.code, year - 1)
        for (unit, _kind), total in sorted(now.items()):
            previous = before.get((unit, _kind))
            headline.append(
                ReportFigure(
                    code=item.code,
                    label=item.display_name(language),
                    subject="",
                    value=total.value,
                    unit=unit,
                    shown=quantity(total.value, unit, language),
                    period=str(year),
                    change=change_percent(total.value, previous.value if previous else None),
                    citation=lab["generated"],
                )
            )
    by_pairing = rollup_by_pairing(indicator="aid_funds", year=year, rollup=rollup)
    by_pairing_before = rollup_by_pairing(indicator="aid_funds", year=year - 1, rollup=rollup)
    roots = set(Pairing.objects.filter(parent__isnull=True).values_list("pk", flat=True))
    top = [r for r in by_pairing.get(("CNY", "year"), []) if int(r.key) in roots]
    before = {r.key: r.value for r in by_pairing_before.get(("CNY", "year"), [])}
    context = ReportContext(
        title=f"{lab['overview_report']} {year}",
        year=year,
        language=language,
        labels=lab,
        is_overview=True,
        headline=headline,
        channels=_table(rollup_by_channel(year=year, language=language), language),
        sectors=_table(rollup_by_sector(year=year, finance_types=AID_CHANNELS, language=language), language),
        pairings=_table(sorted(top, key=lambda r: -r.value), language, before),
        findings=_findings(pairing_ids=None, year=year)[:200],
    )
    if with_charts:
        years = rollup_by_year(
            indicator="aid_funds", years=range(year - 9, year + 1), include_extracted=include_extracted
        ).get("CNY", [])
        context.charts = charts.report_charts(
            sectors=context.sectors, years=years, recipients=context.pairings[:20], labels=lab, language=language
        )
    return context
