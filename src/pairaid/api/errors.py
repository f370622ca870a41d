"""One JSON error shape for every API error: ``{"error": {"code", "message", "details"}}``, ``details`` always a
list of ``{"loc", "msg", "type"}`` (:class:`ErrorDetail`): what the parser refused and what a rule refused alike
(``{"loc": ["body", "unit"], "msg": "The unit of GDP … is CNY, not km.", "type": "invalid"}``), empty for an
error that is not about a field.

| status | code | when |
| --- | --- | --- |
| 401 | not_authenticated | no or a bad token, or anonymous access is off |
| 403 | forbidden | signed in, but the user's role does not allow it (or a CSRF failure) |
| 404 | not_found | no such route, or no object the path names (`PUT /plans/99999/2012/values`) |
| 409 | conflict | a clash: one confirmed figure per key; a locked dataset; a review of a reviewed figure; a pairing |
| 422 | invalid | the request breaks a rule (details: per field); a body field names no object (`"pairing": 99999`) |
| 429 | throttled | too many requests |
| 500 | server_error | a bug; logged |

Existence is told before rights: a request naming what does not exist is a 404 (path) or 422 (body), never a 403.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from pairaid.accounts.permissions import NotAllowed
from pairaid.core.errors import DataError, InvalidError, PairaidError

logger = logging.getLogger(__name__)


class ErrorDetail(Schema):
    """One thing wrong with the request."""

    loc: list[str] = Field(
        ...,
        description='where, as the client wrote it: ["body", "value"], ["query", "year"], ["path", "pk"]; '
        '["body"] for the request as a whole',
    )
    msg: str = Field(..., description="what is wrong, in the request's language where the rule words it")
    type: str = Field(
        ..., description="the kind of error: the parser's (missing, extra_forbidden, null…) or a rule's (invalid…)"
    )


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail] = Field(
        default_factory=list, description="for 422, each thing wrong with the request; empty for other errors"
    )


class ErrorOut(Schema):
    """The shape of every error response."""

    error: ErrorBody


#: The message of a request refused for its shape (the parser's errors), as against one refused by a rule.
NOT_PARSED = "The request is not valid."


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
) -> HttpResponse:
    """The one error shape; ``details`` a list of ``{"loc", "msg", "type"}`` (:class:`ErrorDetail`), empty when
    not given."""
    return api.create_response(
        request, {"error": {"code": code, "message": message, "details": details or []}}, status=status
    )


_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid",
    429: "throttled",
}


def _field_path(loc: Any) -> list[str]:
    """Where an error is, as the client wrote it: ``["body", "weight"]``, ``["query", "year"]``. Django Ninja
    puts the name of the view's body parameter after "body" (every view names it ``body``: ``["body", "body",
    "weight"]``); that name is the server's, not part of the request, and is left out."""
    path = [str(p) for p in loc]
    return [path[0], *path[2:]] if path[:2] == ["body", "body"] else path


def _jsonable_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for err in errors:
        out.append(
            {
                "loc": _field_path(err.get("loc", [])),
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
        )
    return out


def _rule_errors(exc: DjangoValidationError) -> list[dict[str, Any]]:
    """A rule's refusal (``{field: [messages]}``, or messages of the whole) as the parser's errors are given:
    ``{"loc": ["body", field], "msg", "type"}``, the whole request at ``["body"]``."""
    fields = exc.error_dict.items() if hasattr(exc, "error_dict") else [(NON_FIELD_ERRORS, exc.error_list)]
    return [
        {
            "loc": ["body"] if field == NON_FIELD_ERRORS else ["body", str(field)],
            "msg": str(message),
            "type": str(error.code or "invalid"),
        }
        for field, errors in fields
        for error in errors
        for message in error.messages
    ]


#: The exceptions answered with one status and code: the message given, or the exception's own words (None).
_ANSWERS: tuple[tuple[type[Exception], int, str, str | None], ...] = (
    (AuthenticationError, 401, "not_authenticated", "Authentication required: send a valid token."),
    (NotAllowed, 403, "forbidden", None),
    (Throttled, 429, "throttled", "Too many requests."),
    (Http404, 404, "not_found", "Not found."),
    (ObjectDoesNotExist, 404, "not_found", "Not found."),
    (InvalidError, 422, "invalid", None),
    (DataError, 409, "conflict", None),
    (PairaidError, 422, "invalid", None),
)


def _answer(
    api: NinjaAPI, status: int, code: str, message: str | None
) -> Callable[[HttpRequest, Exception], HttpResponse]:
    def handler(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(api, request, status, code, str(exc) if message is None else message)

    return handler


def install_error_handlers(api: NinjaAPI) -> None:
    """Register the handlers that turn every exception into the one error shape."""

    @api.exception_handler(NinjaValidationError)
    def _invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return error_response(api, request, 422, "invalid", NOT_PARSED, _jsonable_errors(exc.errors))

    @api.exception_handler(DjangoValidationError)
    def _model_invalid(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return error_response(api, request, 422, "invalid", "; ".join(exc.messages), _rule_errors(exc))

    @api.exception_handler(HttpError)
    def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(api, request, exc.status_code, _CODES.get(exc.status_code, "error"), str(exc))

    for exc_class, status, code, message in _ANSWERS:
        api.add_exception_handler(exc_class, _answer(api, status, code, message))

    @api.exception_handler(Exception)
    def _bug(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return error_response(api, request, 500, "server_error", "Internal server error.")


#: Documented error responses: every operation lists these.
READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
