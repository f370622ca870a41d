"""The reporting year's pages: a pairing's plan, its dataset and the steps of its approval, its events,
a plan sentence accepted as a planned value, the datasets' configuration and the notifications."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pairaid.accounts import permissions, year_permissions
from pairaid.core.errors import LockedError, PairaidError
from pairaid.datasets import selectors as datasets
from pairaid.datasets import services as approval
from pairaid.events.selectors import event_get, event_indicators, events_of_year
from pairaid.events.services import EVENT_MODELS, event_create, event_update
from pairaid.notifications.selectors import notification_list
from pairaid.notifications.services import notification_mark_read
from pairaid.plans import selectors as plans
from pairaid.plans import services as planning
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_get, pairing_list
from pairaid.sources.selectors import document_get
from pairaid.web.views import or_404, site_view
from pairaid.web.year_forms import (
    EVENT_FORMS,
    BatchForm,
    DatasetConfigForm,
    PlanMentionForm,
    PlannedValueForm,
    ReasonForm,
    event_data,
)

if TYPE_CHECKING:
    from pairaid.plans.models import Plan


def _language() -> str:
    return get_language() or "en"


def _done(request: HttpRequest, message: str, target: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(target)


def _refused(request: HttpRequest, exc: PairaidError, target: str) -> HttpResponse:
    if isinstance(exc, permissions.NotAllowed):
        raise PermissionDenied from None
    if isinstance(exc, LockedError):
        raise exc  # a 409 page (pairaid.web.conflicts)
    messages.error(request, str(exc))
    return redirect(target)


@site_view
def plan_page(request: HttpRequest, pairing: int, year: int) -> HttpResponse:
    found = or_404(pairing_get, pk=pairing)
    execution, recipients = plans.pairing_execution(pairing=found, year=year, language=_language())
    return render(
        request,
        "web/plan.html",
        {
            "pairing": found,
            "year": year,
            "plans": [(p, plans.plan_values(plan=p), plans.batch_progress(plan=p)) for p in plans.plan_list(
                pairing=found, year=year
            )],
            "execution": execution,
            "recipients": recipients,
            "can_plan": year_permissions.can_plan_update(request.user, found),
            "value_form": PlannedValueForm(),
            "batch_form": BatchForm(),
        },
    )


@login_required
@require_POST
def plan_value_save(request: HttpRequest, pairing: int, year: int) -> HttpResponse:
    def save(plan: Plan, data: dict[str, Any]) -> None:
        planning.plan_value_set(
            user=request.user, plan=plan, indicator=data["indicator"], value=data["value"],
            period_kind=data["period_kind"] or None,
        )

    found = or_404(pairing_get, pk=pairing)
    return _plan_save(request, found, year, PlannedValueForm(request.POST), save, _("Planned value saved."))


@login_required
@require_POST
def plan_batch_save(request: HttpRequest, pairing: int, year: int) -> HttpResponse:
    def save(plan: Plan, data: dict[str, Any]) -> None:
        planning.batch_set(user=request.user, plan=plan, **data)

    found = or_404(pairing_get, pk=pairing)
    return _plan_save(request, found, year, BatchForm(request.POST), save, _("Key-project batch saved."))


def _plan_save(
    request: HttpRequest,
    pairing: Pairing,
    year: int,
    form: forms.Form,
    save: Callable[[Plan, dict[str, Any]], None],
    saved: str,
) -> HttpResponse:
    """Save a valid ``form`` into ``pairing``'s plan of ``year`` (made when it has none) with ``save``, then back
    to the plan's page saying ``saved``, or what was wrong."""
    target = f"/plans/{pairing.pk}/{year}/"
    if not form.is_valid():
        return _invalid(request, form, target)
    try:
        plan, _created = planning.plan_get_or_create(user=request.user, pairing=pairing, year=year)
        save(plan, form.cleaned_data)
    except PairaidError as exc:
        return _refused(request, exc, target)
    return _done(request, saved, target)


