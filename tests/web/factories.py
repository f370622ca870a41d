"""Small factories for the web, API and permission tests: named users, pairings, figures, a report.

The report text is written for these tests (no corpus sentence); its figures are
stored as extracted data values with evidence spans, as the ingest service would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from pairaid.accounts.services import membership_grant
from pairaid.activities.models import Activity, Transaction
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue, Indicator
from pairaid.registry.models import Pairing
from pairaid.sources.models import Evidence, SourceDocument

PASSWORD = "a-long-test-password-9"

REPORT = (
    "Shandong's aid to Kashi in 2009\n\n"
    "In 2009 Shandong gave aid funds of 75.80 million yuan to Shule County. "
    "Its offices built 12 schools and trained 4,456 people in the county. "
    "Shandong sent 38 cadres to Shule. <script>alert('x')</script> ends the note.\n"
)


def area(code: str) -> Area:
    return Area.objects.get(code=code)


def make_user(
    username: str, role: str | None = None, *, pairings: tuple[Pairing, ...] = (), areas: tuple[Area, ...] = ()
) -> Any:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if role:
        membership_grant(user=user, role=role, pairings=pairings, areas=areas)
    return user


def make_pairing(
    donor: str, recipient: str, *, level: str = "province", parent: Pairing | None = None, start_year: int = 2009
) -> Pairing:
    return Pairing.objects.create(
        donor_area=area(donor),
        recipient_area=area(recipient),
        level=level,
        start_year=start_year,
        parent=parent,
        source_url="https://example.org/pairing-notice",  # every pairing names the document that states it
        source_title="Pairing notice (made up for the tests)",
    )


def make_activity(pairing: Pairing, identifier: str, *, title: str = "Shule bilingual kindergarten") -> Activity:
    return Activity.objects.create(identifier=identifier, title=title, sector="education", pairing=pairing)


def make_transaction(activity: Activity, value: str = "1000000.00") -> Transaction:
    return Transaction.objects.create(
        activity=activity,
        transaction_type="disbursement",
        finance_type="grant",
        value=Decimal(value),
        value_date=dt.date(2009, 6, 30),
    )


def make_figure(
    code: str,
    value: str,
    *,
    pairing: Pairing | None = None,
    area_: Area | None = None,
    year: int = 2009,
    status: str = "entered",
    evidence: Evidence | None = None,
    certainty: str | None = None,
) -> DataValue:
    indicator = Indicator.objects.get(code=code)
    return DataValue.objects.create(
        indicator=indicator,
        pairing=pairing,
        area=area_,
        period_kind="year",
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        value=Decimal(value),
        unit=indicator.unit,
        status=status,
        evidence=evidence,
        certainty=Decimal(certainty) if certainty else None,
    )


@dataclass(frozen=True)
class Report:
    document: SourceDocument
    aid: DataValue
    schools: DataValue
    trained: DataValue
    cadres: DataValue


def make_report(pairing: Pairing) -> Report:
    """The test report with four extracted figures of ``pairing`` (three confident, one not)."""
    text = REPORT
    document = SourceDocument.objects.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        title="Shandong's aid to Kashi in 2009",
        filename="kashi-2009.txt",
        report_year=2009,
        text=text,
    )

    def fact(phrase: str, code: str, value: str, certainty: str) -> DataValue:
        start = text.index(phrase)
        evidence = Evidence.objects.create(document=document, start=start, end=start + len(phrase), rule="test")
        return make_figure(code, value, pairing=pairing, status="extracted", evidence=evidence, certainty=certainty)

    return Report(
        document=document,
        aid=fact("75.80 million yuan", "aid_funds", "75800000", "0.950"),
        schools=fact("12 schools", "schools", "12", "0.900"),
        trained=fact("4,456 people", "people_trained", "4456", "0.850"),
        cadres=fact("38 cadres", "cadres_seconded", "38", "0.200"),
    )


@dataclass(frozen=True)
class World:
    """Shandong–Xinjiang with a child Shandong–Kashi; Jiangsu–Yili beside it; named users on each."""

    shandong: Pairing
    kashi: Pairing
    jiangsu: Pairing
    owner: Any
    colleague: Any
    recipient_editor: Any
    national: Any
    viewer: Any
    admin: Any


def make_world() -> World:
    shandong = make_pairing("370000", "650000", level="province")
    kashi = make_pairing("370000", "653100", level="prefecture", parent=shandong)
    jiangsu = make_pairing("320000", "654000", level="prefecture")  # Yili is a prefecture
    return World(
        shandong=shandong,
        kashi=kashi,
        jiangsu=jiangsu,
        owner=make_user("owner", "pairing_editor", pairings=(shandong,)),
        colleague=make_user("colleague", "pairing_editor", pairings=(jiangsu,)),
        recipient_editor=make_user("shule", "recipient_editor", areas=(area("653100"),)),
        national=make_user("national", "national_office"),
        viewer=make_user("viewer", "viewer"),
        admin=make_user("administrator", "administrator"),
    )


def sample_dataset_returned(root: Pairing, year: int = 2009) -> None:
    """Return the built-in sample's approved dataset of ``year`` to its office (as its national office user),
    so that a test may change, accept or correct its figures; the sample loads it approved, which locks them."""
    from pairaid.datasets.selectors import submission_current
    from pairaid.datasets.services import submission_return
    from pairaid.sample.year import sample_users

    _, national = sample_users(root=root)
    submission = submission_current(pairing=root, year=year)
    assert submission is not None and submission.state == "approved"
    submission_return(user=national, submission=submission, reason="opened again for a test")
