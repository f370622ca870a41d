"""Data entry pages: activities, transactions and figures; restoring a value from the audit trail."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pairaid.accounts import permissions
from pairaid.activities.models import Activity, Transaction
from pairaid.activities.selectors import activity_get, transaction_get
from pairaid.audit.selectors import record_version
from pairaid.audit.services import history_restore
from pairaid.core.errors import LockedError, PairaidError
from pairaid.entry import services as entry
from pairaid.indicators.models import DataValue
from pairaid.indicators.selectors import datavalue_get
from pairaid.registry.selectors import pairing_get
from pairaid.web.forms import ActivityForm, DataValueForm, TransactionForm
from pairaid.web.views import or_404
from pairaid.web.views.form_pages import saved_form_page

_Saved = TypeVar("_Saved", bound=models.Model)
_Edited = TypeVar("_Edited", bound=models.Model)


def _to_edit(
    request: HttpRequest,
    get: Callable[..., _Edited],
    pk: int | None,
    may_edit: Callable[[Any, _Edited], bool],
    may_add: Callable[[Any], bool],
) -> _Edited | None:
    """The object ``get`` reads for ``pk`` (a 404 for none), or ``None`` for a new one (no ``pk``); a 403 when
    the user ``may_edit`` not that object, or ``may_add`` none."""
    found = or_404(get, pk=pk) if pk else None
    if not (may_add(request.user) if found is None else may_edit(request.user, found)):
        raise PermissionDenied
    return found


def _may_enter_datavalues(user: Any) -> bool:
    return permissions.user_rights(user).editor


@login_required
def activity_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    activity = _to_edit(request, activity_get, pk, permissions.can_edit_activity, permissions.can_edit_some_pairing)
    # the form works on a copy: validating a model form writes its data into the instance,
    # and the service compares the data with the activity as stored
    form = ActivityForm(
        request.POST or None, instance=copy.copy(activity), user=request.user, initial=_initial(request)
    )

    def save() -> Activity:
        data = {k: v for k, v in form.cleaned_data.items() if k != "recipient_area_codes"}
        areas = form.cleaned_data["recipient_area_codes"]
        if activity is None:
            return entry.activity_create(user=request.user, data=data, recipient_areas=areas)
        entry.activity_update(user=request.user, activity=activity, data=data, recipient_areas=areas)
        return activity

    return _form_page(
        request, form, activity, _("Activity"), save, _("Activity saved."), lambda a: redirect("web:activity", pk=a.pk)
    )


def _form_page(
    request: HttpRequest,
    form: forms.Form,
    instance: models.Model | None,
    title: str,
    save: Callable[[], _Saved],
    saved: str,
    then: Callable[[_Saved], HttpResponse],
) -> HttpResponse:
    """The page of ``form`` editing ``instance`` (``None``: a new one), saved as :func:`saved_form_page` says."""
    context = {"form": form, "title": title, "object": instance}
    return saved_form_page(
        request, form, save=save, saved=saved, then=then, page=lambda: render(request, "web/form.html", context)
    )


def _initial(request: HttpRequest) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for name in ("pairing", "activity"):
        if request.GET.get(name, "").isdigit():
            initial[name] = int(request.GET[name])
    return initial


@login_required
def transaction_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    tx = _to_edit(request, transaction_get, pk, permissions.can_edit_transaction, permissions.can_edit_some_pairing)
    form = TransactionForm(request.POST or None, instance=copy.copy(tx), user=request.user, initial=_initial(request))

    def save() -> Transaction:
        if tx is None:
            return entry.transaction_create(user=request.user, data=form.cleaned_data)
        entry.transaction_update(user=request.user, transaction_=tx, data=form.cleaned_data)
        return tx

    def then(saved: Transaction) -> HttpResponse:
        if saved.activity_id:
            return redirect("web:activity", pk=saved.activity_id)
        return redirect("web:pairing", pk=saved.pairing_id)

    return _form_page(request, form, tx, _("Transaction"), save, _("Transaction saved."), then)


@login_required
def datavalue_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    dv = _to_edit(request, datavalue_get, pk, permissions.can_edit_datavalue, _may_enter_datavalues)
    initial = DataValueForm.initial_for(dv) if dv else _initial(request)
    form = DataValueForm(request.POST or None, user=request.user, initial=initial)

    def save() -> DataValue:
        if dv is None:
            return entry.datavalue_enter(user=request.user, data=form.entry_data())
        entry.datavalue_update(user=request.user, data_value=dv, data=form.entry_data())
        return dv

    return _form_page(
        request, form, dv, _("Figure"), save, _("Figure saved."), lambda v: redirect("web:datavalue", pk=v.pk)
    )


_RESTORABLE: dict[str, Callable[..., models.Model]] = {
    "pairing": pairing_get,
    "activity": activity_get,
    "transaction": transaction_get,
    "datavalue": datavalue_get,
}


@login_required
@require_POST
def restore(request: HttpRequest, kind: str, pk: int, history_id: int) -> HttpResponse:
    read = _RESTORABLE.get(kind)
    if read is None:  # no such kind of record: no such page (404), before any right is asked
        raise Http404(f"no record of kind {kind!r} has a history to restore")
    instance = or_404(read, pk=pk)
    field = request.POST.get("field") or None
    try:
        history_restore(user=request.user, instance=instance, history_id=history_id, field=field)
    except permissions.NotAllowed:
        raise PermissionDenied from None
    except ObjectDoesNotExist as missing:  # a version of another record, or none
        raise Http404(str(missing)) from None
    except LockedError:
        raise
    except PairaidError as exc:
        messages.error(request, str(exc))
    else:
        version = record_version(instance=instance, history_id=history_id)
        messages.success(request, _("Restored version %(v)s of this record.") % {"v": version})
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/") and not target.startswith("//") else "/")
