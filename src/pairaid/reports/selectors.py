"""The report context: every figure, table and chart a report shows, built from the stored data.

:func:`report_context` gives one pairing's annual report (the pairing and every pairing
under it); :func:`overview_context` the national overview of all top pairings. Both
return a :class:`~pairaid.reports.context.ReportContext` that every output format reads.
Totals come from the roll-ups (each stored figure counted once; the report says how
they were counted); figures are confirmed values only (accepted, corrected, entered)
unless ``include_extracted``. Every text is in the report's language.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Q

from pairaid.activities.selectors import of_pairings
from pairaid.checks.models import Finding
from pairaid.core.read_once import read_once
from pairaid.indicators.data_cache import data_cached
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, DataValueStatus, Indicator
from pairaid.indicators.money_rollups import rollup_by_channel, rollup_by_sector
from pairaid.indicators.rollups import Rollup, rollup_by_pairing, rollup_by_year, rollup_read
from pairaid.indicators.selectors import indicators_by_code
from pairaid.indicators.totals import TOTAL_PERIOD_KINDS, ScopeTotal, scope_totals
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids, pairing_list
from pairaid.reports import charts
from pairaid.reports.context import ReportContext, ReportValue
from pairaid.reports.headline import headline_quoted, report_opening
from pairaid.reports.labels import change_notes, labels
from pairaid.reports.map_data import map_arguments
from pairaid.reports.maps import china_map
from pairaid.reports.narrative import narrative
from pairaid.reports.rows import (
    Notes,
    activity_rows,
    channel_rows,
    finding_rows,
    report_values,
    source_rows,
    table_rows,
    tree_rows,
)
from pairaid.reports.set_aside import set_aside_lines
from pairaid.reports.versions import code_version
from pairaid.reports.year import reporting_year

#: Indicator groups of each report section (``spec/indicators.csv`` column ``group``).
SECTIONS = {
    "economy": ("economy",),
    "people": ("exchange", "training", "labour"),
    "results": ("funds", "projects", "results", "education", "health", "village", "outputs", "science"),
}
#: Groups whose totals lead a report.
HEADLINE_GROUPS = ("funds", "projects", "economy", "exchange", "training", "labour")
#: Figures of the recipient's economy (context figures of its areas, and the income they report).
RECIPIENT_GROUPS = ("context",)
RECIPIENT_CODES = ("income_increase_per_capita",)
#: How many figures of no pairing an overview lists at most (they are listed, never added).
UNPAIRED_SHOWN = 200
#: Finance types that are aid funds (glossary: all channels of the donor side's giving).
AID_CHANNELS = ("grant", "government_aid", "social_donation")


def _statuses(include_extracted: bool) -> list[str]:
    return [*CONFIRMED_STATUSES, DataValueStatus.EXTRACTED] if include_extracted else list(CONFIRMED_STATUSES)


def _headline_rollup(*, year: int, pairing: Pairing | None, include_extracted: bool) -> Rollup:
    """The statements of the headline indicators in ``year`` and the year before, read once."""
    codes = Indicator.objects.filter(group__in=HEADLINE_GROUPS, aggregation="sum").values_list("code", flat=True)
    return rollup_read(
        indicators=list(codes),
        years=[year - 1, year],
        root=pairing,
        include_extracted=include_extracted,
        period_kinds=TOTAL_PERIOD_KINDS,
    )


def _headline_totals(*, year: int, pairing: Pairing | None, rollup: Rollup) -> list[ScopeTotal]:
    """The totals that lead a report, in the order of :data:`HEADLINE_GROUPS`."""
    codes = Indicator.objects.filter(group__in=HEADLINE_GROUPS, aggregation="sum").values_list("code", flat=True)
    totals = scope_totals(year=year, pairing=pairing, codes=list(codes), rollup=rollup)
    return sorted(totals, key=lambda t: HEADLINE_GROUPS.index(t.indicator.group))


def _stored_values(qs: object, *, year: int, language: str, notes: Notes, include_extracted: bool) -> list[ReportValue]:
    rows = (
        qs.filter(status__in=_statuses(include_extracted), kind=DataValueKind.ACTUAL)  # type: ignore[attr-defined]
        .select_related("indicator", "pairing", "area", "activity", "evidence")
        .order_by("indicator__group", "indicator__code", "pk")
    )
    current = list(rows.filter(period_end__year=year))
    fields = ("indicator_id", "subject_key", "period_kind", "disaggregation", "unit")
    previous = {  # last year's figures, as plain rows: only their values are compared
        tuple(row[:-1]): row[-1]
        for row in rows.filter(period_end__year=year - 1, period_kind="year").values_list(*fields, "value")
    }
    return report_values(
        current, language=language, notes=notes, previous=previous, no_change=change_notes(year, language)
    )


def _sections(values: list[ReportValue], codes: dict[str, str]) -> dict[str, list[ReportValue]]:
    """The figures of each section; a group no section names (one an administrator added) is among the results."""
    named = {g for groups in SECTIONS.values() for g in groups} | set(RECIPIENT_GROUPS)
    found = {name: [f for f in values if codes.get(f.code) in groups] for name, groups in SECTIONS.items()}
    found["results"] += [f for f in values if codes.get(f.code) not in named]
    return found


def report_context(
    *, pairing: Pairing, year: int, language: str = "en", include_extracted: bool = False, with_charts: bool = True
) -> ReportContext:
    """The annual report of ``pairing`` (with every pairing under it) for ``year``. The pairing forest, the
    area tree and the codelist are read once for the whole report (:func:`pairaid.core.read_once.read_once`)."""
    with read_once():
        context, drawn = data_cached(
            _key("report", pairing.pk, year, language, include_extracted, with_charts, _findings_state(year)),
            lambda: _report_context(
                pairing=pairing,
                year=year,
                language=language,
                include_extracted=include_extracted,
                with_charts=with_charts,
            ),
        )
        _draw(context, drawn)
        return context


def _key(*parts: object) -> str:
    """The key of a report in the shared cache: what it is, its parameters and the site's address (evidence
    links are absolute). Reports are kept under the database's count of changes to everything they are read
    from (figures, pairings, areas, activities, transactions, the codelist, organisations, evidence, documents,
    events, plans, the rubric, datasets: :mod:`pairaid.indicators.data_cache`), so a change to any shows at
    once; a pairing's report also under the state of the year's findings (:func:`_findings_state`), and the
    overview's findings are read afresh each time. The version of the code that builds them is part of the key
    (:func:`pairaid.reports.versions.code_version`): a release that builds them otherwise never reads the old."""
    return ":".join(["report", code_version(), *(str(p) for p in parts), settings.SITE_URL])


def _findings_state(year: int) -> str:
    """The year's findings as part of a key: how many and the newest id (a refresh of the checks replaces the
    findings of its scope by new rows, so any refresh or other write of them changes it)."""
    found = Finding.objects.filter(year=year).aggregate(n=Count("pk"), last=Max("pk"))
    return f"{found['n']}.{found['last']}"


#: What the charts of a report are drawn from: (what, arguments), kept with its figures (a chart holds the
#: functions that draw it, which are not kept; drawing one a second time reads the chart cache).
Drawn = list[tuple[str, dict[str, Any]]]


def _draw(context: ReportContext, drawn: Drawn) -> None:
    for what, arguments in drawn:
        if what == "charts":
            context.charts.update(charts.report_charts(**arguments))
        else:
            context.charts[what] = china_map(**arguments)


def _report_context(
    *, pairing: Pairing, year: int, language: str, include_extracted: bool, with_charts: bool
) -> tuple[ReportContext, Drawn]:
    """The pairing's report, and what its charts are drawn from."""
    lab = labels(language)
    ids = pairing_descendant_ids(root=pairing)
    groups = dict(Indicator.objects.values_list("code", "group"))
    notes = Notes(language)
    aid = _headline_rollup(year=year, pairing=pairing, include_extracted=include_extracted)
    totals = _headline_totals(year=year, pairing=pairing, rollup=aid)
    pairing_values = _stored_values(
        DataValue.objects.filter(of_pairings(ids)),
        year=year,
        language=language,
        notes=notes,
        include_extracted=include_extracted,
    )
    recipient = _recipient_values(
        pairing=pairing, year=year, language=language, notes=notes, include_extracted=include_extracted
    )
    sections = _sections(pairing_values, groups)
    shown = notes.in_order([f for name in SECTIONS for f in sections[name]] + recipient)
    cut = [len(sections[name]) for name in SECTIONS]
    for name, size in zip(SECTIONS, cut, strict=True):
        sections[name], shown = shown[:size], shown[size:]
    recipient = shown
    by_pairing = rollup_by_pairing(indicator="aid_funds", year=year, root=pairing, rollup=aid).get(("CNY", "year"), [])
    before = rollup_by_pairing(indicator="aid_funds", year=year - 1, root=pairing, rollup=aid).get(("CNY", "year"), [])
    children = {str(c.pk) for c in pairing.children.all()}
    names = {p.pk: p.display_name(language) for p in pairing.children.select_related("donor_area", "recipient_area")}
    left_out = set_aside_lines(year=year, language=language, include_extracted=include_extracted, pairing_ids=ids)
    context = ReportContext(
        title=lab["report_title"].format(name=pairing.display_name(language), year=year),
        is_overview=False,
        **report_opening(
            totals, year=year, language=language, lab=lab, set_aside=left_out, scope=pairing.display_name(language)
        ),
        tree=tree_rows(root=pairing, totals={int(r.key): r.value for r in by_pairing}, language=language),
        **channel_rows(rollup_by_channel(year=year, root=pairing, language=language), language),
        sectors=table_rows(
            rollup_by_sector(year=year, root=pairing, finance_types=AID_CHANNELS, language=language), language
        ),
        pairings=table_rows(
            [replace(r, label=names.get(int(r.key), r.label)) for r in by_pairing if r.key in children],
            language,
            {r.key: r for r in before},
            no_change=change_notes(year, language),
        ),
        activities=activity_rows(pairing_ids=ids, year=year, language=language),
        economy=sections["economy"],
        people=sections["people"],
        results=sections["results"],
        recipient=recipient,
        findings=finding_rows(
            pairing_ids=ids, year=year, language=language, notes=notes, include_extracted=include_extracted
        ),
        sources=source_rows(pairing_values + recipient),
    )
    context.narrative = narrative(
        headline=context.headline, year=year, who=_donor_name(pairing, language), language=language, units=_units()
    )
    context.reporting_year = reporting_year(pairing=pairing, year=year, language=language, labels=lab)
    context.notes = notes.rows()
    drawn: Drawn = []
    if with_charts:
        years = rollup_by_year(
            indicator="aid_funds", years=range(year - 19, year + 1), root=pairing, include_extracted=include_extracted
        ).get("CNY", [])
        arguments = {"sectors": context.sectors, "years": years, "recipients": context.pairings}
        drawn.append(("charts", {**arguments, "labels": lab, "language": language}))
    return context, drawn


