"""The REST API ``/api/v1/`` (django-ninja): reads, writes, token authentication, one error shape.

The OpenAPI document is served at ``/api/v1/openapi.json`` and browsable at ``/api/v1/docs``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from pairaid import __version__
from pairaid.api import pairing_writes, totals, writes, year  # noqa: F401 - register their operations on the router
from pairaid.api.errors import error_response, install_error_handlers
from pairaid.api.reads import router as read_router
from pairaid.core.numbers import format_decimal


class PairaidAPI(NinjaAPI):
    """The API, whose OpenAPI document says of query parameters what the API reads: text, never JSON ``null``."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for parameter in operation.get("parameters", ()):
                    if parameter["in"] == "query":
                        _drop_null(parameter["schema"])
        return schema


def _drop_null(schema: dict[str, Any]) -> None:
    """``anyOf: [X, null]`` -> X: a query parameter left out is absent, and ``?year=null`` is no year."""
    options = [option for option in schema.get("anyOf", ()) if option != {"type": "null"}]
    if "anyOf" in schema and len(options) == 1:
        del schema["anyOf"]
        schema.update(options[0])
    elif "anyOf" in schema:
        schema["anyOf"] = options


class _ExactDecimals(NinjaJSONEncoder):
    """Decimals as their exact value without trailing zeros, as text: ``"7.01"``, ``"20000000"`` (the database
    gives them at their column's scale, ``7.01000000000000``, which ``str`` would print)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal) and o.is_finite():
            return format_decimal(o)
        return super().default(o)


class ExactDecimalRenderer(JSONRenderer):
    """The API's JSON, every decimal written by :class:`_ExactDecimals` (figures, money, roll-ups, changes)."""

    encoder_class = _ExactDecimals


api = PairaidAPI(
    title="pairaid API",
    version=__version__,
    description=(
        "Pairing-off assistance data: areas, pairings, activities, transactions, indicators, data values, "
        "documents and evidence. Authenticate with `Authorization: Bearer <token>` "
        "(`pairaid token create USER`). Every error has the shape "
        '`{"error": {"code": ..., "message": ..., "details": [{"loc": [...], "msg": ..., "type": ...}]}}` '
        "(details: each thing wrong with the request, for 422; empty for other errors)."
    ),
    urls_namespace="api",
    renderer=ExactDecimalRenderer(),
)
install_error_handlers(api)
api.add_router("", read_router)


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any other address under ``/api/v1/``: the JSON 404."""
    return error_response(api, request, 404, "not_found", f"No API endpoint at /api/v1/{rest}")


def _query_names(view: Callable[..., HttpResponse], method: str) -> frozenset[str] | None:
    """The query parameters the operation of ``view`` for ``method`` reads (``None``: not known)."""
    path_view = getattr(view, "__self__", None)
    operation = next((op for op in getattr(path_view, "operations", ()) if method in op.methods), None)
    if operation is None:
        return None
    return frozenset(
        name
        for model in operation.models
        if model.__ninja_param_source__ == "query"
        for name in getattr(model, "__ninja_flatten_map__", {})
    )


def _json_405(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view, with a JSON 405, and a 422 for a query parameter the operation does not read (a mistyped filter
    would otherwise be ignored, and every row listed)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        known = _query_names(view, request.method or "")
        unknown = sorted(set(request.GET) - known) if known is not None else []
        if unknown:
            details = [
                {"loc": ["query", name], "msg": "unknown parameter", "type": "extra_forbidden"}
                for name in unknown
            ]
            message = f"Unknown query parameter: {', '.join(unknown)}"
            return error_response(api, request, 422, "invalid", message, details)
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
