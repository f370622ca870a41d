"""Upload of a report to ingest: read the file's bytes, then hand the text to the ingest service."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from typing import Any

from django.conf import settings

from pairaid.accounts import permissions
from pairaid.core.documents import read_document_bytes
from pairaid.core.errors import InputError
from pairaid.sources.models import SourceDocument

#: How much bigger than the upload limit the unpacked parts of a .docx may be: a big .docx is big for its
#: pictures, which do not compress, and the XML of even a 1,000-page report is some tens of MB.
DOCX_UNPACKED_RATIO = 2


def docx_unpacked_check(data: bytes, *, filename: str, max_bytes: int) -> None:
    """Refuse a .docx whose parts unpack to more than ``DOCX_UNPACKED_RATIO × max_bytes`` (a zip bomb).

    The sizes are those the zip's directory declares; Python's ``zipfile`` never
    reads past a part's declared size, so a lying directory cannot get round it.
    A file that is not a zip passes here and is refused by the reader.

    Raises:
        InputError: the parts unpack to more than the limit.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    if unpacked > DOCX_UNPACKED_RATIO * max_bytes:
        raise InputError(f"{filename}: the .docx unpacks to {unpacked:,} bytes, more than a report can hold")


def report_upload(
    *, user: Any, data: bytes, filename: str, report_year: int, donor: str | None, recipient: str | None
) -> SourceDocument:
    """Read ``data`` (a .txt, .html, .docx or .pdf file of at most ``settings.UPLOAD_MAX_BYTES``) and ingest it.

    Returns the stored document (the existing one when the same text was read before).

    Raises:
        NotAllowed: ``user`` may not upload.
        InputError: a file that cannot be read (type, size, encoding, no text, a .docx zip bomb).
    """
    permissions.require(permissions.can_upload(user), "You may not upload reports.")
    if PurePath(filename).suffix.lower() == ".docx":
        docx_unpacked_check(data, filename=filename, max_bytes=settings.UPLOAD_MAX_BYTES)
    document = read_document_bytes(data, filename=filename, max_bytes=settings.UPLOAD_MAX_BYTES)
    from pairaid.ingest.services import document_ingest

    result = document_ingest(document=document, report_year=report_year, donor=donor, recipient=recipient)
    return result if isinstance(result, SourceDocument) else result.document