def _units() -> dict[str, str]:
    return {code: i.unit for code, i in indicators_by_code().items()}


def _donor_name(pairing: Pairing, language: str) -> str:
    """The donor side as the summary names it: its area ("Shandong Province", "山东省"), else the
    organisation or the name the registry holds."""
    area = pairing.donor_area
    if area is not None:
        return area.display_name(language)
    organisation = pairing.donor_organisation
    if organisation is not None:
        return organisation.name_zh if language.lower().startswith("zh") and organisation.name_zh else organisation.name
    return pairing.donor_label


def _recipient_values(
    *, pairing: Pairing, year: int, language: str, notes: Notes, include_extracted: bool
) -> list[ReportValue]:
    """Figures of the recipient's economy: context figures of its areas and the areas under them
    that no pairing states (GDP, fiscal revenue, fixed-asset investment, retail sales, income)."""
    if pairing.recipient_area_id is None:
        return []
    area = pairing.recipient_area
    assert area is not None
    prefix = area.code[: {"province": 2, "prefecture": 4}.get(area.level, 6)]
    qs = DataValue.objects.filter(
        Q(indicator__group__in=RECIPIENT_GROUPS) | Q(indicator__code__in=RECIPIENT_CODES),
        pairing__isnull=True,
        activity__isnull=True,
        area__code__startswith=prefix,
    )
    return _stored_values(qs, year=year, language=language, notes=notes, include_extracted=include_extracted)


