"""The pairing registry's pages: create, end and re-assign a pairing (the national office and administrators)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pairaid.accounts import registry_permissions
from pairaid.entry import pairings as entry
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_get
from pairaid.web.pairing_forms import PairingEndForm, PairingForm, PairingReassignForm
from pairaid.web.views import or_404
from pairaid.web.views.form_pages import saved_form_page


def _page(request: HttpRequest, form: Any, heading: str, pairing: Pairing | None = None) -> HttpResponse:
    return render(request, "web/pairing_form.html", {"form": form, "heading": heading, "pairing": pairing})


def _pairing_for(request: HttpRequest, pk: int, may: Callable[[Any, Pairing], bool]) -> Pairing:
    """Pairing ``pk``, when the user ``may`` change it (404 for none, 403 when not)."""
    pairing = or_404(pairing_get, pk=pk)
    if not may(request.user, pairing):
        raise PermissionDenied
    return pairing


def _saved_page(
    request: HttpRequest, form: Any, heading: str, pairing: Pairing | None, save: Callable[[], Pairing], done: str
) -> HttpResponse:
    """The form's page; a valid post ``save()``s and goes to the pairing it returns (:func:`saved_form_page`)."""
    return saved_form_page(
        request,
        form,
        save=save,
        saved=done,
        then=lambda saved: redirect("web:pairing", pk=saved.pk),
        page=lambda: _page(request, form, heading, pairing),
    )


@login_required
def pairing_new(request: HttpRequest) -> HttpResponse:
    if not registry_permissions.can_pairing_create(request.user):
        raise PermissionDenied
    form = PairingForm(request.POST or None)

    def save() -> Pairing:
        return entry.pairing_create(user=request.user, data=form.pairing_data())

    return _saved_page(request, form, _("New pairing"), None, save, _("Pairing saved."))


@login_required
def pairing_end(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing_for(request, pk, registry_permissions.can_pairing_end)
    form = PairingEndForm(request.POST or None)

    def save() -> Pairing:
        return entry.pairing_end(user=request.user, pairing=pairing, end_year=form.cleaned_data["end_year"])

    return _saved_page(request, form, _("End the pairing"), pairing, save, _("Pairing ended."))


@login_required
def pairing_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing_for(request, pk, registry_permissions.can_pairing_reassign)
    form = PairingReassignForm(request.POST or None, initial={"source_url": pairing.source_url})

    def save() -> Pairing:
        data = form.reassign_data()
        return entry.pairing_reassign(user=request.user, pairing=pairing, year=form.cleaned_data["year"], data=data)

    done = _("Pairing re-assigned: the old one ended, this one starts.")
    return _saved_page(request, form, _("Re-assign the pairing"), pairing, save, done)
