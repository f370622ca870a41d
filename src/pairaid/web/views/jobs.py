"""Background work: the downloads page (reports and exports built by a worker), a job's page with its
progress, the progress the page polls, and the built file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pairaid.accounts import permissions
from pairaid.core.errors import PairaidError
from pairaid.jobs import services as jobs
from pairaid.jobs.selectors import job_list, job_progress
from pairaid.web.download_forms import ExportForm, FormExportForm, ReportForm

_FORMS = {"report": ReportForm, "export": ExportForm, "form": FormExportForm}


@login_required
def downloads(request: HttpRequest) -> HttpResponse:
    prefill = {"pairing": request.GET.get("pairing", ""), "year": request.GET.get("year", "")}
    forms = {name: form(prefix=name, initial=prefill) for name, form in _FORMS.items()}
    page = Paginator(job_list(user=request.user), 20).get_page(request.GET.get("page"))
    return render(request, "web/downloads.html", {"forms": forms, "page": page})


@login_required
@require_POST
def download_start(request: HttpRequest, which: str) -> HttpResponse:
    if which not in _FORMS:
        raise Http404
    form = _FORMS[which](request.POST, prefix=which)
    if form.is_valid():
        data, pairing = form.cleaned_data, form.chosen_pairing
        try:
            if which == "report":
                job = jobs.report_start(
                    user=request.user,
                    year=data["year"],
                    pairing=pairing,
                    fmt=data["format"],
                    language=data["language"],
                    include_extracted=data["include_extracted"],
                )
            elif which == "export":
                job = jobs.export_start(user=request.user, fmt=data["format"], pairing=pairing, year=data["year"])
            else:
                assert pairing is not None
                job = jobs.form_start(user=request.user, pairing=pairing, year=data["year"])
        except permissions.NotAllowed:
            raise PermissionDenied from None
        except PairaidError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("web:job", pk=job.pk)
    forms = {name: (form if name == which else f(prefix=name)) for name, f in _FORMS.items()}
    page = Paginator(job_list(user=request.user), 20).get_page(None)
    return render(request, "web/downloads.html", {"forms": forms, "page": page}, status=400)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(job_list(user=request.user), pk=pk)
    return render(request, "web/job_detail.html", {"job": job, "progress": job_progress(job=job)})


@login_required
def job_poll(request: HttpRequest, pk: int) -> JsonResponse:
    job = get_object_or_404(job_list(user=request.user).defer("params", "result"), pk=pk)
    return JsonResponse(job_progress(job=job))


@login_required
def job_download(request: HttpRequest, pk: int) -> FileResponse:
    job = get_object_or_404(job_list(user=request.user), pk=pk)
    if not job.output:
        raise Http404
    return FileResponse(job.output.open("rb"), as_attachment=True, filename=job.output_name)
