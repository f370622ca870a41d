"""Ingest attaches each fact to the most specific pairing in force that fits its donor and recipient.

The registry and the report here are made up (real area codes): Jiangsu with Yili
prefecture, its county Yining, Nanjing with Huocheng County, and Jiangsu with the
prefecture of Kashi (a name the city of Kashi shares).
"""

from __future__ import annotations

import pytest

from pairaid.core.documents import read_document_bytes
from pairaid.core.gazetteer_store import default_gazetteer
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue
from pairaid.ingest.services import document_ingest
from pairaid.ingest.subjects import SubjectResolver
from pairaid.registry.models import Pairing
from pairaid.registry.services import PairingSpec, pairing_create
from tests.registry.sources import SOURCE, sourced

pytestmark = pytest.mark.django_db

REPORT = (
    "Jiangsu's aid to Yili, 2012\n\n"
    "In 2012, Jiangsu provided aid funds of 30 million yuan to Yining County.\n"
    "Jiangsu gave 6 million yuan to Huocheng County in 2012.\n"
    "Jiangsu gave 8 million yuan to Gongliu County in 2012.\n"
    "Jiangsu gave 5 million yuan to Kashi in 2012.\n"
    "Jiangsu gave 2 million yuan to Hotan in 2012.\n"
    "Jiangsu gave 9 million yuan to Yili in 2012.\n"
)


def area(code: str) -> Area:
    return Area.objects.get(code=code)


@pytest.fixture
def registry() -> dict[str, Pairing]:
    def pair(key: str, donor: str, recipient: str, level: str, **kw: object) -> Pairing:
        return pairing_create(
            PairingSpec(
                **SOURCE,
                key=key,
                donor_area=area(donor),
                recipient_area=area(recipient),
                level=level,
                programme="xinjiang",
                **kw,
            )
        )  # type: ignore[arg-type]

    yili = pair("js-yili", "320000", "654000", "prefecture", start_year=2010)
    return {
        "yili": yili,
        "yining": pair("js-yining", "320000", "654021", "county", start_year=2010, parent=yili),
        "huocheng": pair("nj-huocheng", "320100", "654023", "county", start_year=2010, parent=yili),
        "kashi": pair("js-kashi", "320000", "653100", "prefecture", start_year=2010),
        "ended": pair("js-ili-old", "320000", "654002", "county", start_year=2000, end_year=2009),
    }


@pytest.mark.parametrize(
    ("donor", "recipient", "year", "pairing", "area_code"),
    [
        ("Jiangsu", "Yining County", 2012, "yining", None),  # the county pair, not the prefecture pair above it
        ("Jiangsu", "Huocheng County", 2012, "huocheng", None),  # a city of the donor named
        ("Nanjing", "Huocheng County", 2012, "huocheng", None),
        ("Jiangsu", "Gongliu County", 2012, "yili", "654024"),  # an unpaired county: its prefecture's pair
        ("Jiangsu", "Kashi", 2012, "kashi", None),  # the prefecture Jiangsu helps, not Kashi City
        ("Jiangsu", "Yining County and Gongliu County", 2012, "yili", None),  # two counties: their prefecture's
        ("Jiangsu", "Yili", 2012, "yili", None),
        ("", "Yili", 2012, "yili", None),  # no donor written: Yili's one pairing
        ("Jiangsu", "Hotan", 2012, None, None),  # no pairing of Jiangsu with Hotan
        ("Jiangsu", "Yining City", 2012, "yili", "654002"),  # its own pairing ended in 2009: its prefecture's
        ("Jiangsu", "Yining City", 2005, "ended", None),
        ("Jiangsu", "Yining County", 2008, None, None),  # before the pairings began (Yining City's is no fit)
    ],
)
def test_a_fact_goes_to_the_most_specific_pairing_that_fits(
    registry: dict[str, Pairing], donor: str, recipient: str, year: int, pairing: str | None, area_code: str | None
) -> None:
    resolver = SubjectResolver(gazetteer=default_gazetteer(), context=("Jiangsu", "Yili"))

    subject = resolver.subject(donor=donor, recipient=recipient, year=year)

    assert subject.pairing == (registry[pairing] if pairing else None)
    if pairing is not None:
        assert (subject.area.code if subject.area else None) == area_code


def test_two_pairings_that_fit_equally_attach_the_fact_to_neither(registry: dict[str, Pairing]) -> None:
    pairing_create(sourced("320000", "654000", "prefecture", programme="east_west", start_year=2011))
    resolver = SubjectResolver(gazetteer=default_gazetteer(), context=("Jiangsu", "Yili"))

    subject = resolver.subject(donor="Jiangsu", recipient="Yili", year=2012)

    assert subject.pairing is None and subject.area == area("654000")


def test_ingest_attaches_the_report_facts_and_counts_those_it_could_not(registry: dict[str, Pairing]) -> None:
    document = read_document_bytes(REPORT.encode(), filename="jiangsu_yili_2012.txt")

    result = document_ingest(document=document, donor="Jiangsu", recipient="Yili")

    stored = {
        v.value: (v.pairing.key if v.pairing else None, v.area.code if v.area else None)
        for v in DataValue.objects.filter(evidence__document=result.document)
    }
    assert stored == {
        30_000_000: ("js-yining", None),
        6_000_000: ("nj-huocheng", None),
        8_000_000: ("js-yili", "654024"),
        5_000_000: ("js-kashi", None),
        2_000_000: (None, None),  # Hotan: the prefecture, the city or the county, none of them paired
        9_000_000: ("js-yili", None),
    }
    assert (result.facts, result.unattached) == (6, 1)
    again = document_ingest(document=document, donor="Jiangsu", recipient="Yili")
    assert (again.status, again.facts, again.unattached) == ("already ingested", 6, 1)
