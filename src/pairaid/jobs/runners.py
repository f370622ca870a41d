"""What the worker does for each kind of job, reporting its progress as it goes.

The work runs as the user who started it: an upload is checked again on what its
text says it is about (:func:`pairaid.entry.upload.report_upload`). A
:class:`~pairaid.core.errors.PairaidError` (a file that cannot be read, a year with
no figures) fails the job with its one-line reason; anything else fails it too and
is raised again, so that the task's own record keeps the traceback.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.core.files.storage import default_storage

from pairaid.accounts.permissions import NotAllowed
from pairaid.core.errors import PairaidError
from pairaid.indicators.models import DataValue
from pairaid.jobs.models import Job, JobKind, JobStage, JobStatus
from pairaid.jobs.progress import job_fail, job_finish, job_inputs_delete, job_step
from pairaid.registry.models import Pairing


def _pairing(job: Job) -> Pairing | None:
    pk = job.params.get("pairing")
    return Pairing.objects.get(pk=pk) if pk else None


def _ingest(job: Job) -> None:
    """Read each uploaded file into a document and its figures; a file that fails does not stop the others."""
    from pairaid.entry.upload import report_upload

    params, outcomes = job.params, []
    for index, item in enumerate(params["files"]):
        job_step(job, stage=JobStage.READING_FILE, done=2 * index, detail=item["filename"])
        try:
            with default_storage.open(item["path"], "rb") as f:
                data = f.read()
            document = report_upload(
                user=job.user,
                data=data,
                filename=item["filename"],
                report_year=params["report_year"],
                donor=params["donor"] or None,
                recipient=params["recipient"] or None,
                on_read=lambda index=index: job_step(job, stage=JobStage.READING_FACTS, done=2 * index + 1),
            )
        except NotAllowed as exc:
            outcomes.append({"filename": item["filename"], "error": str(exc), "refused": True})
        except PairaidError as exc:  # a refusal with a code is said in the reader's language by it
            code, values = getattr(exc, "code", ""), getattr(exc, "params", {})
            outcomes.append({"filename": item["filename"], "error": str(exc), "code": code, "params": values})
        else:
            facts = DataValue.objects.filter(evidence__document=document).count()
            outcomes.append(
                {"filename": item["filename"], "document": document.pk, "title": str(document), "facts": facts}
            )
    job_inputs_delete(job)
    result = {"files": outcomes}
    if all("error" in o for o in outcomes):
        named = (e if e.startswith(o["filename"]) else f"{o['filename']}: {e}" for o in outcomes for e in [o["error"]])
        job_fail(job, error="; ".join(named), result=result)
    else:
        job_finish(job, result=result)


def _report(job: Job) -> None:
    from pairaid.reports.builds import report_build

    p = job.params
    job_step(job, stage=JobStage.COLLECTING, done=0)
    built = report_build(
        year=p["year"],
        pairing=_pairing(job),
        fmt=p["format"],
        language=p["language"],
        include_extracted=p["include_extracted"],
    )
    job_step(job, stage=JobStage.WRITING, done=1)
    job_finish(job, result={"bytes": len(built.data)}, data=built.data, filename=built.filename)


def _export(job: Job) -> None:
    from pairaid.interop.iati import iati_export
    from pairaid.interop.opendata import datapackage_export, datavalues_csv_export
    from pairaid.interop.selectors import tree_ids

    fmt, year, pairing = job.params["format"], job.params["year"], _pairing(job)
    ids = tree_ids(pairing=pairing)
    stem = "pairaid" + (f"-{pairing.pk}" if pairing else "") + (f"-{year}" if year else "")
    job_step(job, stage=JobStage.COLLECTING, done=0)
    with tempfile.TemporaryDirectory(prefix="pairaid-export-") as folder:
        base = Path(folder)
        if fmt == "iati":
            path = base / f"{stem}-iati.xml"
            summary = iati_export(path=path, pairing_ids=ids, year=year)
            rows = {
                "activities": summary.activities,
                "transactions": summary.transactions,
                # nothing dated (no dates, transaction nor figure): not in the file
                "left_out_undated": len(summary.left_out),
            }
        elif fmt == "csv":
            path = base / f"{stem}-data-values.csv"
            rows = dict(datavalues_csv_export(path=path, pairing_ids=ids, year=year).rows)
        else:
            rows = dict(datapackage_export(folder=base / stem, pairing_ids=ids, year=year).rows)
            job_step(job, stage=JobStage.WRITING, done=1)
            path = Path(shutil.make_archive(str(base / f"{stem}-datapackage"), "zip", root_dir=base, base_dir=stem))
        job_finish(job, result={"rows": rows}, data=path.read_bytes(), filename=path.name)


def _form(job: Job) -> None:
    from pairaid.interop.form_export import form_export

    pairing, year = _pairing(job), job.params["year"]
    assert pairing is not None
    job_step(job, stage=JobStage.COLLECTING, done=0)
    with tempfile.TemporaryDirectory(prefix="pairaid-form-") as folder:
        path = Path(folder) / f"form-{pairing.pk}-{year}.xlsx"
        summary = form_export(pairing=pairing, year=year, path=path)
        result = {
            "indicator_rows": summary.indicator_rows,
            "activities": summary.activities,
            "transactions": summary.transactions,
        }
        job_finish(job, result=result, data=path.read_bytes(), filename=path.name)


RUNNERS: dict[str, Callable[[Job], None]] = {
    JobKind.INGEST: _ingest,
    JobKind.REPORT: _report,
    JobKind.OVERVIEW: _report,
    JobKind.EXPORT: _export,
    JobKind.FORM: _form,
}


def job_execute(*, job_id: int) -> str:
    """Run the job ``job_id`` to its end; returns its final status. A job already finished is left alone."""
    job = Job.objects.select_related("user").get(pk=job_id)
    if job.status in (JobStatus.DONE, JobStatus.FAILED):
        return str(job.status)
    try:
        RUNNERS[job.kind](job)
    except PairaidError as exc:
        job_fail(job, error=str(exc))
    except Exception as exc:
        job_fail(job, error=f"internal error: {type(exc).__name__}: {exc}")
        raise
    return str(job.status)
