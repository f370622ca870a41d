"""``pairaid export --format iati`` validates against the official IATI 2.03 activities schema."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from pairaid.activities.models import Activity, ActivityStatus
from pairaid.core.errors import InputError
from pairaid.indicators.models import DataValue, DataValueStatus, Indicator
from pairaid.interop.iati import FIRST_PERIOD_NOTE, XML_LANG, iati_export
from pairaid.registry.models import Pairing
from tests.checks.factories import pairing

SCHEMA = Path(__file__).parent / "iati-2.03" / "iati-activities-schema.xsd"


def test_every_demo_activity_is_valid_iati_2_03(sample_root: Pairing, tmp_path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    done = iati_export(path=tmp_path / "activities.xml", year=None)
    document = etree.parse(str(done.path))
    # all but SDXJ-2009-01, the one with nothing dated (no dates, money nor output): IATI wants a date
    assert (done.activities, done.left_out) == (13, ("SDXJ-2009-01",))
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)


def test_an_activity_without_dates_claims_no_actual_start_from_its_first_transaction(
    sample_root: Pairing, tmp_path: Path
) -> None:
    """No stored start date: no actual start (type 2) is made up from a year-end transaction's date (issue 12);
    a planned start (type 1) on the first day of that transaction's year, the narrative saying where it is from,
    and the transaction keeps its own date."""
    done = iati_export(path=tmp_path / "activities.xml", year=None)
    activities = {a.findtext("iati-identifier"): a for a in etree.parse(str(done.path)).getroot()}
    paid = activities["CN-AREA-370000-SDXJ-2009-03"]  # undated; disbursed on 2009-12-31
    assert [(d.get("type"), d.get("iso-date")) for d in paid.findall("activity-date")] == [("1", "2009-01-01")]
    notes = [(n.get(XML_LANG), n.text) for n in paid.findall("activity-date/narrative")]
    assert notes == [
        (
            None,
            "No start date recorded: a planned start taken from the year of its first transaction (2009), "
            "not a date it is known to have begun; each transaction carries its own date",
        ),
        (
            "zh",
            "未记录开始日期：按首笔资金所在年份（2009年）的首日列为计划开始日期，并非已知的实际开始日期；各笔资金另记其日期",
        ),
    ]
    assert paid.find("transaction/transaction-date").get("iso-date") == "2009-12-31"
    assert not any(
        d.get("type") == "2"
        for a in activities.values()
        for d in a.findall("activity-date")
        if d.find("narrative") is not None
    )
    assert paid.findtext("description/narrative").startswith("Transport, storage")


def test_an_activity_with_outputs_only_is_kept_with_a_planned_start_at_their_first_period(
    sample_root: Pairing, tmp_path: Path
) -> None:
    done = iati_export(path=tmp_path / "activities.xml", year=None)
    activities = {a.findtext("iati-identifier"): a for a in etree.parse(str(done.path)).getroot()}
    solar = activities["CN-AREA-370000-SDXJ-2009-08"]  # undated, no money; households benefited in 2009
    assert [(d.get("type"), d.get("iso-date")) for d in solar.findall("activity-date")] == [("1", "2009-01-01")]
    notes = [(n.get(XML_LANG), n.text) for n in solar.findall("activity-date/narrative")]
    assert notes == [(None, FIRST_PERIOD_NOTE[0]), ("zh", FIRST_PERIOD_NOTE[1])]
    assert "earliest period its outputs" in FIRST_PERIOD_NOTE[0]
    park = activities["CN-AREA-370000-SDXJ-2009-06"]  # its figures are stocks at the end of 2009
    assert [(d.get("type"), d.get("iso-date")) for d in park.findall("activity-date")] == [("1", "2009-12-31")]


@pytest.mark.django_db
def test_made_up_figures_date_an_activity_but_a_rejected_one_does_not(tmp_path: Path) -> None:
    top = pairing("370000", "653122", level="county")
    school = Activity.objects.create(identifier="T-4", title="Made-up school", sector="education", pairing=top)
    Activity.objects.create(identifier="T-5", title="Made-up well", sector="water", pairing=top)
    indicator = Indicator.objects.get(code="schools")
    common = {"indicator": indicator, "activity": school, "unit": indicator.unit, "value": 2}
    for status, start, end in (
        (DataValueStatus.REJECTED, date(2011, 1, 1), date(2011, 12, 31)),
        (DataValueStatus.ENTERED, date(2013, 1, 1), date(2013, 12, 31)),
        (DataValueStatus.EXTRACTED, date(2012, 7, 1), date(2012, 12, 31)),
    ):
        DataValue.objects.create(
            **common,
            status=status,
            period_kind="year",
            period_start=start,
            period_end=end,
            subject_key=f"activity:{school.pk}",
        )
    done = iati_export(path=tmp_path / "two.xml", year=None)
    document = etree.parse(str(done.path))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)
    (kept,) = document.getroot()
    assert [(d.get("type"), d.get("iso-date")) for d in kept.findall("activity-date")] == [("1", "2012-07-01")]
    assert done.left_out == ("T-5",)  # nothing dated: named
    for_year = iati_export(path=tmp_path / "y.xml", year=2013)  # T-5 is in no year: named there too
    assert (for_year.activities, for_year.left_out) == (1, ("T-5",))


def _made_up(tmp_path: Path, today: date, **dates: date) -> etree._Element:
    """The IATI activity of one made-up activity of a made-up pairing, exported as on ``today``."""
    Activity.objects.all().delete()
    top = pairing("370000", "653122", level="county")
    Activity.objects.create(identifier="T-1", title="Made-up clinic", sector="health", pairing=top, **dates)
    done = iati_export(path=tmp_path / "one.xml", year=None, today=today)
    document = etree.parse(str(done.path))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)
    (activity,) = document.getroot()
    return activity


@pytest.mark.django_db
def test_the_status_and_the_dates_follow_the_activity_s_dates(tmp_path: Path) -> None:
    dates = {"start_date": date(2020, 1, 1), "end_date": date(2020, 6, 30)}

    def seen(today: date) -> tuple[str, list[tuple[str, str]]]:
        activity = _made_up(tmp_path, today, **dates)
        found = [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")]
        return activity.find("activity-status").get("code"), found

    # ended: closed (4), actual start (2) and actual end (4); it was "2" and a planned end (3)
    assert seen(date(2021, 3, 1)) == ("4", [("2", "2020-01-01"), ("4", "2020-06-30")])
    # under way: implementation (2), actual start, planned end (3)
    assert seen(date(2020, 3, 1)) == ("2", [("2", "2020-01-01"), ("3", "2020-06-30")])
    # not begun: pipeline (1), planned start (1), planned end
    assert seen(date(2019, 6, 1)) == ("1", [("1", "2020-01-01"), ("3", "2020-06-30")])
    # a stated stage the dates cannot tell stays: cancelled (5), finalisation (3) of an ended one
    for stored, code in ((ActivityStatus.CANCELLED, "5"), (ActivityStatus.FINALISATION, "3")):
        Activity.objects.all().delete()
        made = Activity(identifier="T-2", title="x", sector="health", status=stored, **dates)
        assert str(made.status_on(date(2021, 3, 1))) == code


@pytest.mark.django_db
def test_an_activity_with_no_date_nor_money_is_left_out_not_dated(tmp_path: Path) -> None:
    top = pairing("370000", "653122", level="county")  # a pairing in force from 2008
    Activity.objects.create(identifier="T-3", title="Made-up school", sector="education", pairing=top)
    with pytest.raises(InputError, match="1 with nothing dated left out"):
        iati_export(path=tmp_path / "none.xml", year=None)
    assert list(tmp_path.iterdir()) == []  # no planned start of 2008-01-01 (the pairing's first year)


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
