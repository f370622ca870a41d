"""Upload of a report to ingest: read the file's bytes, then hand the text to the ingest service.

The pages store the file and queue the reading (:mod:`pairaid.jobs`): :func:`report_upload_allowed`
answers at once from the donor and recipient given with it (an editor names both); the worker reads the file with
:func:`report_upload`, which checks again on what the text says it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings

from pairaid.accounts import permissions
from pairaid.core.documents import read_document_bytes
from pairaid.core.gazetteer_store import default_gazetteer
from pairaid.ingest.subjects import Subject, SubjectResolver
from pairaid.sources.models import SourceDocument

_NOT_YOURS = "You may upload reports only about the pairings and areas you edit."


def _subject_allowed(user: Any, subject: Subject) -> bool:
    return permissions.can_report_upload(
        user,
        pairing_id=subject.pairing.pk if subject.pairing else None,
        area_id=subject.area.pk if subject.area else None,
    )


def report_upload_allowed(*, user: Any, report_year: int, donor: str | None, recipient: str | None) -> bool:
    """Whether ``user`` may upload a report of ``report_year`` about ``donor`` and ``recipient`` (as written).

    Without a donor and a recipient the subject is known only once the text is read: the
    national office and administrators may upload such a report (:func:`report_upload` reads what it
    is about); an editor names both, so that the report is refused at once when it is not theirs,
    not later by the worker.
    """
    if not permissions.can_upload(user):
        return False
    if permissions.acts_nationally(user):
        return True
    if not (donor and recipient):
        return False
    resolver = SubjectResolver(gazetteer=default_gazetteer(), context=(donor or "", recipient or ""))
    return _subject_allowed(user, resolver.subject(donor=donor or "", recipient=recipient or "", year=report_year))


def report_upload(
    *,
    user: Any,
    data: bytes,
    filename: str,
    report_year: int,
    donor: str | None,
    recipient: str | None,
    on_read: Callable[[], None] | None = None,
) -> SourceDocument:
    """Read ``data`` (a .txt, .html, .docx or .pdf file of at most ``settings.UPLOAD_MAX_BYTES``) and ingest it.

    Returns the stored document (the existing one when the same text was read before).
    ``on_read`` is called once the file is read into text, before its figures are read.

    Raises:
        NotAllowed: ``user`` may not upload, or not a report about this pairing or area
            (:func:`~pairaid.accounts.permissions.can_report_upload`; nothing is stored). A figure the text
            places on a pairing or area outside the user's rights is stored unattached, for review.
        InputError: a file that cannot be read (type, size, encoding, no text, a .docx zip bomb).
    """
    permissions.require(permissions.can_upload(user), "You may not upload reports.")
    document = read_document_bytes(data, filename=filename, max_bytes=settings.UPLOAD_MAX_BYTES)
    if on_read is not None:
        on_read()
    from pairaid.ingest.services import document_ingest

    def check(subject: Subject) -> None:
        permissions.require(_subject_allowed(user, subject), _NOT_YOURS)

    result = document_ingest(
        document=document,
        report_year=report_year,
        donor=donor,
        recipient=recipient,
        subject_check=check,
        # each figure's own subject as the reading places it, with the same rights: never on a pairing not theirs
        subject_allowed=lambda subject: _subject_allowed(user, subject),
    )
    return result if isinstance(result, SourceDocument) else result.document
