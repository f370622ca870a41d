"""Reads of a page share the tables they ask about many times (:mod:`pairaid.core.read_once`)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from pairaid.core.read_once import read_once


class ReadOnceMiddleware:
    """A ``GET`` or ``HEAD`` request reads the pairing forest, the area tree and the codelist once;
    a write (``POST``…) reads them afresh each time, as it may change them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with read_once():
            return self.get_response(request)
