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

``activity-status`` is the activity's status on the day of the export
(:meth:`pairaid.activities.models.Activity.status_on`: from its dates and its stored stage; an
activity that has ended is closed, one not begun in the pipeline). Its start date is an actual
start (2) once past, else a planned one (1); its end date an actual end (4) once past, else a
planned one (3).

The schema requires an ``activity-date`` and a ``description``; pairaid writes the dates an activity has. An
activity with no start or end date is given no actual start (the date of a transaction, often the year's end,
is not the day it began): a planned start on the first day of the year of its first transaction, with a
narrative saying so; its transactions carry their own dates. One with no transaction either but with figures
(its outputs: data values of the activity, not rejected) is given a planned start on the first day of the
earliest period they cover, with a narrative saying so: an export does not drop an office's activities. Only
an activity with nothing dated at all (no dates, no transaction, no figure) is left out of the file and named
in :class:`IatiSummary` (``left_out``), in a year's export too (no year of it is known); the pairing's first
year is no date of it. One with no description is described by its title. The output validates against the
official 2.03 schema (a test holds the XSDs).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from lxml import etree

from pairaid.activities.models import IATI_TRANSACTION_TYPE_CODES, Activity, Transaction
from pairaid.core.codelists import sectors
from pairaid.core.errors import InputError
from pairaid.indicators.models import DataValue, DataValueStatus
from pairaid.interop.selectors import activities_active_in
from pairaid.registry.models import Pairing

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The programme's finance types that map onto the IATI FinanceType codelist; the others get none.
FINANCE_TYPE_CODES = {"grant": "110", "government_aid": "110", "social_donation": "110", "loan": "410"}
#: IATI OrganisationType: government (10), private sector (70), other (90).
ORGANISATION_TYPE = {"government": "10", "department": "10", "enterprise": "70"}
#: The narrative of the actual start of an activity with no dates: the date of its first transaction.
FIRST_TRANSACTION_NOTE = (
    "No start date recorded: a planned start taken from the year of its first transaction ({year}), "
    "not a date it is known to have begun; each transaction carries its own date",
    "未记录开始日期：按首笔资金所在年份（{year}年）的首日列为计划开始日期，并非已知的实际开始日期；各笔资金另记其日期",
)
#: The narrative of the planned start of an activity with no dates and no transactions: the first day of
#: the earliest period its figures (outputs) cover.
FIRST_PERIOD_NOTE = (
    "No start date recorded: the first day of the earliest period its outputs are reported for",
    "未记录开始日期：其产出所报最早时段的首日",
)


@dataclass(frozen=True)
class IatiSummary:
    """What :func:`iati_export` wrote: the file, the activities and the transactions in it, and the
    identifiers of the activities left out (no date, no transaction, no figure: no date of theirs is known)."""

    path: Path
    activities: int
    transactions: int
    left_out: tuple[str, ...] = field(default=())


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
    activity: Activity,
    transactions: list[Transaction],
    sector_names: dict[str, tuple[str, str]],
    *,
    today: date,
    first_paid: date | None,
    first_period: date | None = None,
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
    etree.SubElement(node, "activity-status", {"code": str(activity.status_on(today))})
    if activity.start_date:
        started = activity.start_date <= today
        etree.SubElement(
            node, "activity-date", {"type": "2" if started else "1", "iso-date": activity.start_date.isoformat()}
        )
    if activity.end_date:
        ended = activity.end_date < today
        etree.SubElement(
            node, "activity-date", {"type": "4" if ended else "3", "iso-date": activity.end_date.isoformat()}
        )
    if not activity.start_date and not activity.end_date:
        if first_paid is not None:
            # no actual start is claimed (a transaction's date, often the year's end, is no start of the activity):
            # a planned start on the first day of its first transaction's year, the narrative saying so (issue 12)
            year_start = date(first_paid.year, 1, 1).isoformat()
            start = etree.SubElement(node, "activity-date", {"type": "1", "iso-date": year_start})
            _narratives(start, *(note.format(year=first_paid.year) for note in FIRST_TRANSACTION_NOTE))
        else:
            assert first_period is not None  # iati_activities leaves out an activity with nothing dated
            start = etree.SubElement(node, "activity-date", {"type": "1", "iso-date": first_period.isoformat()})
            _narratives(start, *FIRST_PERIOD_NOTE)
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


