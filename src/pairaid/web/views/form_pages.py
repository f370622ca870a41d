"""The one way a page saves a form: on a valid POST, save and go on to what was saved; a refusal is a 403,
a rule the save broke is shown on the form, a locked dataset is the 409 page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse

from pairaid.accounts import permissions
from pairaid.core.errors import LockedError, PairaidError

_Saved = TypeVar("_Saved")


def saved_form_page(
    request: HttpRequest,
    form: Any,
    *,
    save: Callable[[], _Saved],
    saved: str,
    then: Callable[[_Saved], HttpResponse],
    page: Callable[[], HttpResponse],
) -> HttpResponse:
    """On a valid POST, ``save()`` and go ``then`` to what it saved, saying ``saved``; else (a GET, a form
    not valid, a save that broke a rule) the ``page`` of the form."""
    if request.method == "POST" and form.is_valid():
        try:
            done = save()
        except permissions.NotAllowed:
            raise PermissionDenied from None
        except (ValidationError, PairaidError) as exc:
            form_errors(form, exc)
        else:
            messages.success(request, saved)
            return then(done)
    return page()


def form_errors(form: Any, exc: Exception) -> None:
    """Show what ``exc`` says on ``form``: a field's errors at the field, the rest above the form."""
    if isinstance(exc, LockedError):
        raise exc  # a 409 page (pairaid.web.conflicts): no change to the form makes it pass
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif isinstance(exc, ValidationError):
        form.add_error(None, exc.messages)
    else:
        form.add_error(None, str(exc))
