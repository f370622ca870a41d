"""Writes of indicators and data values.

Rules are checked here before the database's check constraints (the last guard):
a broken rule raises :class:`pairaid.core.errors.DataError`, an indicator code
outside ``indicators.csv`` :class:`pairaid.core.errors.CodelistError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from pairaid.activities.models import Activity
from pairaid.core.codelists import codelist_digest, indicators
from pairaid.core.decimals import exact_decimal
from pairaid.core.errors import DataError
from pairaid.core.period_dates import Period, period_from_dates, period_from_years
from pairaid.geo.models import Area
from pairaid.indicators.models import (
    CONFIRMED_STATUSES,
    CodelistFile,
    DataValue,
    DataValueKind,
    DataValueStatus,
    Indicator,
    Qualifier,
    subject_key,
)
from pairaid.indicators.selectors import codelist_changed, indicator_given
from pairaid.registry.models import Organisation, Pairing
from pairaid.sources.models import Evidence

FOUR_PLACES = Decimal("0.0001")


#: The fields of an indicator the codelist file owns: a sync sets them from the file. An indicator's names
#: as edited in the system (the admin site), and the indicators added there or through the API, are the
#: system's: a sync never changes them.
CODELIST_OWNED = ("group", "unit", "value_type", "default_kind", "aggregation")


@transaction.atomic
def indicators_sync() -> int:
    """Bring the codelist file (``pairaid/core/data/indicators.csv``) into the Indicator table.

    An indicator of the file not stored is created; a stored one takes the file's :data:`CODELIST_OWNED`
    fields and keeps its names; an indicator added in the system is left alone, and none is deleted (data
    values may refer to them). Notes the file's SHA-256 (:func:`pairaid.indicators.selectors.codelist_changed`).
    Idempotent; returns the number of indicators created.
    """
    return _codelist_synced()[0]


def indicators_sync_if_changed() -> tuple[int, int] | None:
    """:func:`indicators_sync` only when the codelist file changed since it was last synced: the indicators
    (created, updated), or None when the file is the one synced (what every command but ``init`` runs). The
    file is compared before any transaction begins: a command that has nothing to sync takes no write lock
    (on SQLite the whole file's; six reports at once took it in turn, issue 12)."""
    if not codelist_changed():
        return None
    with transaction.atomic():
        return _codelist_synced() if codelist_changed() else None


def _codelist_synced() -> tuple[int, int]:
    stored = {i.code: i for i in Indicator.objects.all()}
    created = updated = 0
    for item in indicators():
        owned = {name: getattr(item, name) for name in CODELIST_OWNED}
        found = stored.get(item.code)
        if found is None:
            Indicator.objects.create(code=item.code, name_en=item.name_en, name_zh=item.name_zh, **owned)
            created += 1
            continue
        changed = [name for name, value in owned.items() if getattr(found, name) != value]
        if changed:
            for name in changed:
                setattr(found, name, owned[name])
            found.save(update_fields=changed)
            updated += 1
    CodelistFile.objects.update_or_create(name="indicators.csv", defaults={"sha256": codelist_digest()})
    return created, updated


@dataclass(frozen=True)
class _Checked:
    indicator: Indicator
    value: Decimal
    value_high: Decimal | None
    period: Period
    unit: str


@dataclass(frozen=True, kw_only=True)
class DataValueSpec:
    """One figure to record: ``indicator`` × subject × period × ``disaggregation``, what
    :func:`datavalue_create` stores and :func:`datavalue_get_or_create` finds or stores.

    The period is given in years (``year`` for ``year`` and ``as_of``;
    ``start_year`` and ``end_year`` for ``cumulative``; see
    :func:`pairaid.core.period_dates.period_from_years`: year Y is Y-01-01..Y-12-31,
    cumulative A..B is A-01-01..B-12-31, as of Y is Y-12-31..Y-12-31), or as two
    days ``period_start`` and ``period_end``. The subject is any of ``pairing``,
    ``area``, ``activity`` and ``organisation`` (an area within a pairing keys on
    both). ``kind`` says whether the figure is an actual (the default), a planned
    value or a target; the three are kept apart under the same key. ``unit``
    defaults to the indicator's unit. A figure read from a report keeps the
    ``rule`` that bound it and the ``certainty`` of its reading (0-1). ``value`` and the other numbers are
    ``Decimal`` (or ``int``/numeric text), never ``float``.
    """

    indicator: str | Indicator
    value: Decimal | int | str
    period_kind: str
    year: int | None = None
    start_year: int | None = None
    end_year: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    pairing: Pairing | None = None
    area: Area | None = None
    activity: Activity | None = None
    organisation: Organisation | None = None
    disaggregation: str = ""
    unit: str | None = None
    qualifier: str = Qualifier.EXACT
    value_high: Decimal | int | str | None = None
    change_percent: Decimal | int | str | None = None
    change_base_year: int | None = None
    status: str = DataValueStatus.ENTERED
    kind: str = DataValueKind.ACTUAL
    evidence: Evidence | None = None
    part_of: DataValue | None = None
    donor_label: str = ""
    recipient_label: str = ""
    certainty: Decimal | int | str | None = None
    rule: str = ""


def _quantity(value: Decimal | int | str, what: str) -> Decimal:
    number = exact_decimal(value, what=what, not_a_number=f"{what} {value!r} is not a number")
    if abs(number) >= Decimal(10) ** 20:  # DataValue.value: 24 digits, 4 of them decimals
        raise DataError(f"{what} {number} is too large (at most 20 digits before the decimal point)")
    if number != number.quantize(FOUR_PLACES):
        raise DataError(f"{what} {number} has more than four decimals")
    return number


def _check_datavalue(spec: DataValueSpec) -> _Checked:
    indicator, value, value_high, unit, qualifier = (
        spec.indicator,
        spec.value,
        spec.value_high,
        spec.unit,
        spec.qualifier,
    )
    period_start, period_end, period_kind = spec.period_start, spec.period_end, spec.period_kind
    status, kind, change_percent, certainty, part_of = (
        spec.status,
        spec.kind,
        spec.change_percent,
        spec.certainty,
        spec.part_of,
    )
    found = indicator_given(indicator)
    amount = _quantity(value, f"{found.code} value")
    if amount < 0:
        raise DataError(f"{found.code}: a value cannot be negative ({amount})")
    high = None if value_high is None else _quantity(value_high, f"{found.code} upper value")
    if high is not None and high < amount:
        raise DataError(f"{found.code}: the upper value {high} is below the value {amount}")
    if period_start is not None or period_end is not None:
        if period_start is None or period_end is None:
            raise DataError(f"{found.code}: give both the period start and end, or years")
        period = period_from_dates(period_kind, start=period_start, end=period_end)
    else:
        period = period_from_years(period_kind, year=spec.year, start_year=spec.start_year, end_year=spec.end_year)
    if qualifier not in Qualifier.values:
        raise DataError(f"{found.code}: unknown qualifier {qualifier!r} (use one of {', '.join(Qualifier.values)})")
    if status not in DataValueStatus.values:
        raise DataError(f"{found.code}: unknown status {status!r} (use one of {', '.join(DataValueStatus.values)})")
    if kind not in DataValueKind.values:
        raise DataError(f"{found.code}: unknown kind {kind!r} (use one of {', '.join(DataValueKind.values)})")
    if change_percent is not None:
        _quantity(change_percent, f"{found.code} change")
    if certainty is not None and not 0 <= _quantity(certainty, "certainty") <= 1:
        raise DataError(f"{found.code}: certainty {certainty} is outside 0–1")
    chosen_unit = (unit or found.unit).strip()
    if part_of is not None and part_of.unit != chosen_unit:
        raise DataError(
            f"{found.code}: a value in {chosen_unit} cannot be part of {part_of.indicator.code} in {part_of.unit}"
        )
    return _Checked(found, amount, high, period, chosen_unit)


def datavalue_create(spec: DataValueSpec, *, updated_by: AbstractBaseUser | None = None) -> DataValue:
    """Record the figure ``spec`` describes (:class:`DataValueSpec`), as ``updated_by``.

    Raises:
        CodelistError: an indicator code not in the codelist.
        DataError: a negative value, an upper value below the value, a period that
            starts after it ends, an unknown qualifier, status or kind, a part in another
            unit than its whole, or a confirmed value (accepted, corrected, entered)
            already stored for the same key.
    """
    checked = _check_datavalue(spec)
    key = _key(checked, spec)
    if spec.status in CONFIRMED_STATUSES and DataValue.objects.filter(**key).exists():
        raise DataError(
            f"{checked.indicator.code}: a {spec.status} value for {key['subject_key'] or 'no subject'}, "
            f"{checked.period.label}{', ' + spec.disaggregation if spec.disaggregation else ''} is already stored"
        )
    created = DataValue(
        indicator=checked.indicator,
        pairing=spec.pairing,
        area=spec.area,
        activity=spec.activity,
        organisation=spec.organisation,
        period_kind=checked.period.kind,
        period_start=checked.period.start,
        period_end=checked.period.end,
        disaggregation=spec.disaggregation,
        value=checked.value,
        value_high=checked.value_high,
        unit=checked.unit,
        qualifier=spec.qualifier,
        change_percent=None if spec.change_percent is None else Decimal(spec.change_percent),
        change_base_year=spec.change_base_year,
        status=spec.status,
        kind=spec.kind,
        evidence=spec.evidence,
        part_of=spec.part_of,
        donor_label=spec.donor_label,
        recipient_label=spec.recipient_label,
        certainty=None if spec.certainty is None else Decimal(spec.certainty),
        rule=spec.rule[:64],
        updated_by=updated_by,
    )
    if updated_by is not None:
        created._history_user = updated_by  # type: ignore[attr-defined]
    created.save(force_insert=True)
    return created


def _key(checked: _Checked, spec: DataValueSpec) -> dict[str, object]:
    """The unique key of the figure ``spec`` describes (indicator, subject, period, disaggregation, kind, status)."""
    return {
        "indicator": checked.indicator,
        "subject_key": subject_key(
            pairing_id=spec.pairing.pk if spec.pairing else None,
            area_id=spec.area.pk if spec.area else None,
            activity_id=spec.activity.pk if spec.activity else None,
            organisation_id=spec.organisation.pk if spec.organisation else None,
        ),
        "period_kind": checked.period.kind,
        "period_start": checked.period.start,
        "period_end": checked.period.end,
        "disaggregation": spec.disaggregation,
        "kind": spec.kind,
        "status": spec.status,
    }


def datavalue_get_or_create(spec: DataValueSpec) -> tuple[DataValue, bool]:
    """The data value with this unique key (indicator, subject, period, disaggregation, kind, status), made if missing.

    An existing value is returned unchanged, even when ``value`` differs: a loader
    run twice adds nothing and overwrites no correction made in between.

    Raises:
        CodelistError, DataError: as :func:`datavalue_create`, when the arguments break a rule.
    """
    existing = DataValue.objects.filter(**_key(_check_datavalue(spec), spec)).order_by("pk").first()
    if existing is not None:
        return existing, False
    return datavalue_create(spec), True


def datavalue_revalue(
    *, data_value: DataValue, value: Decimal | int | str, updated_by: AbstractBaseUser | None, reason: str
) -> DataValue:
    """Give ``data_value`` a new ``value`` (same rules as :func:`datavalue_create`), recorded in the
    audit trail under ``updated_by`` with ``reason``; an unchanged value writes nothing.

    Raises:
        DataError: a float, text that is not a number, a negative value, more than four decimals.
    """
    amount = _quantity(value, f"{data_value.indicator.code} value")
    if amount < 0:
        raise DataError(f"{data_value.indicator.code}: a value cannot be negative ({amount})")
    if data_value.value_high is not None and data_value.value_high < amount:
        raise DataError(f"{data_value.indicator.code}: the upper value {data_value.value_high} is below {amount}")
    if amount == data_value.value:
        return data_value
    data_value.value = amount
    data_value.updated_by = updated_by
    data_value._history_user = updated_by  # type: ignore[attr-defined]
    data_value._change_reason = reason  # type: ignore[attr-defined]
    data_value.save()
    return data_value