def iati_activities(
    *, pairing_ids: list[int] | None, year: int | None, today: date, left_out: list[str] | None = None
) -> Iterator[tuple[etree._Element, int]]:
    """The ``iati-activity`` elements of these pairings' activities (all when ``None``) in ``year``
    (the activities active in it: :func:`pairaid.interop.selectors.activities_active_in`; with that year's
    transactions; all years when ``None``), their status and dates as on ``today``,
    each with its number of transactions; read from the database in chunks. An activity with no date, no
    transaction and no figure is not given (no date of it is known, and the schema wants one): its
    identifier is added to ``left_out``, in a year's export too (it is active in no year we know of)."""
    names = {s.code: (s.name_en, s.name_zh) for s in sectors()}
    money = Transaction.objects.order_by("value_date", "pk")
    if year is not None:
        money = money.filter(value_date__year=year)
    first_paid = Transaction.objects.filter(activity=OuterRef("pk")).order_by("value_date").values("value_date")
    figures = DataValue.objects.filter(activity=OuterRef("pk")).exclude(status=DataValueStatus.REJECTED)
    first_period = figures.order_by("period_start").values("period_start")
    if year is not None and left_out is not None:
        left_out.extend(_nothing_dated(pairing_ids))  # active in no known year: named, not lost silently
    activities = (
        activities_active_in(pairing_ids=pairing_ids, year=year)
        .select_related("pairing__donor_area", "pairing__donor_organisation")
        .annotate(first_paid=Subquery(first_paid[:1]), first_period=Subquery(first_period[:1]))
        .prefetch_related(Prefetch("transactions", queryset=money, to_attr="money"))
    )
    for activity in activities.iterator(chunk_size=2000):
        paid: date | None = activity.first_paid  # type: ignore[attr-defined]
        period: date | None = activity.first_period  # type: ignore[attr-defined]
        if activity.start_date is None and activity.end_date is None and paid is None and period is None:
            if left_out is not None and year is None:
                left_out.append(activity.identifier)
            continue
        element = _activity(activity, activity.money, names, today=today, first_paid=paid, first_period=period)
        yield element, len(activity.money)


def _nothing_dated(pairing_ids: list[int] | None) -> list[str]:
    """Identifiers of these pairings' activities (all when ``None``) with no dates, no transaction and no
    figure (not rejected): no date of theirs is known, so no year's export holds them."""
    qs = Activity.objects.filter(start_date__isnull=True, end_date__isnull=True)
    if pairing_ids is not None:
        qs = qs.filter(pairing_id__in=pairing_ids)
    qs = qs.exclude(Exists(Transaction.objects.filter(activity=OuterRef("pk")))).exclude(
        Exists(DataValue.objects.filter(activity=OuterRef("pk")).exclude(status=DataValueStatus.REJECTED))
    )
    return list(qs.order_by("identifier").values_list("identifier", flat=True))


def iati_export(
    *, path: Path, pairing_ids: list[int] | None = None, year: int | None = None, today: date | None = None
) -> IatiSummary:
    """Write the IATI activity XML 2.03 of these pairings' activities (see :func:`iati_activities`; status
    and dates as on ``today``, by default the day of the export) to ``path``, streamed: a national export
    does not hold its 100,000 activities in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    activities = transactions = 0
    left_out: list[str] = []
    attributes = {"version": "2.03", "generated-datetime": datetime.now(UTC).replace(microsecond=0).isoformat()}
    partial = path.with_name(path.name + ".partial")
    try:
        with etree.xmlfile(str(partial), encoding="UTF-8") as out:
            out.write_declaration()
            with out.element("iati-activities", attributes):
                out.write("\n")
                rows = iati_activities(
                    pairing_ids=pairing_ids, year=year, today=today or date.today(), left_out=left_out
                )
                for element, count in rows:
                    out.write(element, pretty_print=True)
                    activities += 1
                    transactions += count
        if not activities:  # the schema wants one iati-activity at least: an empty file would not validate
            within = f" active in {year}" if year is not None else ""
            undated = f" ({len(left_out)} with nothing dated left out)" if left_out else ""
            raise InputError(f"no activities{within}{undated}: nothing to export as IATI", code="iati_no_activities")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return IatiSummary(path, activities, transactions, tuple(left_out))
