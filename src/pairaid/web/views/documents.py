"""Document pages, upload, and the review queue with its actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pairaid.accounts import permissions
from pairaid.core.errors import LockedError, PairaidError
from pairaid.indicators.models import DataValue, DataValueStatus
from pairaid.registry.models import Pairing
from pairaid.review import services as review
from pairaid.review.selectors import review_queue
from pairaid.sources.models import SourceDocument
from pairaid.web.forms import CorrectForm, UploadForm
from pairaid.web.highlight import text_segments
from pairaid.web.views import int_param, site_view
from pairaid.web.year_forms import PlanMentionForm


@site_view
def document_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(SourceDocument.objects.defer("text"), 50).get_page(request.GET.get("page"))
    return render(request, "web/document_list.html", {"page": page})


@site_view
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(SourceDocument, pk=pk)
    figures = list(
        permissions.visible_datavalues(request.user, DataValue.objects.filter(evidence__document=document))
        .select_related("indicator", "evidence", "pairing", "area", "activity")
        .order_by("evidence__start", "pk")
    )
    # every mention is marked (a span of public text); the figures shown are those the user may see
    spans = [(f.evidence.start, f.evidence.end, f.status) for f in figures if f.evidence]
    spans += [(e.start, e.end, "") for e in document.evidence.all()]
    reviewable = [(f, permissions.can_review(request.user, f)) for f in figures]
    return render(
        request,
        "web/document_detail.html",
        {
            "document": document,
            "segments": text_segments(document.text, spans),
            "figures": reviewable,
            "may_review_any": any(may for f, may in reviewable if f.status == DataValueStatus.EXTRACTED),
            "correct_form": CorrectForm(),
            "plan_form": _plan_form(request.user, document),
        },
    )


def _plan_form(user: object, document: SourceDocument) -> PlanMentionForm | None:
    """The form that accepts a plan sentence of ``document`` as a planned value, for who may plan."""
    rights = permissions.user_rights(user)
    if not (rights.national_office or rights.administrator or rights.pairing_ids):
        return None
    pairings = Pairing.objects.all() if rights.national_office or rights.administrator else (
        Pairing.objects.filter(pk__in=rights.pairing_ids)
    )
    return PlanMentionForm(document=document, pairings=pairings, initial={"year": document.report_year})


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    document = None
    if (doc_id := int_param(request, "document")) is not None:
        document = get_object_or_404(SourceDocument.objects.defer("text"), pk=doc_id)
    page = Paginator(review_queue(user=request.user, document=document), 50).get_page(request.GET.get("page"))
    return render(request, "web/review_list.html", {"page": page, "document": document, "correct_form": CorrectForm()})


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_POST
def review_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    dv = get_object_or_404(DataValue.objects.select_related("activity", "evidence"), pk=pk)
    try:
        if action == "accept":
            review.datavalue_accept(user=request.user, data_value=dv)
            messages.success(request, _("Figure #%(id)s accepted.") % {"id": dv.pk})
        elif action == "reject":
            review.datavalue_reject(user=request.user, data_value=dv)
            messages.success(request, _("Figure #%(id)s rejected.") % {"id": dv.pk})
        elif action == "correct":
            form = CorrectForm(request.POST)
            if not form.is_valid():
                for error in form.errors.get("value", []):
                    messages.error(request, error)
                return _back(request, "/review/")
            review.datavalue_correct(user=request.user, data_value=dv, value=form.cleaned_data["value"])
            messages.success(request, _("Figure #%(id)s corrected.") % {"id": dv.pk})
        else:
            raise PermissionDenied
    except permissions.NotAllowed:
        raise PermissionDenied from None
    except LockedError:
        raise  # a 409 page (pairaid.web.conflicts), not a message beside a figure that cannot change
    except PairaidError as exc:
        messages.error(request, str(exc))
    anchor = f"#span-{dv.evidence.start}-{dv.evidence.end}" if dv.evidence else ""
    return _back(request, f"/documents/{dv.evidence.document_id}/{anchor}" if dv.evidence else "/review/")


@login_required
@require_POST
def document_accept_confident(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(SourceDocument.objects.defer("text"), pk=pk)
    try:
        result = review.document_accept_confident(user=request.user, document=document)
    except permissions.NotAllowed:
        raise PermissionDenied from None
    messages.success(
        request,
        _("%(accepted)s confident figures accepted; %(skipped)s left for review.")
        % {"accepted": len(result.accepted), "skipped": len(result.skipped)},
    )
    return _back(request, f"/documents/{pk}/")


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
