"""Browsing pages: dashboard, pairing, area, activity, figure list, search."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from pairaid.accounts import permissions, registry_permissions
from pairaid.accounts import selectors as visible
from pairaid.accounts.selectors import visible_datavalue_list
from pairaid.activities.selectors import (
    activities_in_area,
    activities_of_pairing,
    activity_get,
    activity_transactions,
)
from pairaid.audit.selectors import history_entries, history_entries_of
from pairaid.checks.models import Finding
from pairaid.checks.selectors import tree_findings
from pairaid.geo.selectors import area_children, area_get
from pairaid.indicators.models import DataValueStatus
from pairaid.indicators.rollups import rollup_prefetch
from pairaid.indicators.selectors import activity_outputs, indicator_list
from pairaid.indicators.totals import scope_totals
from pairaid.paging import CountedWithPage, KeysFirst
from pairaid.registry import selectors as registry
from pairaid.registry.pairing_names import pairing_matches
from pairaid.reports.finding_texts import finding_messages
from pairaid.reports.map_data import map_chart
from pairaid.review.selectors import datavalue_detail_get
from pairaid.sources.selectors import document_list
from pairaid.web import selectors
from pairaid.web.charts import bar_chart
from pairaid.web.templatetags.pairaid_web import name, sector_name
from pairaid.web.views import int_param, or_404, site_view, text_param
from pairaid.web.year_context import area_year_panel, pairing_year_panel


def _language() -> str:
    return get_language() or "en"


def _worded(findings: list[Finding]) -> list[tuple[Finding, str]]:
    """Each finding with its sentence in the page's language (the reports' wording, not the checks' English)."""
    messages = finding_messages(findings, language=_language())
    return [(f, messages[f.pk]) for f in findings]


@site_view
def dashboard(request: HttpRequest) -> HttpResponse:
    dashboard_totals = selectors.dashboard_totals_cached(year=int_param(request, "year"))
    year = dashboard_totals.year
    language = get_language() or "en"
    headlines = [(h, bar_chart([(str(t.year), t.value) for t in h.series[-12:]])) for h in dashboard_totals.headlines]
    by_pairing = dashboard_totals.by_pairing
    by_sector = selectors.sector_totals(year=year) if year else []
    totals = dashboard_totals.totals
    sector_chart = bar_chart([(sector_name(s.sector), s.value) for s in by_sector[:10]], width=520)
    pairing_chart = bar_chart(
        [(name(f.pairing.recipient_area or f.pairing.recipient_organisation), f.value) for f in by_pairing[:12]],
        width=520,
    )
    return render(
        request,
        "web/dashboard.html",
        {
            "years": dashboard_totals.years,
            "year": year,
            "headlines": headlines,
            "by_pairing": by_pairing,
            "by_sector": by_sector,
            "sector_chart": sector_chart,
            "pairing_chart": pairing_chart,
            "language": language,
            "totals": totals,
        },
    )


@site_view
def year_map(request: HttpRequest, year: int) -> HttpResponse:
    """The map of ``year`` (aid funds by recipient province, the pairings as arrows) as PNG."""
    chart = map_chart(year=year, language=get_language() or "en")
    return HttpResponse(chart.png, content_type="image/png")


@site_view
def pairing_list(request: HttpRequest) -> HttpResponse:
    query = text_param(request, "q")
    if query:
        qs: Any = pairing_matches(text=query, year=int_param(request, "year"))
    else:
        qs = registry.pairing_list(roots_only=True)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "web/pairing_list.html",
        {
            "page": page,
            "q": query,
            "filters": {"q": query} if query else {},
            "can_create": registry_permissions.can_pairing_create(request.user),
        },
    )