def _invalid(request: HttpRequest, form: forms.Form, target: str) -> HttpResponse:
    """Back to ``target`` with the errors of ``form`` in one message."""
    messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect(target)


@login_required
@require_POST
def mention_planned(request: HttpRequest, pk: int) -> HttpResponse:
    document = or_404(document_get, pk=pk, with_text=False)
    target = f"/documents/{document.pk}/#plans"
    form = PlanMentionForm(request.POST, document=document, pairings=pairing_list())
    if not form.is_valid():
        return _invalid(request, form, target)
    data = form.cleaned_data
    try:
        value = planning.mention_accept_as_planned(
            user=request.user, evidence=data["mention"], indicator=data["indicator"], pairing=data["pairing"],
            year=data["year"], area=data["area_code"], value=data["value"],
        )
    except PairaidError as exc:
        return _refused(request, exc, target)
    return _done(request, _("Accepted as a planned value (#%(id)s).") % {"id": value.pk}, target)


@site_view
def dataset_page(request: HttpRequest, pairing: int, year: int) -> HttpResponse:
    from pairaid.audit.selectors import history_entries_of

    found = or_404(pairing_get, pk=pairing)
    submission = datasets.submission_current(pairing=found, year=year)
    try:
        filled = datasets.completeness(pairing=found, year=year, language=_language())
    except ValueError:
        filled = None
    versions = list(datasets.submission_versions(pairing=found, year=year, with_values=True))
    histories = history_entries_of(instances=versions)
    return render(
        request,
        "web/dataset.html",
        {
            "pairing": found,
            "year": year,
            "submission": submission,
            "completeness": filled,
            "versions": [(v, [_step_said(e) for e in histories[v.pk]], v.values.all()) for v in versions],
            "steps": _steps(request.user, found, submission),
            "reason_form": ReasonForm(),
        },
    )


_STEP_WORDS = (  # the reasons the approval services record with each step, as the page says them
    (re.compile(r"submitted"), gettext_lazy("submitted")),
    (re.compile(r"frozen"), gettext_lazy("frozen")),
    (re.compile(r"approved by the national office"), gettext_lazy("approved by the national office")),
    (re.compile(r"approved by (?P<level>.+)"), gettext_lazy("approved by %(level)s")),
    (re.compile(r"returned: (?P<reason>.*)"), gettext_lazy("returned: %(reason)s")),
    (
        re.compile(r"correction of version (?P<version>\d+): (?P<reason>.*)"),
        gettext_lazy("correction of version %(version)s: %(reason)s"),
    ),
)


def _step_said(entry: Any) -> Any:
    """``entry`` of a dataset's audit trail with its step written in the page's language."""
    for pattern, words in _STEP_WORDS:
        if found := pattern.fullmatch(entry.reason):
            return dataclasses.replace(entry, reason=str(words) % found.groupdict())
    return entry


def _steps(user: Any, pairing: Pairing, submission: Any) -> list[str]:
    """The steps ``user`` may take on ``pairing``'s dataset as it stands (the buttons the page shows)."""
    state = submission.state if submission else "open"
    if state == "open":
        return ["submit"] if year_permissions.can_submission_submit(user, pairing) else []
    if state == "submitted":
        level = datasets.submission_level(submission=submission)
        return ["approve", "return"] if year_permissions.can_submission_approve(user, level) else []
    if state == "approved":
        return ["freeze", "return"] if year_permissions.can_submission_freeze(user) else []
    return ["correct"] if year_permissions.can_submission_correct(user, pairing) else []


_STEP_DONE = {
    "submit": gettext_lazy("Dataset submitted."),
    "approve": gettext_lazy("Dataset approved at your level."),
    "return": gettext_lazy("Dataset returned to its pairing."),
    "freeze": gettext_lazy("Dataset frozen."),
    "correct": gettext_lazy("Correction opened as a new version."),
}


