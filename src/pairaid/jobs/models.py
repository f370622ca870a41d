"""Job: one piece of long work started from the pages, with its progress and its output.

The queue itself is django-tasks' (``django_tasks_db``). A job holds what the person
asked for (``kind`` and ``params``); how far the worker is (``done`` of ``total``
steps, the ``stage`` it is at, the file it reads in ``detail``); and what came out: a
file in the default storage (``output``, downloaded as ``output_name``), what it stored
(``result``) or the ``error`` that stopped it. Uploaded files wait in the same storage
under ``inputs/`` until the worker has read them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STALE_AFTER = datetime.timedelta(minutes=30)
"""How long a running job may record no progress before it counts as lost (the longest step of a
30 MB report takes a few minutes)."""


class JobKind(models.TextChoices):
    INGEST = "ingest", _("Reading reports")
    REPORT = "report", _("Annual report")
    OVERVIEW = "overview", _("National overview")
    EXPORT = "export", _("Open-data export")
    FORM = "form", _("Yearly form")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class JobStage(models.TextChoices):
    """Where a running job is (shown beside its progress bar)."""

    WAITING = "waiting", _("Waiting for a worker")
    READING_FILE = "reading_file", _("Reading the file")
    READING_FACTS = "reading_figures", _("Reading the figures and storing them")
    COLLECTING = "collecting", _("Collecting the figures")
    WRITING = "writing", _("Writing the file")
    FINISHED = "finished", _("Finished")


class Job(models.Model):
    """One piece of background work of one user."""

    kind = models.CharField(_("kind"), max_length=20, choices=JobKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="jobs")
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    params: models.JSONField[Any, Any] = models.JSONField(_("what was asked"), default=dict)
    total = models.PositiveIntegerField(_("steps"), default=1)
    done = models.PositiveIntegerField(_("steps done"), default=0)
    stage = models.CharField(_("stage"), max_length=20, choices=JobStage.choices, default=JobStage.WAITING)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    output = models.FileField(_("output"), upload_to="jobs/", max_length=300, blank=True)
    output_name = models.CharField(_("file name"), max_length=200, blank=True)
    result: models.JSONField[Any, Any] = models.JSONField(_("result"), default=dict)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat = models.DateTimeField(_("last progress"), null=True, blank=True)

    class Meta:
        ordering = ("-created", "-pk")
        indexes = [models.Index(fields=["user", "-created"], name="job_user_created")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def percent(self) -> int:
        """How far the job is, 0–100."""
        if self.status == JobStatus.DONE:
            return 100
        return min(100, round(100 * self.done / self.total)) if self.total else 0

    @property
    def stale(self) -> bool:
        """Whether the job is running but has recorded no progress for :data:`STALE_AFTER`: its worker died."""
        last = self.heartbeat or self.created
        return self.status == JobStatus.RUNNING and last is not None and timezone.now() - last > STALE_AFTER

    @property
    def finished_ok(self) -> bool:
        return self.status == JobStatus.DONE
