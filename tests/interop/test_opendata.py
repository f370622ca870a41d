"""Open-data exports of the sample: CSV of data values, the data package, IATI activity XML 2.03."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.indicators.models import DataValue
from pairaid.interop.iati import iati_export
from pairaid.interop.opendata import datapackage_export, datavalues_csv_export, plain
from pairaid.interop.selectors import tree_ids
from pairaid.registry.models import Pairing
from pairaid.sources.models import Evidence
from tests.checks.factories import document

pytestmark = pytest.mark.django_db

NOTE = "In 2009 Shandong provided 1.574 billion yuan of aid funds to Xinjiang."  # written for this test
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_plain_numbers() -> None:
    from decimal import Decimal

    assert [plain(Decimal(v)) for v in ("1574000000.0000", "7.0100", "0.5000", "120")] == [
        "1574000000",
        "7.01",
        "0.5",
        "120",
    ]


def test_the_csv_has_the_sample_figures_with_their_evidence(sample_root: Pairing, tmp_path: Path) -> None:
    start = NOTE.index("1.574 billion yuan")
    evidence = Evidence.objects.create(document=document(NOTE), start=start, end=start + 18)
    DataValue.objects.filter(pairing=sample_root, indicator__code="aid_funds").update(evidence=evidence)
    path = tmp_path / "values.csv"
    done = datavalues_csv_export(path=path, pairing_ids=tree_ids(pairing=sample_root), year=2009)
    rows = _csv(path)
    assert done.rows["data_values"] == len(rows) == 51
    assert [(r["indicator"], r["value"]) for r in rows if r["kind"] == "planned"] == [
        ("enterprise_investment", "5100000000")
    ]
    aid = [r for r in rows if r["indicator"] == "aid_funds"]
    assert len(aid) == 1
    assert aid[0] == {
        "indicator": "aid_funds",
        "indicator_name": "Aid funds provided (all channels)",
        "subject_key": f"pairing:{sample_root.pk}",
        "subject_code": "pairing:370000-650000",  # a stable code: its sides' area codes, never the database id
        "subject_name": "Shandong – Xinjiang",
        "period_kind": "year",
        "period_start": "2009-01-01",
        "period_end": "2009-12-31",
        "disaggregation": "",
        "value": "1574000000",
        "unit": "CNY",
        "qualifier": "exact",
        "status": "entered",
        "kind": "actual",
        "document_sha256": hashlib.sha256(NOTE.encode()).hexdigest(),
        "span_start": str(start),
        "span_end": str(start + 18),
    }
    assert NOTE[int(aid[0]["span_start"]) : int(aid[0]["span_end"])] == "1.574 billion yuan"
    road = next(r for r in rows if r["indicator"] == "road_length")
    assert (road["value"], road["unit"], road["subject_code"], road["subject_name"]) == (
        "7.01",
        "km",
        "activity:SDXJ-2009-03",
        "Qilu logistics park, Shule",
    )
    gdp = next(r for r in rows if r["indicator"] == "gdp")
    assert (gdp["value"], gdp["subject_code"], gdp["subject_name"]) == (
        "3220000000",
        "area:653122",
        "Shule County / 疏勒县",
    )
    assert all(r["subject_code"] and r["subject_name"] for r in rows)
    assert {r["indicator"] for r in rows if r["qualifier"] == "more_than"} >= {"enterprises", "leader_visits"}


def test_the_csv_holds_confirmed_figures_unless_extracted_ones_are_asked_for(
    sample_root: Pairing, tmp_path: Path
) -> None:
    told = DataValue.objects.filter(status="entered").first()
    assert told is not None
    DataValue.objects.create(
        indicator=told.indicator,
        period_kind="year",
        period_start=told.period_start,
        period_end=told.period_end,
        value=told.value,
        unit=told.unit,
        status="extracted",
        donor_label="Shandong",
        recipient_label="Hetian",
    )
    confirmed = _csv(tmp_path / "a.csv") if datavalues_csv_export(path=tmp_path / "a.csv") else []
    assert {r["status"] for r in confirmed} == {"entered"}
    everything = (
        _csv(tmp_path / "b.csv") if datavalues_csv_export(path=tmp_path / "b.csv", include_extracted=True) else []
    )
    assert len(everything) == len(confirmed) + 1
    (unresolved,) = [r for r in everything if r["subject_code"] == "unresolved"]
    assert (unresolved["status"], unresolved["subject_name"]) == (
        "extracted",
        "Shandong → Hetian (as written: no registered pairing fits)",
    )


def test_the_data_package_describes_its_csv_files(sample_root: Pairing, tmp_path: Path) -> None:
    done = datapackage_export(folder=tmp_path / "pkg", year=2009)
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    assert [r["path"] for r in descriptor["resources"]] == ["data_values.csv", "activities.csv", "transactions.csv"]
    for resource in descriptor["resources"]:
        header = (tmp_path / "pkg" / resource["path"]).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    # one figure planned; SDXJ-2009-01 gives no date and has nothing recorded in 2009: active in no year
    assert done.rows == {"data_values": 51, "activities": 13, "transactions": 10}
    money = _csv(tmp_path / "pkg" / "transactions.csv")
    assert {"activity": "SDXJ-2009-11", "transaction_type": "commitment", "value": "4577000000"}.items() <= next(
        r for r in money if r["activity"] == "SDXJ-2009-11"
    ).items()
    shule_park = next(r for r in _csv(tmp_path / "pkg" / "activities.csv") if r["identifier"] == "SDXJ-2009-03")
    assert (shule_park["sector"], shule_park["recipient_areas"], shule_park["status"]) == ("industry", "653122", "2")


def test_iati_xml_has_identifiers_codes_and_exact_values(sample_root: Pairing, tmp_path: Path) -> None:
    path = tmp_path / "activities.xml"
    done = iati_export(path=path, pairing_ids=tree_ids(pairing=sample_root), year=2009)
    # the 13 activities active in 2009 (those with no dates nor money by their outputs' period); SDXJ-2009-01
    # has nothing dated at all (no dates, money nor output), so no year's export holds it: it is named
    assert (done.activities, done.transactions) == (13, 10)
    assert done.left_out == ("SDXJ-2009-01",)
    root = etree.parse(str(path)).getroot()
    assert (root.tag, root.get("version")) == ("iati-activities", "2.03")
    activities = {a.findtext("iati-identifier"): a for a in root.findall("iati-activity")}
    assert sorted(activities)[:2] == ["CN-AREA-370000-SDXJ-2009-02", "CN-AREA-370000-SDXJ-2009-03"]
    park = activities["CN-AREA-370000-SDXJ-2009-03"]
    assert park.get("default-currency") == "CNY"
    assert park.find("reporting-org").get("ref") == "CN-AREA-370000"
    assert [(n.get(XML_LANG), n.text) for n in park.find("reporting-org")] == [
        (None, "Shandong Province"),
        ("zh", "山东省"),
    ]
    assert park.find("title/narrative").text == "Qilu logistics park, Shule"
    assert park.find("activity-status").get("code") == "2"
    assert park.find("recipient-country").get("code") == "CN"
    assert [(n.get(XML_LANG), n.text) for n in park.find("location[@ref='653122']/name")] == [
        (None, "Shule County"),
        ("zh", "疏勒县"),
    ]
    sector = park.find("sector")
    assert (sector.get("vocabulary"), sector.get("code")) == ("99", "industry")
    [paid] = park.findall("transaction")
    assert paid.find("transaction-type").get("code") == "3"
    assert paid.find("value").text == "20000000.00"
    assert (paid.find("value").get("currency"), paid.find("value").get("value-date")) == ("CNY", "2009-12-31")
    assert paid.find("finance-type").get("code") == "110"
    fair = activities["CN-AREA-370000-SDXJ-2009-11"]
    [contracts] = fair.findall("transaction")
    assert (contracts.find("transaction-type").get("code"), contracts.find("value").text) == ("2", "4577000000.00")
    assert contracts.find("finance-type") is None  # a signed contract has no IATI finance type
    # the fair ended in June 2009: closed, with its actual end (were implementation and a planned end)
    assert fair.find("activity-status").get("code") == "4"
    assert [(d.get("type"), d.get("iso-date")) for d in fair.findall("activity-date")] == [
        ("2", "2009-06-01"),
        ("4", "2009-06-30"),
    ]
    coal = activities["CN-AREA-370000-SDXJ-2009-12"]
    assert coal.find("transaction/transaction-type").get("code") == "4"
    assert coal.find("transaction/value").text == "2000000000.00"
    assert [p.get("role") for p in coal.findall("participating-org")] == ["1", "4"]
    values = sorted(v.text for v in root.iter("value"))
    assert "15400000.00" in values and len(values) == 10


def test_pairaid_export_verb(sample_root: Pairing, tmp_path: Path) -> None:
    out = tmp_path / "values.csv"
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--out", str(out), "--year", "2009"])
    assert result.exit_code == 0, result.output
    row = next(r for r in _csv(out) if r["indicator"] == "aid_funds" and r["period_end"] == "2009-12-31")
    assert row["value"] == "1574000000"
    bad = CliRunner().invoke(app, ["export", "--format", "rdf", "--out", str(out)])
    assert bad.exit_code == 1 and "unknown export format 'rdf'" in bad.output


def test_a_pairing_without_a_name_is_named_donor_recipient(db: None, tmp_path: Path) -> None:
    # issue 16: the subject_name of a figure of an unnamed pairing read "pairing 8"
    from tests.web.factories import make_figure, make_pairing

    pairing = make_pairing("370000", "650000")
    make_figure("aid_funds", "1574000000", pairing=pairing)
    (row,) = _csv(tmp_path / "a.csv") if datavalues_csv_export(path=tmp_path / "a.csv") else []
    assert (row["subject_code"], row["subject_name"]) == ("pairing:370000-650000", str(pairing))
    assert row["subject_name"].startswith("Shandong") and " – Xinjiang" in row["subject_name"]
