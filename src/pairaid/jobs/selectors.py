"""Reads of background work: a user's jobs, one job as its page and its progress poll show it."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from pairaid.accounts.permissions import user_rights
from pairaid.jobs.models import STALE_AFTER, Job, JobStatus


def job_list(*, user: Any) -> QuerySet[Job]:
    """The jobs ``user`` may see, newest first: their own; every job for administrators."""
    qs = Job.objects.select_related("user")
    return qs if user_rights(user).administrator else qs.filter(user=user)


def stale_message() -> str:
    """What a job whose worker stopped says (in the reader's language)."""
    minutes = int(STALE_AFTER.total_seconds() // 60)
    return _("Its worker stopped: no progress for %(minutes)s minutes. Start it again.") % {"minutes": minutes}


def error_words(text: str) -> str:
    """A job's error that has no code in the reader's language: each "file: message" part (joined by "; ") with
    its message said with gettext when the catalogue has it (a stopped worker, an upload refused by a rule);
    other words stay as written. A file refused by the report reader is said by its code (:func:`file_error`)."""
    parts = []
    for part in re.split(r"; (?!run OCR first)", text) if text else []:  # files' errors joined by "; "
        name, sep, message = part.partition(": ")
        parts.append(f"{name}: {_(message)}" if sep and message else _(part))
    return "; ".join(parts)


def file_error(outcome: dict[str, Any]) -> str:
    """Why one file of an upload was not read, in the reader's language: by its refusal's code and values
    (:mod:`pairaid.jobs.refusal_words`); an error without a code as :func:`error_words` says it."""
    from pairaid.jobs.refusal_words import refusal_words

    worded = refusal_words(str(outcome.get("code") or ""), outcome.get("params"))
    return worded if worded is not None else error_words(str(outcome.get("error") or ""))


def job_error(job: Job) -> str:
    """A failed job's error in the reader's language: each file's (named) when the job read files, else its own."""
    files = [f for f in (job.result or {}).get("files", []) if isinstance(f, dict) and f.get("error")]
    if not files or not any(f.get("code") for f in files):
        return error_words(job.error)
    return "; ".join(f"{f['filename']}: {file_error(f)}" if f.get("code") else error_words(f["error"]) for f in files)


def job_progress(*, job: Job) -> dict[str, Any]:
    """What the page polls: status, percent, stage (in the reader's language), detail, error, whether a file waits.
    A running job whose worker stopped (:attr:`Job.stale`) shows as failed, with why."""
    if job.stale:
        return {**_progress(job), "status": JobStatus.FAILED, "status_label": str(JobStatus.FAILED.label),
                "error": stale_message(), "finished": True}
    return _progress(job)


def _progress(job: Job) -> dict[str, Any]:
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "percent": job.percent,
        "done": job.done,
        "total": job.total,
        "stage": str(job.get_stage_display()),
        "detail": job.detail,
        "error": job_error(job) if job.error else "",
        "download": bool(job.output),
        "finished": job.status in ("done", "failed"),
    }
