"""Starting background work and recording its progress.

Each ``*_start`` service checks what the user asked for, stores what the worker needs
(uploaded files go to the default storage, shared by every web process and worker),
creates the :class:`Job` and queues :func:`pairaid.jobs.tasks.job_run` in the same
transaction, so that a worker never sees a job that is not there. It returns at once.
The worker reports through :mod:`pairaid.jobs.progress`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import get_valid_filename

from pairaid.accounts import permissions
from pairaid.core.errors import InputError
from pairaid.entry.upload import report_upload_allowed
from pairaid.jobs.models import STALE_AFTER, Job, JobKind, JobStatus
from pairaid.jobs.progress import job_fail
from pairaid.jobs.selectors import stale_message
from pairaid.registry.models import Pairing
from pairaid.reports.builds import LANGUAGES
from pairaid.reports.services import FORMATS as REPORT_FORMATS

EXPORT_FORMATS = ("csv", "datapackage", "iati")


def jobs_fail_stale() -> int:
    """Record as failed every running job whose worker stopped (:attr:`Job.stale`), with why, and its
    django-tasks result too, so that neither stays "running"; returns how many. A worker runs this as it starts."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now, failed = timezone.now(), 0
    since = now - STALE_AFTER
    lost = Job.objects.filter(status=JobStatus.RUNNING).filter(
        Q(heartbeat__lt=since) | Q(heartbeat__isnull=True, created__lt=since)
    )
    for job in lost:
        job_fail(job, error=stale_message())
        if job.task_id:
            DBTaskResult.objects.running().filter(pk=job.task_id).update(
                status=TaskResultStatus.FAILED, finished_at=now, exception_class_path="builtins.RuntimeError",
                traceback=f"RuntimeError: {job.error}",
            )
        failed += 1
    return failed


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
