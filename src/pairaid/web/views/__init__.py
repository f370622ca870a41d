"""The pages, one module per group: browse, documents and review, data entry."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse

from pairaid.accounts.permissions import can_view_site


def site_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let a visitor in only when anonymous access is on; otherwise send them to the login page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_view_site(request.user):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


Found = TypeVar("Found")


def or_404(read: Callable[..., Found], **keys: Any) -> Found:
    """What the selector ``read`` finds with ``keys``, or a 404 page when it finds nothing."""
    try:
        return read(**keys)
    except ObjectDoesNotExist as missing:
        raise Http404(str(missing)) from missing


def int_param(request: HttpRequest, name: str, default: int | None = None) -> int | None:
    """A whole-number query parameter, or ``default`` when absent or not a number."""
    raw = request.GET.get(name, "")
    try:
        value = int(raw)
    except ValueError:
        return default
    return value if 0 < value < 10_000_000_000 else default


def text_param(request: HttpRequest, name: str, max_length: int = 100) -> str:
    """A text query parameter, stripped, without NUL characters (which no database stores), cut to ``max_length``."""
    return request.GET.get(name, "").replace("\x00", "").strip()[:max_length]
