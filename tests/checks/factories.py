"""Small factories for the checks, roll-up and report tests: pairings, documents and data values."""

from __future__ import annotations

import datetime
from decimal import Decimal

from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue, Indicator
from pairaid.registry.models import Pairing
from pairaid.sources.models import Evidence, SourceDocument


def area(code: str) -> Area:
    return Area.objects.get(code=code)


def pairing(
    donor: str = "370000",
    recipient: str = "650000",
    *,
    level: str = "province",
    parent: Pairing | None = None,
    name: str = "",
) -> Pairing:
    """A pairing in force from 2008 (default: Shandong–Xinjiang)."""
    return Pairing.objects.create(
        name=name, donor_area=area(donor), recipient_area=area(recipient), level=level, start_year=2008, parent=parent
    )


def document(text: str, *, title: str = "Report") -> SourceDocument:
    import hashlib

    return SourceDocument.objects.create(sha256=hashlib.sha256(text.encode()).hexdigest(), title=title, text=text)


def value(
    code: str,
    amount: str,
    *,
    pairing: Pairing | None = None,
    subject_area: Area | None = None,
    year: int = 2009,
    kind: str = "year",
    start_year: int | None = None,
    unit: str | None = None,
    status: str = "entered",
    part_of: DataValue | None = None,
    doc: SourceDocument | None = None,
    written: str | None = None,
    disaggregation: str = "",
    change_percent: str | None = None,
    change_base_year: int | None = None,
    qualifier: str = "exact",
) -> DataValue:
    """A data value; with ``doc`` and ``written`` its evidence is the first place ``written`` occurs in ``doc``."""
    indicator = Indicator.objects.get(code=code)
    evidence = None
    if doc is not None and written is not None:
        start = doc.text.index(written)
        evidence, _ = Evidence.objects.get_or_create(document=doc, start=start, end=start + len(written))
    first = start_year if start_year is not None else year
    period_start = datetime.date(first, 1, 1) if kind != "as_of" else datetime.date(year, 12, 31)
    return DataValue.objects.create(
        indicator=indicator,
        pairing=pairing,
        area=subject_area,
        period_kind=kind,
        period_start=period_start,
        period_end=datetime.date(year, 12, 31),
        value=Decimal(amount),
        unit=unit or indicator.unit,
        status=status,
        part_of=part_of,
        evidence=evidence,
        disaggregation=disaggregation,
        change_percent=Decimal(change_percent) if change_percent else None,
        change_base_year=change_base_year,
        qualifier=qualifier,
    )
