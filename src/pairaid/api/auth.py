"""API authentication: a bearer token, the browser session, or (for reads) an anonymous visitor.

* ``Authorization: Bearer pat_…`` — a token from ``pairaid token create USER``; a
  wrong or revoked token is a 401 (never a silent fall back to anonymous).
* the session cookie of a signed-in browser user; writes then need the CSRF token.
* anonymous reads when ``settings.ANONYMOUS_ACCESS == "accepted"`` (confirmed figures only).

The authenticated user is also put in ``request.user`` so that the audit trail
records them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from pairaid.accounts.permissions import NotAllowed
from pairaid.accounts.services import token_authenticate


class BearerToken(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any | None:
        header = request.headers.get("Authorization", "")
        if header and not header.lower().startswith("bearer "):
            raise AuthenticationError()
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = token_authenticate(token=token.replace("\x00", ""))
        if user is None:
            raise AuthenticationError()
        request.user = user
        return user


class SessionUser:
    """The signed-in browser user; unsafe methods must carry the CSRF token.

    Not a documented security scheme: the documented way in is the bearer token.
    """

    def __call__(self, request: HttpRequest) -> Any | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed.")
        return user


class _Anonymous(AnonymousUser):
    def __bool__(self) -> bool:
        return True


def anonymous_reader(request: HttpRequest) -> Any | None:
    """Let an anonymous visitor read when anonymous access is on."""
    if settings.ANONYMOUS_ACCESS == "accepted" and request.method in ("GET", "HEAD", "OPTIONS"):
        return _Anonymous()
    return None


READ_AUTH = [BearerToken(), SessionUser(), anonymous_reader]
#: OpenAPI security of the reads: a token, or nobody (when anonymous access is on).
READ_SECURITY = {"security": [{"BearerToken": []}, {}]}
WRITE_AUTH = [BearerToken(), SessionUser()]


def api_user(request: HttpRequest) -> Any:
    """The user a request acts as (``AnonymousUser`` for visitors)."""
    user = getattr(request, "auth", None)
    return user if user is not None else AnonymousUser()


def write_auth_requiring(allowed: Callable[[Any], bool], message: str) -> list[Any]:
    """:data:`WRITE_AUTH` that also refuses a user without a right (403 ``message``) before the body is
    read: someone who may not send a request learns nothing from its validation."""

    def checked(user: Any) -> Any:
        if user and not allowed(user):
            raise NotAllowed(message)
        return user

    class Bearer(BearerToken):
        def authenticate(self, request: HttpRequest, token: str) -> Any | None:
            return checked(super().authenticate(request, token))

    class Session(SessionUser):
        def __call__(self, request: HttpRequest) -> Any | None:
            return checked(super().__call__(request))

    Bearer.__name__ = BearerToken.__name__  # the same documented security scheme
    return [Bearer(), Session()]
