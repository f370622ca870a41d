"""Review pages: a document with its figures (the evidence view), the queue, each figure's actions, and bulk.

The evidence view shows the report with every figure marked and, beside it, the
figures with their rule, how certain their reading is, the confirmed figure an
extracted one repeats ("copy of #N"), and the actions: accept, correct any field
(the form opens for one figure at a time, ``?correct=ID``), reject, close as the
same as the confirmed figure. The queue narrows and orders the extracted figures
and reviews the ones ticked in one step.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from pairaid.accounts import permissions
from pairaid.core.errors import LockedError, PairaidError
from pairaid.datasets.selectors import datavalue_locks
from pairaid.indicators.models import DataValue, DataValueStatus
from pairaid.review import services as review
from pairaid.review.selectors import (
    QueueFilter,
    document_datavalues,
    queue_rules,
    review_datavalue_get,
    review_datavalue_list,
    review_queue,
)
from pairaid.sources.models import SourceDocument
from pairaid.sources.selectors import document_evidence, document_get
from pairaid.web.highlight import text_segments
from pairaid.web.review_forms import CorrectionForm, QueueFilterForm
from pairaid.web.review_messages import bulk_summary, unit_changed
from pairaid.web.views import int_param, or_404, site_view
from pairaid.web.year_forms import PlanMentionForm


@site_view
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _evidence_view(request, or_404(document_get, pk=pk))


def _evidence_view(
    request: HttpRequest, document: SourceDocument, correcting: CorrectionForm | None = None
) -> HttpResponse:
    datavalues = list(document_datavalues(user=request.user, document=document))
    # every mention is marked (a span of public text); the figures shown are those the user may see
    spans = [(f.evidence.start, f.evidence.end, f.status) for f in datavalues if f.evidence]
    spans += [(e.start, e.end, "") for e in document_evidence(document=document)]
    rows = [(f, f.status == DataValueStatus.EXTRACTED and permissions.can_review(request.user, f)) for f in datavalues]
    _mark_locked([f for f, may_review in rows if may_review])
    if correcting is None and (chosen := int_param(request, "correct")) is not None:
        correcting = next((CorrectionForm(data_value=f) for f, may in rows if may and f.pk == chosen), None)
    return render(
        request,
        "web/document_detail.html",
        {
            "document": document,
            "segments": text_segments(document.text, spans),
            "datavalues": rows,
            "may_review_any": any(may for _f, may in rows),
            "correcting": correcting,
            "plan_form": _plan_form(request.user, document),
        },
        status=422 if correcting is not None and correcting.is_bound else 200,
    )


def _plan_form(user: object, document: SourceDocument) -> PlanMentionForm | None:
    """The form that accepts a plan sentence of ``document`` as a planned value, for who may plan."""
    rights = permissions.user_rights(user)
    if not (rights.national_office or rights.administrator or rights.pairing_ids):
        return None
    pairings = permissions.plannable_pairings(user)
    return PlanMentionForm(document=document, pairings=pairings, initial={"year": document.report_year})


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    document, missing = None, None
    if (doc_id := int_param(request, "document")) is not None:
        try:
            document = document_get(pk=doc_id, with_text=False)
        except SourceDocument.DoesNotExist:  # the queue without that filter, and why
            missing = doc_id
    filters = QueueFilterForm(request.GET or None, rules=queue_rules(user=request.user))
    chosen: dict[str, Any] = filters.cleaned_data if filters.is_valid() else {}
    narrowed = QueueFilter(
        document=document,
        pairing=chosen.get("pairing"),
        indicator=chosen.get("indicator"),
        rule=chosen.get("rule", ""),
        certainty=chosen.get("certainty", ""),
        order=chosen.get("order", ""),
    )
    page = Paginator(review_queue(user=request.user, narrowed=narrowed), 50).get_page(request.GET.get("page"))
    _mark_locked(list(page.object_list))
    query = {name: value for name, value in request.GET.items() if name != "page"}
    if missing is not None:
        query.pop("document", None)
    context = {"page": page, "document": document, "filters": filters, "query": query, "missing_document": missing}
    return render(request, "web/review_list.html", context)


def _mark_locked(figures: list[DataValue]) -> None:
    """Mark each of ``figures`` that a submitted, approved or frozen dataset holds (``locked_by``): its card says
    so, with a link to the dataset, instead of offering the review's buttons (which would answer 409)."""
    locks = datavalue_locks(values=figures)
    for figure in figures:
        figure.locked_by = locks.get(figure.pk)  # type: ignore[attr-defined]


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect(fallback)


