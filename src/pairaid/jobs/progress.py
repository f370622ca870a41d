"""How the worker records a job's progress: each step, the end and a failure is one UPDATE outside any
transaction, so that every page sees it at once."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import get_valid_filename

from pairaid.jobs.models import Job, JobStage, JobStatus


def job_step(job: Job, *, stage: str, done: int | None = None, detail: str | None = None) -> None:
    """Record that ``job`` is at ``stage`` (a :class:`JobStage`), ``done`` steps done, reading ``detail``."""
    job.status, job.stage = JobStatus.RUNNING, stage
    job.heartbeat = timezone.now()
    fields: dict[str, Any] = {"status": JobStatus.RUNNING, "stage": stage, "heartbeat": job.heartbeat}
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