@login_required
@require_POST
def dataset_step(request: HttpRequest, pairing: int, year: int, step: str) -> HttpResponse:
    found = or_404(pairing_get, pk=pairing)
    target = f"/datasets/{found.pk}/{year}/"
    if step not in _STEP_DONE:
        raise PermissionDenied
    reason = ReasonForm(request.POST).data.get("reason", "")
    try:
        approval.submission_step(user=request.user, pairing=found, year=year, step=step, reason=str(reason))
    except PairaidError as exc:
        return _refused(request, exc, target)
    return _done(request, str(_STEP_DONE[step]), target)


@login_required
def dataset_list(request: HttpRequest) -> HttpResponse:
    configurable = year_permissions.can_dataset_configure(request.user)
    return render(
        request,
        "web/datasets.html",
        {
            "waiting": datasets.submissions_to_act_on(user=request.user),
            "datasets": [(d, datasets.dataset_indicators(dataset=d)) for d in datasets.dataset_list()],
            "can_configure": configurable,
        },
    )


@login_required
def dataset_configure(request: HttpRequest, code: str) -> HttpResponse:
    dataset = or_404(datasets.dataset_get, code=code)
    if not year_permissions.can_dataset_configure(request.user):
        raise PermissionDenied
    initial = {"indicators": datasets.dataset_indicators(dataset=dataset), "levels": dataset.levels}
    form = DatasetConfigForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        chosen = [i.code for i in form.cleaned_data["indicators"]]
        try:
            approval.dataset_configure(user=request.user, dataset=dataset, indicators=chosen,
                                       levels=form.cleaned_data["levels"])
        except PairaidError as exc:
            return _refused(request, exc, "/datasets/")
        return _done(request, _("Dataset saved."), "/datasets/")
    return render(request, "web/form.html", {"form": form, "title": dataset.display_name(_language()),
                                             "object": dataset})


@site_view
def event_list(request: HttpRequest, pairing: int, year: int) -> HttpResponse:
    found = or_404(pairing_get, pk=pairing)
    return render(
        request,
        "web/events.html",
        {
            "pairing": found,
            "year": year,
            "events": events_of_year(pairing=found, year=year),
            "computed": event_indicators(pairing=found, year=year, language=_language()),
            "kinds": [(kind, model._meta.verbose_name) for kind, model in EVENT_MODELS.items()],
            "can_edit": year_permissions.can_event_update(request.user, found),
        },
    )


@login_required
def event_edit(request: HttpRequest, kind: str, pairing: int | None = None, pk: int | None = None) -> HttpResponse:
    model, form_class = EVENT_MODELS.get(kind), EVENT_FORMS.get(kind)
    if model is None or form_class is None:
        raise PermissionDenied
    event = or_404(event_get, model=model, pk=pk) if pk else None
    owner = event.pairing if event else or_404(pairing_get, pk=pairing)
    if not year_permissions.can_event_update(request.user, owner):
        raise PermissionDenied
    form = form_class(request.POST or None, instance=event, pairing=owner)
    if request.method == "POST" and form.is_valid():
        try:
            if event is None:
                event = event_create(user=request.user, kind=kind, pairing=owner, data=event_data(form))
            else:
                event_update(user=request.user, event=event, data=event_data(form))
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        except PairaidError as exc:
            return _refused(request, exc, f"/events/{owner.pk}/{event.year if event else ''}/")
        else:
            return _done(request, _("Event saved."), f"/events/{owner.pk}/{event.year}/")
    return render(request, "web/form.html", {"form": form, "title": model._meta.verbose_name, "object": event})


@login_required
def notification_page(request: HttpRequest) -> HttpResponse:
    return render(request, "web/notifications.html", {"notes": notification_list(user=request.user)[:200]})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    notification_mark_read(user=request.user)
    return redirect("/notifications/")
