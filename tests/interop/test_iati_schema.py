"""``pairaid export --format iati`` validates against the official IATI 2.03 activities schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from pairaid.core.errors import InputError
from pairaid.interop.iati import iati_export
from pairaid.registry.models import Pairing

SCHEMA = Path(__file__).parent / "iati-2.03" / "iati-activities-schema.xsd"


def test_every_demo_activity_is_valid_iati_2_03(sample_root: Pairing, tmp_path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    done = iati_export(path=tmp_path / "activities.xml", year=None)
    document = etree.parse(str(done.path))
    assert done.activities == 14
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)


def test_an_activity_without_dates_starts_at_its_first_known_date(sample_root: Pairing, tmp_path: Path) -> None:
    done = iati_export(path=tmp_path / "activities.xml", year=None)
    activities = {a.findtext("iati-identifier"): a for a in etree.parse(str(done.path)).getroot()}
    paid = activities["CN-AREA-370000-SDXJ-2009-03"]  # undated; disbursed on 2009-12-31
    assert [(d.get("type"), d.get("iso-date")) for d in paid.findall("activity-date")] == [("2", "2009-12-31")]
    outputs_only = activities["CN-AREA-370000-SDXJ-2009-08"]  # undated, no money; its outputs cover 2009
    assert [(d.get("type"), d.get("iso-date")) for d in outputs_only.findall("activity-date")] == [("2", "2009-01-01")]
    assert outputs_only.findtext("description/narrative").startswith("Solar generating sets")


def test_a_schema_error_is_found_by_the_test(tmp_path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    bad = etree.fromstring(
        b'<iati-activities version="2.03"><iati-activity><iati-identifier>X</iati-identifier>'
        b"</iati-activity></iati-activities>"
    )
    assert not schema.validate(bad)


def test_a_year_without_activities_is_refused_and_writes_no_file(sample_root: Pairing, tmp_path: Path) -> None:
    """The schema wants one ``iati-activity`` at least: a year with none is said so, not written invalid."""
    target = tmp_path / "activities.xml"
    with pytest.raises(InputError, match="no activities active in 2008"):
        iati_export(path=target, year=2008)
    assert list(tmp_path.iterdir()) == []
