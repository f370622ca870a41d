"""The assessment pages: the ranking of a year with each criterion's points and evidence, its workbook,
and the national office's changes to the rubric."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pairaid.accounts import permissions
from pairaid.assessment.selectors import assessment_run, criterion_get, criterion_list
from pairaid.assessment.services import criterion_update
from pairaid.core.errors import PairaidError
from pairaid.registry.selectors import pairing_start_years
from pairaid.reports.assessment_book import assessment_xlsx
from pairaid.web.views import int_param, or_404, site_view
from pairaid.web.year_forms import CriterionForm


def _years() -> list[int]:
    starts = pairing_start_years()
    return list(range(starts[1], starts[0] - 1, -1))[:30] if starts else []


@site_view
def assessment_page(request: HttpRequest) -> HttpResponse:
    years = _years()
    year = int_param(request, "year", years[0] if years else None)
    try:
        ranking = assessment_run(year=year, language=get_language() or "en") if year else []
    except PairaidError as exc:
        messages.error(request, str(exc))
        ranking = []
    return render(
        request,
        "web/assessment.html",
        {
            "year": year,
            "years": years,
            "ranking": ranking,
            "criteria": criterion_list(),
            "can_edit": permissions.can_rubric_update(request.user),
        },
    )


@site_view
def assessment_workbook(request: HttpRequest, year: int) -> HttpResponse:
    language = get_language() or "en"
    data = assessment_xlsx(ranking=assessment_run(year=year, language=language), year=year, language=language)
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="assessment-{year}.xlsx"'
    return response


@login_required
def criterion_edit(request: HttpRequest, code: str) -> HttpResponse:
    criterion = or_404(criterion_get, code=code)
    if not permissions.can_rubric_update(request.user):
        raise PermissionDenied
    initial = {"weight": criterion.weight, "params": json.dumps(criterion.params, ensure_ascii=False)}
    form = CriterionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            criterion_update(user=request.user, criterion=criterion, **form.cleaned_data)
        except PairaidError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Criterion saved."))
            return redirect("/assessment/")
    return render(request, "web/form.html", {"form": form, "title": criterion.display_name(get_language() or "en"),
                                             "object": criterion})