@site_view
def pairing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = or_404(registry.pairing_indexed, pk=pk)
    ancestors, children = selectors.pairing_tree(pairing=pairing)
    reassignments = selectors.pairing_reassignments(pairing=pairing)
    years = visible.pairing_years(user=request.user, pairing=pairing)
    year = int_param(request, "year", years[0] if years else None)
    datavalues = visible.datavalues_with_change(user=request.user, pairing=pairing, year=year) if year else []
    if year:  # its totals, plan against actual and assessment of the year, from one reading of the statements
        rollup_prefetch(years=[year - 1, year], root=pairing)
    page = request.GET.get("page")
    own = activities_of_pairing(pairing=pairing)
    activities = Paginator(CountedWithPage(own, page=page or 1, per_page=50), 50).get_page(page)
    return render(
        request,
        "web/pairing_detail.html",
        {
            "pairing": pairing,
            "ancestors": ancestors,
            "children": children,
            "years": years,
            "year": year,
            "datavalues": datavalues,
            "totals": scope_totals(year=year, pairing=pairing) if year else [],
            "activities": activities,
            "documents": document_list(pairing_id=pairing.pk, newest_first=True)[:50],
            "findings": _worded(tree_findings(pairing=pairing, year=year)[:50]) if year else [],
            "history": history_entries(instance=pairing),
            "can_edit": permissions.can_edit_pairing(request.user, pairing),
            "can_end": registry_permissions.can_pairing_end(request.user, pairing),
            "can_reassign": registry_permissions.can_pairing_reassign(request.user, pairing),
            "predecessors": reassignments[0],
            "successors": reassignments[1],
            "year_panel": pairing_year_panel(pairing=pairing, year=year, language=_language()) if year else None,
        },
    )


@site_view
def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    area = or_404(area_get, code=code)
    years = visible.area_years(user=request.user, area=area)
    year = int_param(request, "year", years[0] if years else None)
    datavalues = visible.datavalues_with_change(user=request.user, area=area, year=year) if year else []
    panel = area_year_panel(area=area, year=year, language=_language()) if year else None
    return render(
        request,
        "web/area_detail.html",
        {
            "area": area,
            "children": area_children(area=area),
            "pairings": registry.pairing_list(area_code=area.code)[:100],
            "activities": activities_in_area(area=area, limit=100),
            "years": years,
            "year": year,
            "datavalues": datavalues,
            "totals": panel["totals"] if panel else [],
            "year_panel": panel,
        },
    )


@site_view
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = or_404(activity_get, pk=pk)
    transactions = activity_transactions(activity=activity)
    totals: dict[str, object] = {}
    for tx in transactions:
        label = tx.get_transaction_type_display()
        totals[label] = totals.get(label, 0) + tx.value  # type: ignore[operator]
    history = history_entries(instance=activity)
    status_history = [(e, c) for e in history for c in e.changes if c.field == "status"]
    outputs = permissions.visible_datavalues(request.user, activity_outputs(activity=activity))
    return render(
        request,
        "web/activity_detail.html",
        {
            "activity": activity,
            "status_now": activity.current_status(),  # as reports and exports: from the dates, today
            "transactions": transactions,
            "totals": totals,
            "outputs": outputs,
            "history": history,
            "status_history": status_history,
            "can_edit": permissions.can_edit_activity(request.user, activity),
            "transaction_history": _transaction_history(transactions[:20]),
        },
    )


def _transaction_history(transactions: Any) -> list[tuple[Any, list[Any]]]:
    """Each transaction with its last ten changes, every trail read in one query."""
    histories = history_entries_of(instances=list(transactions), limit=10)
    return [(tx, histories[tx.pk]) for tx in transactions]


@site_view
def datavalue_list(request: HttpRequest) -> HttpResponse:
    pairing, year = int_param(request, "pairing"), int_param(request, "year")
    status = request.GET.get("status", "")
    filters = {
        "indicator": text_param(request, "indicator"),
        "pairing": "" if pairing is None else str(pairing),
        "area": text_param(request, "area"),
        "year": "" if year is None else str(year),
        "status": status if status in DataValueStatus.values else "",
    }
    filters = {name: value for name, value in filters.items() if value}
    qs = visible_datavalue_list(
        user=request.user,
        indicator_code=filters.get("indicator"),
        pairing_id=pairing,
        area_code=filters.get("area"),
        year=year,
        status=filters.get("status"),
    )
    page = Paginator(KeysFirst(qs), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "web/datavalue_list.html",
        {
            "page": page,
            "filters": filters,
            "indicators": indicator_list(),
            "statuses": DataValueStatus.choices,
        },
    )


@site_view
def datavalue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dv = or_404(datavalue_detail_get, user=request.user, pk=pk)
    return render(
        request,
        "web/datavalue_detail.html",
        {
            "dv": dv,
            "history": history_entries(instance=dv),
            "can_edit": permissions.can_edit_datavalue(request.user, dv),
            "can_review": permissions.can_review(request.user, dv),
        },
    )


@site_view
def search(request: HttpRequest) -> HttpResponse:
    query = text_param(request, "q")
    return render(request, "web/search.html", {"q": query, "results": selectors.search(query=query)})
