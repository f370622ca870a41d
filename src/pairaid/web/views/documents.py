"""Document pages: the list and the upload of a report (a document's own page is the evidence view, ``review``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from pairaid.accounts import permissions
from pairaid.core.errors import PairaidError
from pairaid.jobs.services import reports_upload_start
from pairaid.sources import selectors as sources
from pairaid.web.forms import UploadForm
from pairaid.web.views import site_view


@site_view
def document_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(sources.document_list(newest_first=True), 50).get_page(request.GET.get("page"))
    return render(request, "web/document_list.html", {"page": page})


@login_required
def document_upload(request: HttpRequest) -> HttpResponse:
    """Store the files and queue their reading (a worker reads them); the job's page shows the progress."""
    if not permissions.can_upload(request.user):
        raise PermissionDenied
    names_required = not permissions.acts_nationally(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, names_required=names_required)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = reports_upload_start(
                user=request.user,
                files=data["file"],
                report_year=data["report_year"],
                donor=data["donor"] or None,
                recipient=data["recipient"] or None,
            )
        except permissions.NotAllowed:
            raise PermissionDenied from None
        except PairaidError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("web:job", pk=job.pk)
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "web/upload.html", {"form": form}, status=status)
