"""Links from a report to the web pages that show its evidence."""

from __future__ import annotations

from django.conf import settings


def links_are_local() -> bool:
    """Whether the site's address is the default, this computer's (``PAIRAID_SITE_URL`` not set): a report's
    evidence links then open nowhere but here, and its notes quoting each sentence are the evidence."""
    return settings.SITE_URL.rstrip("/") == settings.DEFAULT_SITE_URL


def evidence_url(document_id: int, start: int, end: int) -> str:
    """The web page that shows a span of a document, at the site's address (``PAIRAID_SITE_URL``)."""
    return f"{settings.SITE_URL}/documents/{document_id}/#span-{start}-{end}"
