"""Browsing pages: dashboard, pairing, area, activity, figure list, search."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from pairaid.accounts import permissions, registry_permissions
from pairaid.activities.models import Activity
from pairaid.audit.selectors import history_entries
from pairaid.checks.selectors import finding_list
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue, DataValueStatus, Indicator
from pairaid.indicators.totals import scope_totals, scope_totals_cached
from pairaid.paging import KeysFirst
from pairaid.registry.models import Pairing
from pairaid.registry.pairing_names import pairing_matches
from pairaid.registry.selectors import pairing_predecessors, pairing_successors
from pairaid.reports.selectors import map_chart
from pairaid.review.selectors import with_confirmed_twin
from pairaid.web import selectors
from pairaid.web.charts import bar_chart
from pairaid.web.templatetags.pairaid_web import name, sector_name
from pairaid.web.views import int_param, site_view, text_param
from pairaid.web.year_context import area_year_panel, pairing_year_panel


def _language() -> str:
    return get_language() or "en"


@site_view
def dashboard(request: HttpRequest) -> HttpResponse:
    figures = selectors.dashboard_figures_cached(year=int_param(request, "year"))
    year = figures.year
    language = get_language() or "en"
    headlines = [(h, bar_chart([(str(t.year), t.value) for t in h.series[-12:]])) for h in figures.headlines]
    by_pairing = figures.by_pairing
    by_sector = selectors.sector_totals(year=year) if year else []
    totals = figures.totals
    sector_chart = bar_chart([(sector_name(s.sector), s.value) for s in by_sector[:10]], width=520)
    pairing_chart = bar_chart(
        [(name(f.pairing.recipient_area or f.pairing.recipient_organisation), f.value) for f in by_pairing[:12]],
        width=520,
    )
    return render(
        request,
        "web/dashboard.html",
        {
            "years": figures.years,
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
        qs = Pairing.objects.filter(parent__isnull=True).select_related("donor_area", "recipient_area")
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
    pairing = get_object_or_404(
        Pairing.objects.select_related("donor_area", "recipient_area", "donor_organisation", "recipient_organisation"),
        pk=pk,
    )
    ancestors, children = selectors.pairing_tree(pairing=pairing)
    years = selectors.pairing_years(user=request.user, pairing=pairing)
    year = int_param(request, "year", years[0] if years else None)
    figures = (
        selectors.figures_with_change(user=request.user, qs=DataValue.objects.filter(pairing=pairing), year=year)
        if year
        else []
    )
    activities = Paginator(pairing.activities.all(), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "web/pairing_detail.html",
        {
            "pairing": pairing,
            "ancestors": ancestors,
            "children": children,
            "years": years,
            "year": year,
            "figures": figures,
            "totals": scope_totals(year=year, pairing=pairing) if year else [],
            "activities": activities,
            "documents": selectors.pairing_documents(pairing=pairing)[:50],
            "findings": finding_list(pairing=pairing, year=year)[:50] if year else [],
            "history": history_entries(instance=pairing),
            "can_edit": permissions.can_edit_pairing(request.user, pairing),
            "can_end": registry_permissions.can_pairing_end(request.user, pairing),
            "can_reassign": registry_permissions.can_pairing_reassign(request.user, pairing),
            "predecessors": pairing_predecessors(pairing=pairing),
            "successors": pairing_successors(pairing=pairing),
            "year_panel": pairing_year_panel(pairing=pairing, year=year, language=_language()) if year else None,
        },
    )


@site_view
def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    area = get_object_or_404(Area.objects.select_related("parent", "parent__parent"), code=code)
    years = selectors.area_years(user=request.user, area=area)
    year = int_param(request, "year", years[0] if years else None)
    figures = (
        selectors.figures_with_change(user=request.user, qs=DataValue.objects.filter(area=area), year=year)
        if year
        else []
    )
    pairings = Pairing.objects.filter(recipient_area=area) | Pairing.objects.filter(donor_area=area)
    return render(
        request,
        "web/area_detail.html",
        {
            "area": area,
            "children": area.children.all(),
            "pairings": pairings.select_related(
                "donor_area", "recipient_area", "donor_organisation", "recipient_organisation"
            )[:100],
            "activities": Activity.objects.filter(recipient_areas=area)[:100],
            "years": years,
            "year": year,
            "figures": figures,
            "totals": scope_totals_cached(year=year, area=area) if year else [],
            "year_panel": area_year_panel(area=area, year=year, language=_language()) if year else None,
        },
    )


@site_view
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.select_related("pairing", "implementing_organisation"), pk=pk)
    transactions = list(activity.transactions.all())
    totals: dict[str, object] = {}
    for tx in transactions:
        label = tx.get_transaction_type_display()
        totals[label] = totals.get(label, 0) + tx.value  # type: ignore[operator]
    history = history_entries(instance=activity)
    status_history = [(e, c) for e in history for c in e.changes if c.field == "status"]
    outputs = permissions.visible_datavalues(request.user, activity.data_values.select_related("indicator"))
    return render(
        request,
        "web/activity_detail.html",
        {
            "activity": activity,
            "transactions": transactions,
            "totals": totals,
            "outputs": outputs,
            "history": history,
            "status_history": status_history,
            "can_edit": permissions.can_edit_activity(request.user, activity),
            "transaction_history": [(tx, history_entries(instance=tx, limit=10)) for tx in transactions[:20]],
        },
    )


@site_view
def datavalue_list(request: HttpRequest) -> HttpResponse:
    qs = permissions.visible_datavalues(request.user).select_related(
        "indicator", "pairing", "pairing__donor_area", "pairing__recipient_area", "area", "evidence"
    )
    filters = {}
    if indicator := text_param(request, "indicator"):
        qs = qs.filter(indicator__code=indicator)
        filters["indicator"] = indicator
    if (pairing := int_param(request, "pairing")) is not None:
        qs = qs.filter(pairing_id=pairing)
        filters["pairing"] = str(pairing)
    if area := text_param(request, "area"):
        qs = qs.filter(area__code=area)
        filters["area"] = area
    if (year := int_param(request, "year")) is not None:
        qs = qs.filter(period_end__year=year)
        filters["year"] = str(year)
    if (status := request.GET.get("status", "")) in DataValueStatus.values:
        qs = qs.filter(status=status)
        filters["status"] = status
    page = Paginator(KeysFirst(qs.order_by("-period_end", "-pk")), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "web/datavalue_list.html",
        {
            "page": page,
            "filters": filters,
            "indicators": Indicator.objects.all(),
            "statuses": DataValueStatus.choices,
        },
    )


@site_view
def datavalue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dv = get_object_or_404(
        with_confirmed_twin(permissions.visible_datavalues(request.user)).select_related(
            "indicator",
            "pairing__donor_area",
            "pairing__recipient_area",
            "pairing__donor_organisation",
            "pairing__recipient_organisation",
            "area",
            "activity",
            "evidence__document",
            "updated_by",
        ),
        pk=pk,
    )
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
