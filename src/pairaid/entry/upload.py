"""Upload of a report to ingest: read the file's bytes, then hand the text to the ingest service."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from pairaid.accounts import permissions
from pairaid.core.documents import read_document_bytes
from pairaid.sources.models import SourceDocument


def report_upload(
    *, user: Any, data: bytes, filename: str, report_year: int, donor: str | None, recipient: str | None
) -> SourceDocument:
    """Read ``data`` (a .txt, .html, .docx or .pdf file of at most ``settings.UPLOAD_MAX_BYTES``) and ingest it.

    Returns the stored document (the existing one when the same text was read before).

    Raises:
        NotAllowed: ``user`` may not upload, or not a report about this pairing or area
            (:func:`~pairaid.accounts.permissions.can_report_upload`; nothing is stored).
        InputError: a file that cannot be read (type, size, encoding, no text, a .docx zip bomb).
    """
    permissions.require(permissions.can_upload(user), "You may not upload reports.")
    document = read_document_bytes(data, filename=filename, max_bytes=settings.UPLOAD_MAX_BYTES)
    from pairaid.ingest.services import document_ingest
    from pairaid.ingest.subjects import Subject

    def check(subject: Subject) -> None:
        permissions.require(
            permissions.can_report_upload(
                user,
                pairing_id=subject.pairing.pk if subject.pairing else None,
                area_id=subject.area.pk if subject.area else None,
            ),
            "You may upload reports only about the pairings and areas you edit.",
        )

    result = document_ingest(
        document=document, report_year=report_year, donor=donor, recipient=recipient, subject_check=check
    )
    return result if isinstance(result, SourceDocument) else result.document
