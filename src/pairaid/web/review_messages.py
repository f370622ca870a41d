"""What the review pages tell the reviewer after a step: a bulk review's counts (done, refused, left), and
the unit a correction of the indicator brought with it. Plurals and units in the page's language."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pairaid.review.services import BulkResult
from pairaid.web.templatetags.pairaid_web import unit


def bulk_summary(result: BulkResult, *, left: int) -> str:
    """'2 figures done, 1 refused, 5 left to review.' (``left``: the figures still waiting in the queue)."""
    done, refused = len(result.done), len(result.skipped)
    parts = [
        ngettext("%(n)s figure done", "%(n)s figures done", done) % {"n": done},
        ngettext("%(n)s refused", "%(n)s refused", refused) % {"n": refused},
        ngettext("%(n)s left to review", "%(n)s left to review", left) % {"n": left},
    ]
    return _("%(done)s, %(refused)s, %(left)s.") % dict(zip(("done", "refused", "left"), parts, strict=True))


def unit_changed(pk: int, before: str, after: str) -> str:
    """The warning that correcting figure ``pk``'s indicator changed its unit from ``before`` to ``after``."""
    return _("The new indicator counts in %(after)s: figure #%(id)s's unit changed from %(before)s to %(after)s.") % {
        "id": pk,
        "before": unit(before),
        "after": unit(after),
    }
