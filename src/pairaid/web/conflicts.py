"""Changes to figures that a submitted, approved or frozen dataset holds are answered with 409 Conflict.

The services raise :class:`~pairaid.core.errors.LockedError`; the pages let it
through, and this middleware turns it into a page that says why, with status 409
(the API answers the same error with its JSON shape, status 409).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pairaid.core.errors import LockedError


class LockedConflictMiddleware:
    """Render ``web/conflict.html`` with status 409 for a :class:`LockedError` a page let through."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, LockedError):
            return render(request, "web/conflict.html", {"reason": str(exception)}, status=409)
        return None
