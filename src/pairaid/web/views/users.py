"""The users' pages (administrators and the national office): the list, a new user, a user's
memberships given and taken away, deactivation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pairaid.accounts import services
from pairaid.accounts.permissions import NotAllowed
from pairaid.accounts.selectors import membership_get, membership_list, user_get, user_list
from pairaid.accounts.user_permissions import can_membership_revoke, can_user_deactivate, can_users_manage
from pairaid.core.errors import PairaidError
from pairaid.web.user_forms import MembershipForm, UserCreateForm
from pairaid.web.views import or_404, text_param


def _manager(request: HttpRequest) -> None:
    if not can_users_manage(request.user):
        raise PermissionDenied


@login_required
def user_index(request: HttpRequest) -> HttpResponse:
    _manager(request)
    query = text_param(request, "q")
    page = Paginator(user_list(query=query), 50).get_page(request.GET.get("page"))
    return render(request, "web/user_list.html", {"page": page, "q": query, "filters": {"q": query} if query else {}})


@login_required
def user_new(request: HttpRequest) -> HttpResponse:
    _manager(request)
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                actor=request.user, username=data["username"], password=data["password1"], email=data["email"]
            )
        except NotAllowed:
            raise PermissionDenied from None
        except PairaidError as exc:
            form.add_error("username", str(exc))
        else:
            messages.success(request, _("User %(name)s created. Give them a role below.") % {"name": user.username})
            return redirect("web:user", pk=user.pk)
    return render(request, "web/user_form.html", {"form": form})


def _user_page(request: HttpRequest, user: Any, form: MembershipForm, status: int = 200) -> HttpResponse:
    memberships = [
        (m, can_membership_revoke(request.user, m))
        for m in membership_list(user=user)
    ]
    context = {
        "person": user,
        "memberships": memberships,
        "form": form,
        "may_deactivate": can_user_deactivate(request.user, user),
    }
    return render(request, "web/user_detail.html", context, status=status)


@login_required
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    user = or_404(user_get, pk=pk)
    form = MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.membership_grant(
                    actor=request.user, user=user, role=data["role"], pairings=data["pairings"], areas=data["areas"]
                )
        except NotAllowed:
            raise PermissionDenied from None
        except PairaidError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Role given."))
            return redirect("web:user", pk=user.pk)
    return _user_page(request, user, form, status=400 if form.errors else 200)


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int, membership_id: int) -> HttpResponse:
    _manager(request)
    membership = or_404(membership_get, pk=membership_id, user_id=pk)
    try:
        services.membership_revoke(actor=request.user, membership=membership)
    except NotAllowed:
        raise PermissionDenied from None
    messages.success(request, _("Role taken away."))
    return redirect("web:user", pk=pk)


@login_required
@require_POST
def user_active(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    user = or_404(user_get, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.user_set_active(actor=request.user, user=user, active=active)
    except NotAllowed:
        raise PermissionDenied from None
    messages.success(request, _("User activated.") if active else _("User deactivated: they can no longer sign in."))
    return redirect("web:user", pk=pk)
