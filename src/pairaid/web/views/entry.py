"""Data entry pages: activities, transactions and figures; restoring a value from the audit trail."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pairaid.accounts import permissions
from pairaid.activities.models import Activity, Transaction
from pairaid.audit.selectors import record_version
from pairaid.audit.services import history_restore
from pairaid.core.errors import LockedError, PairaidError
from pairaid.entry import services as entry
from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing
from pairaid.web.forms import ActivityForm, DataValueForm, TransactionForm


def _apply_errors(form: Any, exc: Exception) -> None:
    if isinstance(exc, LockedError):
        raise exc  # a 409 page (pairaid.web.conflicts): no change to the form makes it pass
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif isinstance(exc, ValidationError):
        form.add_error(None, exc.messages)
    else:
        form.add_error(None, str(exc))


@login_required
def activity_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    activity = get_object_or_404(Activity, pk=pk) if pk else None
    if activity is not None and not permissions.can_edit_activity(request.user, activity):
        raise PermissionDenied
    if activity is None and not permissions.can_edit_some_pairing(request.user):
        raise PermissionDenied
    # the form works on a copy: validating a model form writes its data into the instance,
    # and the service compares the data with the activity as stored
    form = ActivityForm(
        request.POST or None, instance=copy.copy(activity), user=request.user, initial=_initial(request)
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "recipient_area_codes"}
        areas = form.cleaned_data["recipient_area_codes"]
        try:
            if activity is None:
                activity = entry.activity_create(user=request.user, data=data, recipient_areas=areas)
            else:
                entry.activity_update(user=request.user, activity=activity, data=data, recipient_areas=areas)
        except permissions.NotAllowed:
            raise PermissionDenied from None
        except (ValidationError, PairaidError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Activity saved."))
            return redirect("web:activity", pk=activity.pk)
    return render(request, "web/form.html", {"form": form, "title": _("Activity"), "object": activity})


def _initial(request: HttpRequest) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for name in ("pairing", "activity"):
        if request.GET.get(name, "").isdigit():
            initial[name] = int(request.GET[name])
    return initial


@login_required
def transaction_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    tx = get_object_or_404(Transaction.objects.select_related("activity"), pk=pk) if pk else None
    if tx is not None and not permissions.can_edit_transaction(request.user, tx):
        raise PermissionDenied
    if tx is None and not permissions.can_edit_some_pairing(request.user):
        raise PermissionDenied
    form = TransactionForm(request.POST or None, instance=copy.copy(tx), user=request.user, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            if tx is None:
                tx = entry.transaction_create(user=request.user, data=form.cleaned_data)
            else:
                entry.transaction_update(user=request.user, transaction_=tx, data=form.cleaned_data)
        except permissions.NotAllowed:
            raise PermissionDenied from None
        except (ValidationError, PairaidError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Transaction saved."))
            if tx.activity_id:
                return redirect("web:activity", pk=tx.activity_id)
            return redirect("web:pairing", pk=tx.pairing_id)
    return render(request, "web/form.html", {"form": form, "title": _("Transaction"), "object": tx})


@login_required
def datavalue_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    dv = get_object_or_404(DataValue.objects.select_related("activity", "area"), pk=pk) if pk else None
    if dv is not None and not permissions.can_edit_datavalue(request.user, dv):
        raise PermissionDenied
    if dv is None and not permissions.user_rights(request.user).editor:
        raise PermissionDenied
    initial = DataValueForm.initial_for(dv) if dv else _initial(request)
    form = DataValueForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if dv is None:
                dv = entry.datavalue_enter(user=request.user, data=form.entry_data())
            else:
                entry.datavalue_update(user=request.user, data_value=dv, data=form.entry_data())
        except permissions.NotAllowed:
            raise PermissionDenied from None
        except (ValidationError, PairaidError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Figure saved."))
            return redirect("web:datavalue", pk=dv.pk)
    return render(request, "web/form.html", {"form": form, "title": _("Figure"), "object": dv})


_RESTORABLE: dict[str, type[models.Model]] = {
    "pairing": Pairing,
    "activity": Activity,
    "transaction": Transaction,
    "datavalue": DataValue,
}


@login_required
@require_POST
def restore(request: HttpRequest, kind: str, pk: int, history_id: int) -> HttpResponse:
    model = _RESTORABLE.get(kind)
    if model is None:
        raise PermissionDenied
    instance = get_object_or_404(model, pk=pk)
    field = request.POST.get("field") or None
    try:
        history_restore(user=request.user, instance=instance, history_id=history_id, field=field)
    except permissions.NotAllowed:
        raise PermissionDenied from None
    except LockedError:
        raise
    except PairaidError as exc:
        messages.error(request, str(exc))
    else:
        version = record_version(instance=instance, history_id=history_id)
        messages.success(request, _("Restored version %(v)s of this record.") % {"v": version})
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/") and not target.startswith("//") else "/")
