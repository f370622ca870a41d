"""Reads of background work: a user's jobs, one job as its page and its progress poll show it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from pairaid.accounts.permissions import user_rights
from pairaid.jobs.models import Job


def job_list(*, user: Any) -> QuerySet[Job]:
    """The jobs ``user`` may see, newest first: their own; every job for administrators."""
    qs = Job.objects.select_related("user")
    return qs if user_rights(user).administrator else qs.filter(user=user)


def job_progress(*, job: Job) -> dict[str, Any]:
    """What the page polls: status, percent, stage (in the reader's language), detail, error, whether a file waits."""
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "percent": job.percent,
        "done": job.done,
        "total": job.total,
        "stage": str(job.get_stage_display()),
        "detail": job.detail,
        "error": job.error,
        "download": bool(job.output),
        "finished": job.status in ("done", "failed"),
    }
