"""Activities and their transactions as IATI activity XML, version 2.03 (lxml).

Source of the rules: the IATI Activity Standard 2.03 (element order of
``iati-activities-schema.xsd``) and its codelists — ActivityStatus (our status
codes are already IATI's), TransactionType (incoming funds 1, commitment 2,
disbursement 3, expenditure 4), ActivityDateType (1 planned start, 2 actual
start, 3 planned end, 4 actual end), SectorVocabulary 99 (reporting
organisation's own: the programme's sector codes), FinanceType (110 standard
grant, 410 aid loan).

Identifiers: pairaid has no registered IATI organisation identifiers, so the
reporting organisation (the pairing's donor) is given the ref
``CN-AREA-<area code>`` (``CN-ORG-<id>`` for an organisation) and each
``iati-identifier`` is that ref, a hyphen and the activity's identifier. The
recipient is China (``recipient-country`` CN); the recipient areas are
``location`` elements named in English and Chinese with the area code as ref.
Values are written exactly (``20000000.00``), in the transaction's currency.

The schema requires an ``activity-date`` and a ``description``. An activity with no
dates gets, as its actual start, the earliest date the data knows it by (its first
transaction, else the start of the first period of its outputs), else the pairing's
first year as a planned start; one with no description is described by its title.
The output validates against the official 2.03 schema (a test holds the XSDs).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from django.db.models import Prefetch
from lxml import etree

from pairaid.activities.models import IATI_TRANSACTION_TYPE_CODES, Activity, ActivityStatus, Transaction
from pairaid.core.codelists import sectors
from pairaid.core.errors import InputError
from pairaid.indicators.models import DataValue
from pairaid.interop.selectors import activities_active_in
from pairaid.registry.models import Pairing

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The programme's finance types that map onto the IATI FinanceType codelist; the others get none.
FINANCE_TYPE_CODES = {"grant": "110", "government_aid": "110", "social_donation": "110", "loan": "410"}
#: IATI OrganisationType: government (10), private sector (70), other (90).
ORGANISATION_TYPE = {"government": "10", "department": "10", "enterprise": "70"}


@dataclass(frozen=True)
class IatiSummary:
    """What :func:`iati_export` wrote: the file, the activities and the transactions in it."""

    path: Path
    activities: int
    transactions: int


def reporting_org_ref(pairing: Pairing) -> str:
    """The reference pairaid gives the donor of ``pairing``: ``CN-AREA-<code>`` or ``CN-ORG-<id>``."""
    if pairing.donor_area_id is not None:
        return f"CN-AREA-{pairing.donor_area.code}"
    return f"CN-ORG-{pairing.donor_organisation_id}"


def _narratives(parent: etree._Element, english: str, chinese: str = "") -> None:
    if english:
        etree.SubElement(parent, "narrative").text = english
    if chinese:
        etree.SubElement(parent, "narrative", {XML_LANG: "zh"}).text = chinese


def _donor_names(pairing: Pairing) -> tuple[str, str, str]:
    if pairing.donor_area_id is not None:
        area = pairing.donor_area
        return area.name_en or area.name_pinyin, area.name_zh, "10"
    org = pairing.donor_organisation
    assert org is not None
    return org.name, org.name_zh, ORGANISATION_TYPE.get(org.kind, "90")


def _activity(
    activity: Activity, transactions: list[Transaction], sector_names: dict[str, tuple[str, str]]
) -> etree._Element:
    pairing = activity.pairing
    ref = reporting_org_ref(pairing)
    node = etree.Element("iati-activity", {"default-currency": "CNY", "hierarchy": "1", XML_LANG: "en"})
    etree.SubElement(node, "iati-identifier").text = f"{ref}-{activity.identifier}"
    name_en, name_zh, org_type = _donor_names(pairing)
    _narratives(etree.SubElement(node, "reporting-org", {"ref": ref, "type": org_type}), name_en, name_zh)
    _narratives(etree.SubElement(node, "title"), activity.title, activity.title_zh)
    _narratives(etree.SubElement(node, "description", {"type": "1"}), activity.description or activity.title)
    _narratives(
        etree.SubElement(node, "participating-org", {"role": "1", "ref": ref, "type": org_type}), name_en, name_zh
    )
    if activity.implementing_organisation_id is not None:
        org = activity.implementing_organisation
        assert org is not None
        attrs = {"role": "4", "type": ORGANISATION_TYPE.get(org.kind, "90")}
        _narratives(etree.SubElement(node, "participating-org", attrs), org.name, org.name_zh)
    etree.SubElement(node, "activity-status", {"code": str(activity.status)})
    started = activity.status != ActivityStatus.PIPELINE
    ended = activity.status in (ActivityStatus.FINALISATION, ActivityStatus.CLOSED)
    if activity.start_date:
        etree.SubElement(
            node, "activity-date", {"type": "2" if started else "1", "iso-date": activity.start_date.isoformat()}
        )
    if activity.end_date:
        etree.SubElement(
            node, "activity-date", {"type": "4" if ended else "3", "iso-date": activity.end_date.isoformat()}
        )
    if not activity.start_date and not activity.end_date:
        known = [t.value_date for t in transactions] or [v.period_start for v in getattr(activity, "outputs", [])]
        if known:
            etree.SubElement(node, "activity-date", {"type": "2", "iso-date": min(known).isoformat()})
        else:
            planned = date(pairing.start_year, 1, 1).isoformat()
            etree.SubElement(node, "activity-date", {"type": "1", "iso-date": planned})
    etree.SubElement(node, "recipient-country", {"code": "CN", "percentage": "100"})
    for area in sorted(activity.recipient_areas.all(), key=lambda a: a.code):
        location = etree.SubElement(node, "location", {"ref": area.code})
        _narratives(etree.SubElement(location, "name"), area.name_en or area.name_pinyin, area.name_zh)
    sector_en, sector_zh = sector_names.get(activity.sector, (activity.sector, ""))
    sector = etree.SubElement(node, "sector", {"vocabulary": "99", "code": activity.sector, "percentage": "100"})
    _narratives(sector, sector_en, sector_zh)
    for t in transactions:
        item = etree.SubElement(node, "transaction")
        etree.SubElement(item, "transaction-type", {"code": IATI_TRANSACTION_TYPE_CODES[t.transaction_type]})
        etree.SubElement(item, "transaction-date", {"iso-date": t.value_date.isoformat()})
        value = etree.SubElement(item, "value", {"currency": t.currency, "value-date": t.value_date.isoformat()})
        value.text = f"{t.value:.2f}"
        if t.description:
            _narratives(etree.SubElement(item, "description"), t.description)
        if t.finance_type in FINANCE_TYPE_CODES:
            etree.SubElement(item, "finance-type", {"code": FINANCE_TYPE_CODES[t.finance_type]})
    return node


def iati_activities(*, pairing_ids: list[int] | None, year: int | None) -> Iterator[tuple[etree._Element, int]]:
    """The ``iati-activity`` elements of these pairings' activities (all when ``None``) in ``year``
    (the activities active in it: :func:`pairaid.interop.selectors.activities_active_in`; with that year's
    transactions; all years when ``None``),
    each with its number of transactions; read from the database in chunks."""
    names = {s.code: (s.name_en, s.name_zh) for s in sectors()}
    money = Transaction.objects.order_by("value_date", "pk")
    if year is not None:
        money = money.filter(value_date__year=year)
    activities = (
        activities_active_in(pairing_ids=pairing_ids, year=year)
        .select_related("pairing__donor_area", "pairing__donor_organisation")
        .prefetch_related(
            Prefetch("transactions", queryset=money, to_attr="money"),
            Prefetch("data_values", queryset=DataValue.objects.only("activity_id", "period_start"), to_attr="outputs"),
        )
    )
    for activity in activities.iterator(chunk_size=2000):
        yield _activity(activity, activity.money, names), len(activity.money)


def iati_export(*, path: Path, pairing_ids: list[int] | None = None, year: int | None = None) -> IatiSummary:
    """Write the IATI activity XML 2.03 of these pairings' activities (see :func:`iati_activities`) to
    ``path``, streamed: a national export does not hold its 100,000 activities in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    activities = transactions = 0
    attributes = {"version": "2.03", "generated-datetime": datetime.now(UTC).replace(microsecond=0).isoformat()}
    partial = path.with_name(path.name + ".partial")
    try:
        with etree.xmlfile(str(partial), encoding="UTF-8") as out:
            out.write_declaration()
            with out.element("iati-activities", attributes):
                out.write("\n")
                for element, count in iati_activities(pairing_ids=pairing_ids, year=year):
                    out.write(element, pretty_print=True)
                    activities += 1
                    transactions += count
        if not activities:  # the schema wants one iati-activity at least: an empty file would not validate
            within = f" active in {year}" if year is not None else ""
            raise InputError(f"no activities{within}: nothing to export as IATI", code="iati_no_activities")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return IatiSummary(path, activities, transactions)
