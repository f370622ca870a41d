"""``pairaid worker``: run the background work that the pages queue (uploads, ingests, report and export builds)."""

from __future__ import annotations

import os

import typer

from pairaid.cli.errors import one_line_errors


def worker(
    batch: bool = typer.Option(False, "--batch", help="Run every waiting job, then exit."),
    interval: float = typer.Option(1.0, "--interval", min=0.05, help="Seconds between looks at an empty queue."),
) -> None:
    """Run queued jobs as they come (django-tasks' database worker). Start as many as the machine has cores
    for, on any machine that reaches the database and the shared storage (PAIRAID_MEDIA_ROOT)."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.jobs.services import jobs_fail_stale

        if lost := jobs_fail_stale():
            typer.echo(f"{lost} job(s) whose worker stopped recorded as failed", err=True)
        from django.core.management import call_command

        call_command(
            "db_worker",
            queue_name="default",
            interval=interval,
            batch=batch,
            reload=False,
            startup_delay=False,
            worker_id=f"{os.uname().nodename}-{os.getpid()}"[:64],
            verbosity=1,
        )
