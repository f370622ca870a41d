"""Every report and export the command line writes, started from the downloads page as a background
job, built by the worker and downloaded: the files hold the figures stored, in the format asked for."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import pytest
from django.test import Client
from docx import Document as DocxDocument
from lxml import etree
from openpyxl import load_workbook

from pairaid.jobs.models import Job
from tests.web.factories import World, make_activity, make_figure, make_transaction


def _client(user: Any, language: str = "en") -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


@pytest.fixture
def figures(world: World) -> World:
    make_figure("aid_funds", "75800000", pairing=world.kashi)
    make_figure("schools", "12", pairing=world.kashi)
    make_transaction(make_activity(world.kashi, "SD-KS-001", title="Shule clinic"), value="2500000.00")
    return world


def _start(client: Client, which: str, **fields: Any) -> Job:
    response = client.post(f"/downloads/{which}/", {f"{which}-{k}": v for k, v in fields.items()})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = Job.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))
    assert client.get(f"/jobs/{job.pk}/progress/").json()["status"] == "queued"
    return job


def _download(client: Client, job: Job) -> tuple[str, bytes]:
    progress = client.get(f"/jobs/{job.pk}/progress/").json()
    assert progress["status"] == "done" and progress["percent"] == 100 and progress["download"], progress
    response = client.get(f"/jobs/{job.pk}/download/")
    assert response.status_code == 200
    name = response["Content-Disposition"].split("filename=")[1].strip('"')
    return name, b"".join(response.streaming_content)


def test_a_pairings_report_in_every_format_is_built_by_the_worker_and_downloaded(figures: World, work_off) -> None:
    client = _client(figures.viewer)
    jobs = {
        fmt: _start(client, "report", pairing=str(figures.kashi.pk), year=2009, format=fmt, language="en")
        for fmt in ("html", "md", "xlsx", "docx", "pdf")
    }
    assert work_off() == 5
    files = {fmt: _download(client, job) for fmt, job in jobs.items()}
    assert {fmt: name for fmt, (name, _) in files.items()} == {
        fmt: f"report-{figures.kashi.pk}-2009.{fmt}" for fmt in jobs
    }
    assert "75.8 million yuan" in files["html"][1].decode() and "75.8 million yuan" in files["md"][1].decode()
    book = load_workbook(io.BytesIO(files["xlsx"][1]))
    assert any(75800000 in row for sheet in book for row in sheet.iter_rows(values_only=True))
    doc = DocxDocument(io.BytesIO(files["docx"][1]))
    assert any("75.8 million yuan" in cell.text for table in doc.tables for row in table.rows for cell in row.cells)
    assert files["pdf"][1].startswith(b"%PDF")


def test_the_national_overview_is_built_in_chinese(figures: World, work_off) -> None:
    client = _client(figures.viewer, "zh-hans")
    job = _start(client, "report", pairing="", year=2009, format="html", language="zh-hans")
    assert job.kind == "overview" and work_off() == 1
    name, data = _download(client, job)
    assert name == "overview-2009.html" and "7580万元" in data.decode()


def test_open_data_exports_and_the_yearly_form_are_built_and_downloaded(figures: World, work_off) -> None:
    client = _client(figures.viewer)
    csv_job = _start(client, "export", format="csv", pairing="", year=2009)
    package_job = _start(client, "export", format="datapackage", pairing=str(figures.shandong.pk), year="")
    iati_job = _start(client, "export", format="iati", pairing="", year="")
    form_job = _start(client, "form", pairing=str(figures.kashi.pk), year=2009)
    assert work_off() == 4

    name, data = _download(client, csv_job)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert name == "pairaid-2009-data-values.csv"
    assert sorted(r["value"] for r in rows) == ["12", "75800000"]

    name, data = _download(client, package_job)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stem = f"pairaid-{figures.shandong.pk}"
        descriptor = json.loads(archive.read(f"{stem}/datapackage.json"))
        assert {r["name"] for r in descriptor["resources"]} == {"data_values", "activities", "transactions"}
        assert "Shule clinic" in archive.read(f"{stem}/activities.csv").decode("utf-8-sig")

    name, data = _download(client, iati_job)
    root = etree.fromstring(data)
    assert root.tag == "iati-activities" and root.findtext("iati-activity/iati-identifier").endswith("SD-KS-001")
    assert root.find("iati-activity/transaction/value").text == "2500000.00"

    name, data = _download(client, form_job)
    assert name == f"form-{figures.kashi.pk}-2009.xlsx"
    assert load_workbook(io.BytesIO(data)).sheetnames[0]


def test_a_pairing_the_resolver_cannot_name_is_a_field_error_and_nothing_is_queued(world: World) -> None:
    response = _client(world.viewer).post(
        "/downloads/report/", {"report-pairing": "Atlantis", "report-year": 2009, "report-format": "html"}
    )
    assert response.status_code == 400 and "Atlantis" in response.content.decode()
    assert not Job.objects.exists()


def test_a_report_of_a_year_without_figures_fails_with_its_reason(world: World, work_off) -> None:
    client = _client(world.viewer)
    job = _start(client, "report", pairing=str(world.kashi.pk), year=2001, format="html", language="en")
    assert work_off() == 1
    progress = client.get(f"/jobs/{job.pk}/progress/").json()
    assert progress["status"] == "failed" and "no figures for pairing" in progress["error"]
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 404


def test_a_users_jobs_are_theirs_and_the_administrators(figures: World) -> None:
    job = _start(_client(figures.viewer), "export", format="csv", pairing="", year="")
    assert _client(figures.owner).get(f"/jobs/{job.pk}/").status_code == 404
    assert _client(figures.owner).get(f"/jobs/{job.pk}/progress/").status_code == 404
    assert _client(figures.admin).get(f"/jobs/{job.pk}/").status_code == 200
    assert Client().get("/downloads/").status_code == 302
