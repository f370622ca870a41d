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
    """A job's error in the reader's language: each "file: message" part (joined by "; ") with its message
    said with gettext when the catalogue has it (a refusal, a stopped worker; the report reader's refusals by their
    shape, :mod:`pairaid.jobs.refusal_words`); other words stay as written."""
    from pairaid.jobs.refusal_words import refusal_words

    parts = []
    for part in re.split(r"; (?!run OCR first)", text) if text else []:  # files' errors joined by "; "
        name, sep, message = part.partition(": ")
        if sep and message:
            parts.append(f"{name}: {refusal_words(message) or _(message)}")
        else:
            parts.append(refusal_words(part) or _(part))
    return "; ".join(parts)


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
        "error": error_words(job.error),
        "download": bool(job.output),
        "finished": job.status in ("done", "failed"),
    }
