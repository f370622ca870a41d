"""Starting background work and recording its progress.

Each ``*_start`` service checks what the user asked for, stores what the worker needs
(uploaded files go to the default storage, shared by every web process and worker),
creates the :class:`Job` and queues :func:`pairaid.jobs.tasks.job_run` in the same
transaction, so that a worker never sees a job that is not there. It returns at once.
The worker reports through :func:`job_step`, :func:`job_finish` and :func:`job_fail`,
each one UPDATE outside any transaction, so that every page sees it at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename

from pairaid.accounts import permissions
from pairaid.core.errors import InputError
from pairaid.entry.upload import report_upload_allowed
from pairaid.jobs.models import Job, JobKind, JobStage, JobStatus
from pairaid.registry.models import Pairing
from pairaid.reports.builds import LANGUAGES
from pairaid.reports.services import FORMATS as REPORT_FORMATS

EXPORT_FORMATS = ("csv", "datapackage", "iati")


def _queue(job: Job) -> Job:
    from pairaid.jobs.tasks import job_run

    result = job_run.enqueue(job.pk)
    job.task_id = str(result.id)
    job.save(update_fields=["task_id"])
    return job


@transaction.atomic
def job_create(*, user: Any, kind: str, params: dict[str, Any], total: int = 1) -> Job:
    """Create a job of ``kind`` for ``user`` and queue it; the worker starts it when free."""
    permissions.require(permissions.user_rights(user).authenticated, "Sign in to start background work.")
    return _queue(Job.objects.create(user=user, kind=kind, params=params, total=max(total, 1)))


def reports_upload_start(
    *, user: Any, files: Iterable[Any], report_year: int, donor: str | None, recipient: str | None
) -> Job:
    """Store uploaded report files (Django ``UploadedFile`` objects) and queue their reading.

    Raises:
        NotAllowed: ``user`` may not upload, or not reports about this donor and recipient
            (:func:`pairaid.entry.upload.report_upload_allowed`); nothing is stored.
        InputError: no file.
    """
    files = list(files)
    if not files:
        raise InputError("no file to read")
    permissions.require(
        report_upload_allowed(user=user, report_year=report_year, donor=donor, recipient=recipient),
        "You may upload reports only about the pairings and areas you edit.",
    )
    stored = []
    for upload in files:
        name = get_valid_filename(PurePath(upload.name).name) or "report"
        stored.append({"path": default_storage.save(f"inputs/{name}", File(upload)), "filename": upload.name})
    params = {"files": stored, "report_year": report_year, "donor": donor or "", "recipient": recipient or ""}
    return job_create(user=user, kind=JobKind.INGEST, params=params, total=2 * len(stored))


def report_start(
    *, user: Any, year: int, pairing: Pairing | None, fmt: str, language: str = "en", include_extracted: bool = False
) -> Job:
    """Queue the annual report of ``pairing`` (the national overview when None) for ``year`` in ``fmt``.

    Raises:
        InputError: an unknown format or language.
    """
    if fmt not in REPORT_FORMATS:
        raise InputError(f"unknown report format {fmt!r} (use one of {', '.join(REPORT_FORMATS)})")
    if language not in LANGUAGES:
        raise InputError(f"unknown language {language!r} (use one of {', '.join(LANGUAGES)})")
    params = {
        "year": year,
        "pairing": pairing.pk if pairing else None,
        "format": fmt,
        "language": language,
        "include_extracted": include_extracted,
    }
    kind = JobKind.REPORT if pairing is not None else JobKind.OVERVIEW
    return job_create(user=user, kind=kind, params=params, total=2)


def export_start(*, user: Any, fmt: str, pairing: Pairing | None = None, year: int | None = None) -> Job:
    """Queue an open-data export (csv, datapackage as a .zip, iati) of ``pairing``'s tree (all when None).

    Raises:
        InputError: an unknown format.
    """
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r} (use one of {', '.join(EXPORT_FORMATS)})")
    params = {"format": fmt, "pairing": pairing.pk if pairing else None, "year": year}
    return job_create(user=user, kind=JobKind.EXPORT, params=params, total=2)


def form_start(*, user: Any, pairing: Pairing, year: int) -> Job:
    """Queue the yearly statistical form (.xlsx) of ``pairing`` for ``year``."""
    return job_create(user=user, kind=JobKind.FORM, params={"pairing": pairing.pk, "year": year}, total=2)


def job_step(job: Job, *, stage: str, done: int | None = None, detail: str | None = None) -> None:
    """Record that ``job`` is at ``stage`` (a :class:`JobStage`), ``done`` steps done, reading ``detail``."""
    job.status, job.stage = JobStatus.RUNNING, stage
    fields: dict[str, Any] = {"status": JobStatus.RUNNING, "stage": stage}
    if done is not None:
        job.done = fields["done"] = min(done, job.total)
    if detail is not None:
        job.detail = fields["detail"] = detail[:300]
    Job.objects.filter(pk=job.pk).update(**fields)


def job_finish(job: Job, *, result: dict[str, Any], data: bytes | None = None, filename: str = "") -> None:
    """Record that ``job`` is done: what it stored (``result``) and the file it built (``data``, ``filename``)."""
    if data is not None:
        job.output.save(f"{job.pk}-{get_valid_filename(filename)}", ContentFile(data), save=False)
        job.output_name = filename
    job.status, job.stage, job.done, job.detail = JobStatus.DONE, JobStage.FINISHED, job.total, ""
    job.result, job.finished = result, timezone.now()
    job.save(update_fields=["status", "stage", "done", "detail", "result", "finished", "output", "output_name"])


def job_fail(job: Job, *, error: str, result: dict[str, Any] | None = None) -> None:
    """Record that ``job`` stopped on ``error`` (one line, shown to the user)."""
    job.status, job.error, job.finished = JobStatus.FAILED, error[:2000], timezone.now()
    job.result = result if result is not None else job.result
    job.save(update_fields=["status", "error", "finished", "result"])


def job_inputs_delete(job: Job) -> None:
    """Remove the uploaded files ``job`` has read from the storage."""
    for item in job.params.get("files", []):
        default_storage.delete(item["path"])
