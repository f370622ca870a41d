"""Document pages: the list and the upload of a report (a document's own page is the evidence view, ``review``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pairaid.accounts import permissions
from pairaid.core.errors import PairaidError
from pairaid.sources.models import SourceDocument
from pairaid.web.forms import UploadForm
from pairaid.web.views import site_view


@site_view
def document_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(SourceDocument.objects.defer("text"), 50).get_page(request.GET.get("page"))
    return render(request, "web/document_list.html", {"page": page})


@login_required
def document_upload(request: HttpRequest) -> HttpResponse:
    if not permissions.can_upload(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        from pairaid.entry.upload import report_upload

        data = form.cleaned_data
        try:
            document = report_upload(
                user=request.user,
                data=data["file"].read(),
                filename=data["file"].name,
                report_year=data["report_year"],
                donor=data["donor"] or None,
                recipient=data["recipient"] or None,
            )
        except permissions.NotAllowed:
            raise PermissionDenied from None
        except PairaidError as exc:
            # the reader's reason is technical and in English; the sentence around it is in the user's language
            form.add_error("file", _("This file could not be read as a report. Reason: %(reason)s") % {"reason": exc})
        else:
            messages.success(request, _("Report read: %(title)s") % {"title": document})
            return redirect("web:document", pk=document.pk)
    return render(request, "web/upload.html", {"form": form})