_DONE = {
    "accept": gettext_lazy("Figure #%(id)s accepted."),
    "reject": gettext_lazy("Figure #%(id)s rejected."),
    "same_as": gettext_lazy("Figure #%(id)s closed as the same as the confirmed figure."),
    "correct": gettext_lazy("Figure #%(id)s corrected."),
}
_ACTIONS = {
    "accept": review.datavalue_accept,
    "reject": review.datavalue_reject,
    "same_as": review.datavalue_close_as_copy,
}


@login_required
@require_POST
def review_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    # a page that is not there (/figures/N/delete/: no figure is deleted here) is a 404 whoever asks and whatever
    # N is, as a figure that is not there is (every signed-in user reads every figure: its existence leaks
    # nothing); the rights are asked of the review's service (403). It answered 403 (issue 13).
    if action not in _DONE:
        raise Http404(f"no action {action!r} on a figure")
    dv = or_404(review_datavalue_get, pk=pk)
    try:
        if action == "correct":
            form = CorrectionForm(request.POST, data_value=dv)
            if not form.is_valid():
                return _correct_again(request, dv, form)
            unit = dv.unit
            try:
                review.datavalue_correct(user=request.user, data_value=dv, changes=form.changes())
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
                return _correct_again(request, dv, form)
            if dv.unit != unit:  # the new indicator brought its own unit: the reviewer is told
                messages.warning(request, unit_changed(dv.pk, unit, dv.unit))
        else:
            _ACTIONS[action](user=request.user, data_value=dv)
        messages.success(request, _DONE[action] % {"id": dv.pk})
    except permissions.NotAllowed:
        raise PermissionDenied from None
    except LockedError:
        raise  # a 409 page (pairaid.web.conflicts), not a message beside a figure that cannot change
    except review.NotAwaitingReview as exc:  # reviewed already, or entered: a 409 as in the API (issue 13)
        context = {"reason": str(exc), "not_awaiting": True, "figure": dv}
        return render(request, "web/conflict.html", context, status=409)
    except PairaidError as exc:
        messages.error(request, str(exc))
    anchor = f"#figure-{dv.pk}"
    return _back(request, f"/documents/{dv.evidence.document_id}/{anchor}" if dv.evidence else "/review/")


def _correct_again(request: HttpRequest, dv: DataValue, form: CorrectionForm) -> HttpResponse:
    """The evidence view again, with the correction and what is wrong with it (or the figure's page)."""
    if dv.evidence is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("web:datavalue", pk=dv.pk)
    return _evidence_view(request, document_get(pk=dv.evidence.document_id), correcting=form)


@login_required
@require_POST
def review_bulk(request: HttpRequest) -> HttpResponse:
    """Accept, reject or close as copies the figures ticked in the queue."""
    action = request.POST.get("action", "")
    if action not in _ACTIONS:
        raise PermissionDenied
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit() and len(i) < 16]
    datavalues = review_datavalue_list(ids=ids)
    try:
        result = review.datavalues_review(user=request.user, data_values=datavalues, action=action)  # type: ignore[arg-type]
    except permissions.NotAllowed:
        raise PermissionDenied from None
    messages.success(request, bulk_summary(result, left=review_queue(user=request.user).count()))
    for pk, reason in result.skipped[:10]:
        messages.error(request, _("#%(id)s refused: %(reason)s") % {"id": pk, "reason": reason})
    if len(result.skipped) > 10:
        messages.error(request, _("and %(n)s more refused") % {"n": len(result.skipped) - 10})
    return _back(request, "/review/")


@login_required
@require_POST
def document_accept_confident(request: HttpRequest, pk: int) -> HttpResponse:
    document = or_404(document_get, pk=pk, with_text=False)
    try:
        result = review.document_accept_confident(user=request.user, document=document)
    except permissions.NotAllowed:
        raise PermissionDenied from None
    messages.success(
        request,
        _("%(accepted)s confident figures accepted; %(skipped)s left for review.")
        % {"accepted": len(result.done), "skipped": len(result.skipped)},
    )
    return _back(request, f"/documents/{pk}/")
