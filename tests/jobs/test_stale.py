"""A job whose worker died (issue 16: it stayed "Running" forever): after STALE_AFTER without progress the
page shows it failed with why, and the next worker records it failed, its django-tasks result too."""

from __future__ import annotations

import datetime

from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pairaid.jobs.models import STALE_AFTER, Job
from pairaid.jobs.progress import job_step
from pairaid.jobs.services import job_create, jobs_fail_stale
from tests.web.factories import World

MESSAGE = "Its worker stopped: no progress for 30 minutes. Start it again."


def _running(world: World, *, silent_for: datetime.timedelta) -> Job:
    job = job_create(user=world.admin, kind="export", params={"format": "csv", "pairing": None, "year": None})
    DBTaskResult.objects.filter(pk=job.task_id).update(status="RUNNING", worker_ids=["gone-1"])
    job_step(job, stage="collecting", done=0)
    Job.objects.filter(pk=job.pk).update(heartbeat=timezone.now() - silent_for)
    return Job.objects.get(pk=job.pk)


def test_a_job_without_progress_for_the_timeout_shows_failed_and_the_next_worker_records_it(world: World) -> None:
    lost = _running(world, silent_for=STALE_AFTER + datetime.timedelta(seconds=1))
    alive = _running(world, silent_for=STALE_AFTER - datetime.timedelta(minutes=1))
    client = Client()
    client.force_login(world.admin)
    poll = client.get(f"/jobs/{lost.pk}/progress/").json()
    assert (poll["status"], poll["error"], poll["finished"]) == ("failed", MESSAGE, True)
    assert client.get(f"/jobs/{alive.pk}/progress/").json()["status"] == "running"
    assert MESSAGE in client.get(f"/jobs/{lost.pk}/").content.decode()
    assert jobs_fail_stale() == 1
    lost.refresh_from_db()
    assert (lost.status, lost.error, lost.finished is not None) == ("failed", MESSAGE, True)
    assert DBTaskResult.objects.get(pk=lost.task_id).status == "FAILED"
    assert DBTaskResult.objects.get(pk=alive.task_id).status == "RUNNING"
    assert Job.objects.get(pk=alive.pk).status == "running"
    assert jobs_fail_stale() == 0
