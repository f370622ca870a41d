"""Long work run in the background: uploads and ingests of reports, report and export builds.

A :class:`~pairaid.jobs.models.Job` is what a person started from the pages, with its
progress and, when done, the file to download; one django-tasks task
(:func:`pairaid.jobs.tasks.job_run`) runs it in a worker (``pairaid worker``) that may be
another process or another machine than the page that started it.
"""
