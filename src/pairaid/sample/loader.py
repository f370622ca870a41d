"""Load the built-in sample (``shandong_xinjiang_2009.yaml``) through the services.

The sample is a structured dataset of Shandong's pairing-off assistance to
Xinjiang in 2009: the pairing tree, organisations, activities with their money
(transactions) and outputs, and the reported figures (data values, status
``entered``). Its layout is explained at the top of the YAML file.

Loading is idempotent: pairings are keyed by donor, recipient, level and start
year, activities by identifier, transactions by their owner, type, finance type,
value and date, data values by their unique key. A second run creates nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from pairaid.activities.models import Activity, Transaction
from pairaid.activities.services import ActivitySpec, TransactionSpec, activity_get_or_create, transaction_get_or_create
from pairaid.core.errors import DataError, InputError
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue
from pairaid.indicators.services import DataValueSpec, datavalue_get_or_create
from pairaid.registry.models import Organisation, Pairing
from pairaid.registry.services import PairingSpec, organisation_get_or_create, pairing_attach, pairing_get_or_create
from pairaid.sample.year import Row, YearCounts, sample_year_load

SAMPLE_NAME = "shandong_xinjiang_2009.yaml"


@dataclass(frozen=True)
class SampleCounts:
    """Rows of each kind."""

    organisations: int = 0
    pairings: int = 0
    activities: int = 0
    transactions: int = 0
    data_values: int = 0

    @property
    def total(self) -> int:
        """All rows together."""
        return sum(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class SampleSummary:
    """What :func:`sample_load` did: the sample's name and title, its top pairing, rows created and rows in it.

    ``data_value_ids`` are the ids of the sample's data values (created or found), in file order;
    ``year`` what its reporting year holds (plans, events, datasets: :mod:`pairaid.sample.year`).
    """

    name: str
    title: str
    report_year: int
    root: Pairing
    created: SampleCounts
    in_sample: SampleCounts
    data_value_ids: tuple[int, ...] = ()
    year: YearCounts = field(default_factory=YearCounts)

    @property
    def already_loaded(self) -> bool:
        """Whether every row was already there (nothing created)."""
        return self.created.total == 0


def sample_path() -> Path:
    """The built-in sample file."""
    return Path(str(resources.files("pairaid.sample").joinpath(SAMPLE_NAME)))


def sample_read(*, path: Path | None = None) -> Row:
    """The sample file parsed (a mapping), without touching the database.

    Raises:
        InputError: a missing file, or text that is not a YAML mapping with ``pairings``.
    """
    path = path or sample_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"sample file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read sample file {path}: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"sample file {path} is not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or not data.get("pairings"):
        raise InputError(f"sample file {path} has no pairings")
    return data


@transaction.atomic
def sample_load(*, path: Path | None = None) -> SampleSummary:
    """Load the sample into the database (idempotent); the built-in one unless ``path`` is given.

    Needs the areas and the indicator codelist loaded first (``pairaid init``).

    Raises:
        InputError: an unreadable sample file.
        DataError: an area code that is not loaded, a key that refers to nothing,
            or a row that breaks a rule of the services (negative money…).
        CodelistError: an unknown sector or indicator code.
    """
    data = sample_read(path=path)
    source = data.get("source") or {}
    loader = _Loader(
        report_year=int(data.get("report_year", 2009)),
        source=(str(source.get("address", "")), str(source.get("title", ""))),
    )
    for row in data.get("organisations") or []:
        loader.organisation(row)
    roots = [loader.pairing(row, parent=None) for row in data["pairings"]]
    for row in data.get("activities") or []:
        loader.activity(row)
    for row in data.get("data_values") or []:
        loader.data_value(row, activity=None)
    year = sample_year_load(data=data, loader=loader, root=roots[0])
    return SampleSummary(
        name=str(data.get("sample", (path or sample_path()).stem)),
        title=str(data.get("title", "")),
        report_year=loader.report_year,
        root=roots[0],
        created=SampleCounts(**loader.created),
        in_sample=SampleCounts(**loader.seen),
        data_value_ids=tuple(loader.value_ids),
        year=year,
    )


def database_counts() -> dict[str, int]:
    """Rows in the whole database: areas, pairings, activities, transactions, data_values (in that order)."""
    return {
        "areas": Area.objects.count(),
        "pairings": Pairing.objects.count(),
        "activities": Activity.objects.count(),
        "transactions": Transaction.objects.count(),
        "data_values": DataValue.objects.count(),
    }


def _required(row: Row, name: str, what: str) -> Any:
    if name not in row or row[name] in (None, ""):
        raise DataError(f"sample: {what} has no {name!r}")
    return row[name]


class _Loader:
    """Keeps the keys seen so far and counts what was created and what was found."""

    def __init__(self, *, report_year: int, source: tuple[str, str]) -> None:
        self.report_year = report_year
        self.source_url, self.source_title = source
        self.areas: dict[str, Area] = {}
        self.organisations: dict[str, Organisation] = {}
        self.pairings: dict[str, Pairing] = {}
        self.values: dict[str, DataValue] = {}
        self.value_ids: list[int] = []
        kinds = [f.name for f in fields(SampleCounts)]
        self.created = dict.fromkeys(kinds, 0)
        self.seen = dict.fromkeys(kinds, 0)

    def count(self, kind: str, created: bool) -> None:
        self.seen[kind] += 1
        self.created[kind] += int(created)

    def area(self, code: object) -> Area:
        key = str(code)
        if key not in self.areas:
            found = Area.objects.filter(code=key).first()
            if found is None:
                raise DataError(f"sample: area {key} is not loaded (run `pairaid init` first)")
            self.areas[key] = found
        return self.areas[key]

    def ref(self, table: dict[str, Any], key: object, what: str) -> Any:
        if str(key) not in table:
            raise DataError(f"sample: {what} {key!r} is not defined above its first use")
        return table[str(key)]

    def organisation(self, row: Row) -> None:
        key = _required(row, "key", "an organisation")
        organisation, created = organisation_get_or_create(
            name=_required(row, "name", f"organisation {key}"),
            name_zh=row.get("name_zh", ""),
            kind=row.get("kind", "other"),
            area=self.area(row["area"]) if row.get("area") else None,
        )
        self.organisations[key] = organisation
        self.count("organisations", created)

    def pairing(self, row: Row, *, parent: Pairing | None) -> Pairing:
        key = _required(row, "key", "a pairing")
        what = f"pairing {key}"
        pairing, created = pairing_get_or_create(
            PairingSpec(
                donor_area=self.area(_required(row, "donor", what)),
                recipient_area=self.area(_required(row, "recipient", what)),
                level=_required(row, "level", what),
                start_year=int(_required(row, "start_year", what)),
                end_year=row.get("end_year"),
                programme=row.get("programme", parent.programme if parent else "east_west"),
                pair_count=int(row.get("pair_count", 1)),
                parent=parent,
                name=row.get("name", ""),
                source_url=self.source_url,
                source_title=self.source_title,
                basis="stated" if self.source_url and self.source_title else "",
            )
        )
        if parent is not None and pairing.parent_id is None:
            pairing_attach(pairing=pairing, parent=parent)
        elif pairing.parent_id != (parent.pk if parent else None):
            raise DataError(f"sample: {what} is already stored under another parent pairing")
        self.pairings[key] = pairing
        self.count("pairings", created)
        for child in row.get("children") or []:
            self.pairing(child, parent=pairing)
        return pairing

    def activity(self, row: Row) -> None:
        identifier = str(_required(row, "identifier", "an activity"))
        what = f"activity {identifier}"
        organisation_key = row.get("implementing_organisation")
        activity, created = activity_get_or_create(
            ActivitySpec(
                identifier=identifier,
                title=_required(row, "title", what),
                title_zh=row.get("title_zh", ""),
                description=row.get("description", ""),
                sector=_required(row, "sector", what),
                pairing=self.ref(self.pairings, _required(row, "pairing", what), "pairing"),
                recipient_areas=[self.area(code) for code in row.get("recipient_areas") or []],
                implementing_organisation=(
                    self.ref(self.organisations, organisation_key, "organisation") if organisation_key else None
                ),
                start_date=_date(row.get("start_date"), what),
                end_date=_date(row.get("end_date"), what),
                is_key_project=bool(row.get("is_key_project", False)),
                batch=row.get("batch"),
            )
        )
        self.count("activities", created)
        for money_row in row.get("transactions") or []:
            self.transaction(money_row, activity=activity)
        for output in row.get("outputs") or []:
            self.data_value(output, activity=activity)

    def transaction(self, row: Row, *, activity: Activity) -> None:
        what = f"a transaction of activity {activity.identifier}"
        value_date = _date(_required(row, "date", what), what)
        assert value_date is not None
        areas = list(activity.recipient_areas.all())
        _, created = transaction_get_or_create(
            TransactionSpec(
                activity=activity,
                transaction_type=_required(row, "type", what),
                finance_type=_required(row, "finance", what),
                value=str(_required(row, "value", what)),
                value_date=value_date,
                currency=row.get("currency", "CNY"),
                provider_area=activity.pairing.donor_area if activity.implementing_organisation is None else None,
                provider_organisation=activity.implementing_organisation,
                receiver_area=areas[0] if len(areas) == 1 else None,
                description=row.get("description", ""),
            )
        )
        self.count("transactions", created)

    def data_value(self, row: Row, *, activity: Activity | None) -> None:
        indicator = str(_required(row, "indicator", "a data value"))
        what = f"data value {row.get('key') or indicator}"
        part_of_key = row.get("part_of")
        if activity is None and not row.get("pairing") and not row.get("area"):
            raise DataError(f"sample: {what} has no subject (pairing, area or activity output)")
        period = _period(row.get("period", self.report_year), what)
        value, created = datavalue_get_or_create(
            DataValueSpec(
                indicator=indicator,
                value=str(_required(row, "value", what)),
                value_high=str(row["value_high"]) if row.get("value_high") is not None else None,
                **period,
                activity=activity,
                pairing=self.ref(self.pairings, row["pairing"], "pairing") if row.get("pairing") else None,
                area=self.area(row["area"]) if row.get("area") else None,
                disaggregation=str(row.get("disaggregation", "")),
                unit=row.get("unit"),
                qualifier=row.get("qualifier", "exact"),
                change_percent=str(row["change_percent"]) if row.get("change_percent") is not None else None,
                change_base_year=row.get("change_base_year"),
                status="entered",
                part_of=self.ref(self.values, part_of_key, "data value") if part_of_key else None,
            )
        )
        if row.get("key"):
            self.values[str(row["key"])] = value
        self.value_ids.append(value.pk)
        self.count("data_values", created)


def _date(raw: object, what: str) -> date | None:
    if raw is None or isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise DataError(f"sample: {what} has a date {raw!r} that is not YYYY-MM-DD") from None


def _period(raw: object, what: str) -> dict[str, Any]:
    """``2009`` → a year; ``as_of 2009`` → a stock at the end of 2009; ``1996-2009`` → cumulative."""
    text = str(raw).strip()
    try:
        if text.startswith("as_of"):
            return {"period_kind": "as_of", "year": int(text.removeprefix("as_of").strip())}
        if "-" in text:
            first, last = text.split("-", 1)
            return {"period_kind": "cumulative", "start_year": int(first), "end_year": int(last)}
        return {"period_kind": "year", "year": int(text)}
    except ValueError:
        raise DataError(f"sample: {what} has a period {raw!r} (use 2009, as_of 2009 or 1996-2009)") from None
