"""The checks on reports read into the database, as an office would run them:
``pairaid ingest`` then ``pairaid check --extracted`` (issue: checking figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pairaid.checks.models import Finding
from pairaid.checks.services import findings_refresh
from pairaid.core.documents import read_document
from pairaid.ingest.services import document_ingest


def _ingest_and_check(shared_dir: Path, name: str) -> list[Finding]:
    path = shared_dir / "corpus" / "reports" / name
    document_ingest(document=read_document(path), report_year=int(name[:4]) - 1)
    findings_refresh(include_extracted=True)
    return list(Finding.objects.filter(includes_extracted=True))


@pytest.mark.django_db
def test_a_stated_count_of_projects_against_its_list_is_found(shared_dir: Path) -> None:
    findings = _ingest_and_check(shared_dir, "2011_qingdao-guizhou_384924.txt")

    counts = [f for f in findings if f.rule == "count_against_list"]
    assert len(counts) == 1
    assert counts[0].severity == "error"
    assert "111" in counts[0].message and "113" in counts[0].message


@pytest.mark.django_db
def test_parts_beyond_their_total_are_found(shared_dir: Path) -> None:
    findings = _ingest_and_check(shared_dir, "2011_liaoning-qinghai_384921.txt")

    assert any(f.rule == "channel_exceeds_total" for f in findings)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["2012_shandong-chongqing_385071.txt", "2011_shenzhen-guizhou_384923.txt"])
def test_breakdowns_that_add_up_raise_no_error(shared_dir: Path, name: str) -> None:
    findings = _ingest_and_check(shared_dir, name)

    assert [f.message for f in findings if f.severity == "error"] == []
