"""Links from a report to the web pages that show its evidence."""

from __future__ import annotations

from django.conf import settings


def evidence_url(document_id: int, start: int, end: int) -> str:
    """The web page that shows a span of a document, at the site's address (``PAIRAID_SITE_URL``)."""
    return f"{settings.SITE_URL}/documents/{document_id}/#span-{start}-{end}"
