"""The REST API ``/api/v1/`` (django-ninja): reads, writes, token authentication, one error shape.

The OpenAPI document is served at ``/api/v1/openapi.json`` and browsable at ``/api/v1/docs``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from pairaid import __version__
from pairaid.api import pairing_writes, totals, writes  # noqa: F401 - register their operations on the router
from pairaid.api.errors import error_response, install_error_handlers
from pairaid.api.reads import router as read_router

api = NinjaAPI(
    title="pairaid API",
    version=__version__,
    description=(
        "Pairing-off assistance data: areas, pairings, activities, transactions, indicators, data values, "
        "documents and evidence. Authenticate with `Authorization: Bearer <token>` "
        "(`pairaid token create USER`). Every error has the shape "
        '`{"error": {"code": ..., "message": ..., "details": ...}}`.'
    ),
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("", read_router)


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other address under ``/api/v1/``: the JSON 404."""
    return error_response(api, request, 404, "not_found", f"No API endpoint at /api/v1/{rest}")


def _json_405(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allowed = response.get("Allow", "")
            response = error_response(api, request, 405, "method_not_allowed", f"Allowed: {allowed}")
            response["Allow"] = allowed
        return response

    wrapper.csrf_exempt = True  # type: ignore[attr-defined]
    return wrapper


def api_urls() -> tuple[list[Any], str, str]:
    """``api.urls`` with a JSON body on "405 method not allowed" too."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = _json_405(pattern.callback)
    return patterns, app_name, namespace
