"""The pairing registry's pages: create, end and re-assign a pairing (the national office and administrators)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pairaid.accounts import permissions, registry_permissions
from pairaid.core.errors import PairaidError
from pairaid.entry import pairings as entry
from pairaid.registry.models import Pairing
from pairaid.web.pairing_forms import PairingEndForm, PairingForm, PairingReassignForm


def _refused(form: Any, exc: PairaidError) -> None:
    if isinstance(exc, permissions.NotAllowed):
        raise PermissionDenied from None
    form.add_error(None, str(exc))


def _page(request: HttpRequest, form: Any, heading: str, pairing: Pairing | None = None) -> HttpResponse:
    return render(request, "web/pairing_form.html", {"form": form, "heading": heading, "pairing": pairing})


@login_required
def pairing_new(request: HttpRequest) -> HttpResponse:
    if not registry_permissions.can_pairing_create(request.user):
        raise PermissionDenied
    form = PairingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pairing = entry.pairing_create(user=request.user, data=form.pairing_data())
        except PairaidError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Pairing saved."))
            return redirect("web:pairing", pk=pairing.pk)
    return _page(request, form, _("New pairing"))


@login_required
def pairing_end(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = get_object_or_404(Pairing, pk=pk)
    if not registry_permissions.can_pairing_end(request.user, pairing):
        raise PermissionDenied
    form = PairingEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry.pairing_end(user=request.user, pairing=pairing, end_year=form.cleaned_data["end_year"])
        except PairaidError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Pairing ended."))
            return redirect("web:pairing", pk=pairing.pk)
    return _page(request, form, _("End the pairing"), pairing)


@login_required
def pairing_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = get_object_or_404(Pairing, pk=pk)
    if not registry_permissions.can_pairing_reassign(request.user, pairing):
        raise PermissionDenied
    form = PairingReassignForm(request.POST or None, initial={"source_url": pairing.source_url})
    if request.method == "POST" and form.is_valid():
        try:
            successor = entry.pairing_reassign(
                user=request.user, pairing=pairing, year=form.cleaned_data["year"], data=form.reassign_data()
            )
        except PairaidError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Pairing re-assigned: the old one ended, this one starts."))
            return redirect("web:pairing", pk=successor.pk)
    return _page(request, form, _("Re-assign the pairing"), pairing)
