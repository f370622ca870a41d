"""The one task of pairaid's background work: run a job (django-tasks; ``pairaid worker`` executes it)."""

from __future__ import annotations

from django_tasks import task


@task()
def job_run(job_id: int) -> str:
    """Run the job ``job_id`` (:func:`pairaid.jobs.runners.job_execute`); returns its status."""
    from pairaid.jobs.runners import job_execute

    return job_execute(job_id=job_id)
