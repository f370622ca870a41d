"""The management pages' index and the global audit log (administrators and the national office)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pairaid.accounts.selectors import users_by_name
from pairaid.accounts.user_permissions import can_users_manage
from pairaid.audit.log import audit_log, log_entries, log_kinds
from pairaid.web.views import int_param, text_param


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    if not can_users_manage(request.user):
        raise PermissionDenied
    return render(request, "web/manage.html")


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    if not can_users_manage(request.user):
        raise PermissionDenied
    kinds = log_kinds()
    kind = text_param(request, "kind")
    action = text_param(request, "action")
    since, until = _date(text_param(request, "since")), _date(text_param(request, "until"))
    user_id = int_param(request, "user")
    rows = audit_log(
        kinds=[kind] if kind in kinds else None,
        user_id=user_id,
        action=action if action in ("+", "~", "-") else "",
        since=since,
        until=until,
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    filters = {
        "kind": kind if kind in kinds else "",
        "user": str(user_id) if user_id else "",
        "action": action if action in ("+", "~", "-") else "",
        "since": since.isoformat() if since else "",
        "until": until.isoformat() if until else "",
    }
    context = {
        "page": page,
        "entries": log_entries(page.object_list),
        "kinds": kinds,
        "users": users_by_name(),
        "filters": filters,
    }
    return render(request, "web/audit_log.html", context)