def overview_context(
    *, year: int, language: str = "en", include_extracted: bool = False, with_charts: bool = True
) -> ReportContext:
    """The national overview for ``year``: national totals with change on last year, and every top pairing
    (the small tables read once for the whole overview, as for :func:`report_context`)."""
    with read_once():
        context, drawn = data_cached(
            _key("overview", year, language, include_extracted, with_charts),
            lambda: _overview_context(
                year=year, language=language, include_extracted=include_extracted, with_charts=with_charts
            ),
        )
        context.findings = finding_rows(
            pairing_ids=None,
            year=year,
            language=language,
            notes=Notes(language),
            include_extracted=include_extracted,
            limit=200,
        )
        _draw(context, drawn)
        return context


def _overview_context(
    *, year: int, language: str, include_extracted: bool, with_charts: bool
) -> tuple[ReportContext, Drawn]:
    """The overview but for its findings, and what its charts are drawn from."""
    lab = labels(language)
    aid = _headline_rollup(year=year, pairing=None, include_extracted=include_extracted)
    totals = _headline_totals(year=year, pairing=None, rollup=aid)
    by_pairing = rollup_by_pairing(indicator="aid_funds", year=year, rollup=aid).get(("CNY", "year"), [])
    before = {
        r.key: r for r in rollup_by_pairing(indicator="aid_funds", year=year - 1, rollup=aid).get(("CNY", "year"), [])
    }
    top = sorted((r for r in by_pairing if aid.forest.parent.get(int(r.key)) is None), key=lambda r: -r.value)
    names = {
        p.pk: p.display_name(language)
        for p in Pairing.objects.filter(pk__in=[int(r.key) for r in top]).select_related("donor_area", "recipient_area")
    }
    notes = Notes(language)
    not_counted: set[int] = set()  # held or set aside: never listed as if counted (issue 12)
    left_out = set_aside_lines(year=year, language=language, include_extracted=include_extracted, left_out=not_counted)
    no_pairing = DataValue.objects.filter(pairing__isnull=True, activity__isnull=True, organisation__isnull=True)
    # the economy of an area a pairing of the year receives aid in (Shule's GDP) is that pairing's recipient's
    # economy, not a figure no pairing fits: it has its section, and is not in the list of figures of no pairing
    economy = Q(indicator__group__in=RECIPIENT_GROUPS) | Q(indicator__code__in=RECIPIENT_CODES)
    received = Q(area__in=pairing_list(year=year).filter(recipient_area__isnull=False).values("recipient_area"))
    stored = partial(_stored_values, year=year, language=language, notes=notes, include_extracted=include_extracted)
    aided, kept = economy & received, no_pairing.exclude(pk__in=sorted(not_counted))
    recipient, unpaired = (stored(qs)[:UNPAIRED_SHOWN] for qs in (kept.filter(aided), kept.exclude(aided)))
    context = ReportContext(
        title=lab["overview_title"].format(year=year),
        is_overview=True,
        **report_opening(totals, year=year, language=language, lab=lab, set_aside=left_out, scope=lab["whole_scope"]),
        **channel_rows(rollup_by_channel(year=year, language=language), language),
        sectors=table_rows(rollup_by_sector(year=year, finance_types=AID_CHANNELS, language=language), language),
        pairings=table_rows(
            [replace(r, label=names.get(int(r.key), r.label)) for r in top],
            language,
            before,
            no_change=change_notes(year, language),
        ),
        sources=source_rows(recipient + unpaired, year=year, statuses=_statuses(include_extracted)),
    )
    # each headline total quotes the sentences of its largest statements, then the recipients' economy and the
    # figures of no pairing theirs
    quoted = headline_quoted(context.headline, totals, year=year, statuses=_statuses(include_extracted), notes=notes)
    shown = notes.in_order(quoted + recipient + unpaired)
    cut = len(quoted) + len(recipient)
    context.headline, context.recipient, context.unpaired = shown[: len(quoted)], shown[len(quoted) : cut], shown[cut:]
    context.notes = notes.rows()
    context.narrative = narrative(headline=context.headline, year=year, who=None, language=language, units=_units())
    drawn: Drawn = []
    if with_charts:
        years = rollup_by_year(
            indicator="aid_funds", years=range(year - 19, year + 1), include_extracted=include_extracted
        ).get("CNY", [])
        arguments = {"sectors": context.sectors, "years": years, "recipients": context.pairings[:20]}
        drawn.append(("charts", {**arguments, "labels": lab, "language": language}))
        drawn.append(("map", map_arguments(year=year, language=language, rollup=aid)))
    return context, drawn
