"""Synthetic national data for the benchmarks: every pairing level, twenty years, about a million data values.

Run: ``.venv/bin/python bench/national_data.py [--scale 1.0] [--seed 2009]`` into the
configured database (``PAIRAID_DATABASE_URL``; use a database of its own, e.g.
``postgres://postgres@127.0.0.1:5432/pairaid_bench`` or ``sqlite:////tmp/pairaid_bench.sqlite3``).
Other code calls :func:`generate` (``bench/web_bench.py`` does).

At ``--scale 1``: 30 province-level pairings of an eastern donor province with a
western recipient, 300 city (prefecture) pairings under them and 1,000 county
pairings under those; 2005–2024; per pairing and year about 26 confirmed figures
(aid funds, grants, projects, trainees…), recipient-county context figures (GDP,
fiscal revenue…), a share of figures told again as "extracted" with evidence in a
synthetic document, ~100,000 activities with ~200,000 transactions and their
outputs: about 1 million data values. ``--scale 0.01`` makes a small version.

Rows go in with ``bulk_create`` in large batches (no history rows, no ``save()``),
so ``DataValue.subject_key`` is set here by hand with the model's own function. On SQLite the
load is made fast for the bench only (:func:`_sqlite_bulk_load`): the big tables' indexes and the
change-counting triggers are dropped for the load and made again after it, in the same transaction,
with a large page cache and no syncing to disk; Django's logging of every query is off meanwhile.
The same seed gives the same data. The generator refuses a database that already
holds bench data (pairing names end in `` [bench]``): start from a fresh one.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

BENCH_MARK = " [bench]"
FIRST_YEAR, LAST_YEAR = 2005, 2024
#: Eastern donor provinces and western recipient provinces (GB/T 2260 two-digit prefixes).
DONORS = ("11", "12", "21", "31", "32", "33", "35", "37", "44")
RECIPIENTS = ("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65")
#: Figures stated for each pairing each year (all summed, flows).
PAIRING_INDICATORS = (
    "aid_funds",
    "government_aid_funds",
    "grant_funds",
    "social_donations",
    "enterprise_investment",
    "contract_value",
    "labour_income",
    "aid_projects",
    "cooperation_projects",
    "contracts_signed",
    "enterprises",
    "leader_visits",
    "delegations",
    "cadres_seconded",
    "personnel_exchanges",
    "training_courses",
    "people_trained",
    "labour_transferred",
    "jobs",
    "beneficiaries",
    "students_supported",
    "patients_treated",
    "surgeries",
    "technologies_introduced",
    "villages",
    "households_benefited",
)
AREA_INDICATORS = ("gdp", "fixed_asset_investment", "fiscal_revenue", "retail_sales")
OUTPUT_INDICATORS = ("people_trained", "houses", "schools", "households_benefited", "land_area", "road_length")
MONEY_SCALE = {"province": 1_000_000_000, "prefecture": 100_000_000, "county": 20_000_000}
EXTRACTED_SHARE = 0.2
BATCH = 20_000
#: The tables the bulk of the rows go to (their indexes and triggers are set aside during a SQLite load).
BIG_TABLES = (
    "indicators_datavalue",
    "sources_evidence",
    "activities_activity",
    "activities_activity_recipient_areas",
    "activities_transaction",
)


@dataclass(frozen=True)
class GenerateSummary:
    """What :func:`generate` stored: rows of each kind, the years, the seconds it took,
    and a busy province-level pairing to time one pairing's report on (``report_pairing_id``)."""

    scale: float
    seed: int
    pairings: int
    activities: int
    transactions: int
    data_values: int
    documents: int
    first_year: int
    last_year: int
    report_pairing_id: int
    seconds: float


def _amount(rng: random.Random, scale: int) -> Decimal:
    return Decimal(rng.randrange(scale // 20, scale)) // 10000 * 10000


def _count(rng: random.Random, unit: str, level: str) -> Decimal:
    high = {"province": 50_000, "prefecture": 5_000, "county": 800}[level]
    if unit in ("batch", "course", "agreement", "project", "item"):
        high //= 50
    return Decimal(rng.randrange(1, max(high, 3)))


class _Generator:
    def __init__(self, *, scale: float, seed: int) -> None:
        from pairaid.geo.models import Area
        from pairaid.indicators.models import Indicator

        self.rng = random.Random(seed)
        self.scale = scale
        self.indicators = {i.code: i for i in Indicator.objects.all()}
        missing = set(PAIRING_INDICATORS + AREA_INDICATORS + OUTPUT_INDICATORS) - set(self.indicators)
        if missing:
            raise SystemExit(f"indicators not loaded: {sorted(missing)} (run `pairaid init` first)")
        areas = list(Area.objects.values_list("pk", "code", "level", "parent_id", "name_en", "name_pinyin"))
        self.area_name = {pk: en or pinyin for pk, _c, _l, _p, en, pinyin in areas}
        self.children: dict[int, list[int]] = {}
        self.province_by_prefix: dict[str, int] = {}
        for pk, code, level, parent_id, _en, _py in areas:
            if level == "province":
                self.province_by_prefix[code[:2]] = pk
            if parent_id is not None:
                self.children.setdefault(parent_id, []).append(pk)
        self.counts = {"data_values": 0, "transactions": 0, "activities": 0, "documents": 0}

    def below(self, area_id: int, level_depth: int) -> list[int]:
        """Areas ``level_depth`` levels below ``area_id`` (falls back to the area itself)."""
        found = [area_id]
        for _ in range(level_depth):
            found = [c for a in found for c in self.children.get(a, [])] or found
        return found

    def pairings(self) -> list[tuple[object, str]]:
        from pairaid.registry.models import Pairing, PairingLevel

        rng = self.rng
        n_province = max(1, round(30 * self.scale))
        n_prefecture = max(n_province, round(300 * self.scale))
        n_county = max(n_prefecture, round(1000 * self.scale))
        combos = [(d, r) for d in DONORS for r in RECIPIENTS]
        rng.shuffle(combos)
        provinces = [
            Pairing(
                name=f"{self.area_name[self.province_by_prefix[d]]} – {self.area_name[self.province_by_prefix[r]]}"
                f"{BENCH_MARK}",
                donor_area_id=self.province_by_prefix[d],
                recipient_area_id=self.province_by_prefix[r],
                level=PairingLevel.PROVINCE,
                start_year=FIRST_YEAR,
            )
            for d, r in combos[:n_province]
        ]
        Pairing.objects.bulk_create(provinces)
        prefectures = self.nested(provinces, n_prefecture, PairingLevel.PREFECTURE)
        counties = self.nested(prefectures, n_county, PairingLevel.COUNTY)
        return [(p, p.level) for p in provinces + prefectures + counties]

    def nested(self, parents: list[Any], count: int, level: str) -> list[Any]:
        """``count`` pairings of ``level``, one area below each side of ``parents`` in turn (saved)."""
        from pairaid.registry.models import Pairing

        made = []
        for i in range(count):
            up = parents[i % len(parents)]
            donor = self.rng.choice(self.below(up.donor_area_id, 1))
            recipient = self.rng.choice(self.below(up.recipient_area_id, 1))
            made.append(
                Pairing(
                    name=f"{self.area_name[donor]} – {self.area_name[recipient]}{BENCH_MARK}",
                    donor_area_id=donor,
                    recipient_area_id=recipient,
                    level=level,
                    start_year=FIRST_YEAR,
                    parent=up,
                )
            )
        Pairing.objects.bulk_create(made)
        return made

    def documents(self, provinces: list[object]) -> dict[tuple[int, int], object]:
        """One synthetic report per province pairing and year: the evidence of its extracted figures."""
        from pairaid.sources.models import SourceDocument

        docs = {}
        for p in provinces:
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                text = f"Synthetic bench report of {p} for {year}.\n" + "Figure sentence. " * 2000
                docs[(p.pk, year)] = SourceDocument(
                    sha256=hashlib.sha256(f"bench {p.pk} {year}".encode()).hexdigest(),
                    title=f"{p} {year} (synthetic)",
                    report_year=year + 1,
                    text=text,
                )
        SourceDocument.objects.bulk_create(list(docs.values()), batch_size=500)
        self.counts["documents"] = len(docs)
        return docs

    def values(self, pairings: list[tuple[object, str]], docs: dict[tuple[int, int], object]) -> None:
        from pairaid.indicators.models import DataValue, subject_key
        from pairaid.sources.models import Evidence

        rng = self.rng
        root_of = {}
        for p, _level in pairings:
            root_of[p.pk] = root_of.get(p.parent_id, p.pk) if p.parent_id else p.pk
        next_span: dict[tuple[int, int], int] = {}
        used_area_years: set[tuple[int, int]] = set()
        area_values: dict[tuple[int, str], Decimal] = {}
        batch: list[DataValue] = []
        extracted: list[tuple[DataValue, Evidence]] = []

        def flush() -> None:
            if extracted:
                _insert(Evidence, [e for _, e in extracted])
                for value, evidence in extracted:
                    value.evidence_id = evidence.pk
                    batch.append(value)
                extracted.clear()
            _insert(DataValue, batch)
            self.counts["data_values"] += len(batch)
            batch.clear()

        for p, level in pairings:
            key = subject_key(pairing_id=p.pk, area_id=None, activity_id=None, organisation_id=None)
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                start, end = date(year, 1, 1), date(year, 12, 31)
                figures = {}
                for code in PAIRING_INDICATORS:
                    item = self.indicators[code]
                    if item.unit == "CNY":
                        figures[code] = _amount(rng, MONEY_SCALE[level])
                    else:
                        figures[code] = _count(rng, item.unit, level)
                # the channels are parts of the aid funds, as in the reports
                aid = figures["aid_funds"]
                figures["grant_funds"] = (aid * Decimal("0.05")).quantize(Decimal(1))
                figures["government_aid_funds"] = (aid * Decimal(rng.randrange(50, 90)) / 100).quantize(Decimal(1))
                figures["social_donations"] = (aid * Decimal(rng.randrange(0, 10)) / 100).quantize(Decimal(1))
                if rng.random() < 0.02:  # now and then a figure that does not add up, for the checks to find
                    figures["social_donations"] = (aid * Decimal("1.2")).quantize(Decimal(1))
                for code, value in figures.items():
                    item = self.indicators[code]
                    row = DataValue(
                        indicator_id=item.pk,
                        pairing_id=p.pk,
                        subject_key=key,
                        period_kind="year",
                        period_start=start,
                        period_end=end,
                        value=value,
                        unit=item.unit,
                        status="accepted" if rng.random() < 0.5 else "entered",
                    )
                    batch.append(row)
                    if rng.random() < EXTRACTED_SHARE:
                        doc = docs[(root_of[p.pk], year)]
                        at = next_span.get((root_of[p.pk], year), 60)
                        next_span[(root_of[p.pk], year)] = at + 17
                        told = DataValue(
                            indicator_id=item.pk,
                            pairing_id=p.pk,
                            subject_key=key,
                            period_kind="year",
                            period_start=start,
                            period_end=end,
                            value=value if rng.random() < 0.9 else value + 1,
                            unit=item.unit,
                            status="extracted",
                        )
                        extracted.append((told, Evidence(document=doc, start=at, end=at + 15)))
                if level == "county" and (p.recipient_area_id, year) not in used_area_years:
                    used_area_years.add((p.recipient_area_id, year))
                    area_key = subject_key(
                        pairing_id=None, area_id=p.recipient_area_id, activity_id=None, organisation_id=None
                    )
                    for code in AREA_INDICATORS:
                        item = self.indicators[code]
                        # growth stated as the reports state it: on last year's stored value, to 0.1%
                        before = area_values.get((p.recipient_area_id, code))
                        if before is None:
                            amount, change = _amount(rng, 5_000_000_000) + 10_000_000, None
                        else:
                            amount = (before * (1 + Decimal(rng.randrange(-50, 300)) / 1000)).quantize(Decimal(10000))
                            change = ((amount - before) / before * 100).quantize(Decimal("0.1"))
                        area_values[(p.recipient_area_id, code)] = amount
                        batch.append(
                            DataValue(
                                indicator_id=item.pk,
                                area_id=p.recipient_area_id,
                                subject_key=area_key,
                                period_kind="year",
                                period_start=start,
                                period_end=end,
                                value=amount,
                                unit=item.unit,
                                change_percent=change,
                                change_base_year=None if change is None else year - 1,
                                status="entered",
                            )
                        )
                if len(batch) + len(extracted) >= BATCH:
                    flush()
        flush()

    def activities(self, pairings: list[tuple[object, str]]) -> None:
        from pairaid.activities.models import Activity, Transaction
        from pairaid.core.codelists import sectors
        from pairaid.indicators.models import DataValue, subject_key

        rng = self.rng
        sector_codes = [s.code for s in sectors()]
        per_year = {"province": 3, "prefecture": 3, "county": 4}
        through = Activity.recipient_areas.through
        pending: list[tuple[Activity, object, int, str]] = []

        def flush() -> None:
            _insert(Activity, [a for a, _, _, _ in pending])
            _insert(through, [through(activity_id=a.pk, area_id=p.recipient_area_id) for a, p, _, _ in pending])
            money, outputs = [], []
            for a, _p, year, level in pending:
                committed = _amount(rng, MONEY_SCALE[level] // 10) + 10000
                paid = (committed * Decimal(rng.randrange(50, 101)) / 100).quantize(Decimal("0.01"))
                finance = rng.choice(("government_aid", "government_aid", "grant", "social_donation"))
                common = {"activity_id": a.pk, "finance_type": finance, "currency": "CNY"}
                money.append(
                    Transaction(transaction_type="commitment", value=committed, value_date=date(year, 3, 31), **common)
                )
                money.append(
                    Transaction(transaction_type="disbursement", value=paid, value_date=date(year, 12, 31), **common)
                )
                if rng.random() < 0.1:
                    money.append(
                        Transaction(
                            activity_id=a.pk,
                            transaction_type="expenditure",
                            finance_type="enterprise_investment",
                            value=_amount(rng, MONEY_SCALE[level]),
                            value_date=date(year, 9, 30),
                        )
                    )
                key = subject_key(pairing_id=None, area_id=None, activity_id=a.pk, organisation_id=None)
                for code in rng.sample(OUTPUT_INDICATORS, rng.choice((1, 1, 2))):
                    item = self.indicators[code]
                    outputs.append(
                        DataValue(
                            indicator_id=item.pk,
                            activity_id=a.pk,
                            subject_key=key,
                            period_kind="year",
                            period_start=date(year, 1, 1),
                            period_end=date(year, 12, 31),
                            value=Decimal(rng.randrange(1, 2000)),
                            unit=item.unit,
                            status="entered",
                        )
                    )
            _insert(Transaction, money)
            _insert(DataValue, outputs)
            self.counts["activities"] += len(pending)
            self.counts["transactions"] += len(money)
            self.counts["data_values"] += len(outputs)
            pending.clear()

        for p, level in pairings:
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                for n in range(rng.choice((per_year[level] - 1, per_year[level], per_year[level] + 1))):
                    sector = rng.choice(sector_codes)
                    title = f"{sector.capitalize()} project {n + 1} of {year}, {self.area_name[p.recipient_area_id]}"
                    activity = Activity(
                        identifier=f"BENCH-{p.pk}-{year}-{n + 1:02d}",
                        title=title,
                        title_zh=f"{year}年援助项目{n + 1}",
                        sector=sector,
                        status=rng.choice((2, 2, 3, 4)),
                        pairing_id=p.pk,
                        start_date=date(year, rng.randrange(1, 7), 1),
                        end_date=date(year, 12, 31) if rng.random() < 0.7 else date(year + 1, 6, 30),
                        is_key_project=rng.random() < 0.1,
                        batch=year - FIRST_YEAR + 1,
                    )
                    pending.append((activity, p, year, level))
                if len(pending) >= BATCH // 4:
                    flush()
        flush()


#: Values stored as they are by every field (no conversion needed on SQLite).
_PLAIN = (type(None), str, int)


def _insert(model: Any, objs: list[Any]) -> None:
    """``model.objects.bulk_create(objs)`` in batches of 5,000; on SQLite one ``executemany`` of the
    rows converted by the fields themselves (``pre_save``, ``get_db_prep_save``, as ``bulk_create`` does),
    which is most of the load's time saved (Django compiles an INSERT of 999 parameters at most, ~40 rows, and
    prepares every value through its compiler). The primary keys are set here from the table's next id, as
    SQLite would give them (the objects need them: evidence and activities are pointed to)."""
    from django.db import connection

    if connection.vendor != "sqlite" or not objs:
        model.objects.bulk_create(objs, batch_size=5000)
        return
    meta = model._meta
    fields = meta.concrete_fields
    table = meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT max(coalesce((SELECT max("{meta.pk.column}") FROM "{table}"), 0),'
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
            [table],
        )
        (last,) = cursor.fetchone()
        for obj in objs:
            if obj.pk is None:
                last += 1
                obj.pk = last
        rows = [
            tuple(
                value if type(value) in _PLAIN else field.get_db_prep_save(value, connection)
                for field in fields
                for value in (field.pre_save(obj, True),)
            )
            for obj in objs
        ]
        columns = ", ".join(f'"{field.column}"' for field in fields)
        marks = ", ".join("%s" for _ in fields)
        cursor.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias


@contextmanager
def _quiet_queries() -> Iterator[None]:
    """Django's log of every query (kept when ``DEBUG``) off while the rows go in: formatting a million rows'
    parameters for a log no one reads is much of a load's time."""
    from django.conf import settings

    debug = settings.DEBUG
    settings.DEBUG = False
    try:
        yield
    finally:
        settings.DEBUG = debug


@contextmanager
def _sqlite_pragmas(connection: Any) -> Iterator[None]:
    """On SQLite, for the load only: a page cache of 1 GB, the rollback journal in memory and no waiting for
    the disk (a bench database interrupted while loading is thrown away); the defaults again after. Not inside
    a caller's transaction (a test's): SQLite changes neither there."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (cache_size,) = cursor.fetchone()
        cursor.execute("PRAGMA synchronous")
        (synchronous,) = cursor.fetchone()
        cursor.execute("PRAGMA journal_mode")
        (journal_mode,) = cursor.fetchone()
        cursor.execute("PRAGMA cache_size = -1000000")
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA journal_mode = MEMORY")
        cursor.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA journal_mode = {journal_mode}")
            cursor.execute(f"PRAGMA synchronous = {int(synchronous)}")
            cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
            cursor.execute("PRAGMA temp_store = DEFAULT")


@contextmanager
def _sqlite_bulk_load(connection: Any) -> Iterator[None]:
    """On SQLite (inside the load's transaction): the indexes and triggers of :data:`BIG_TABLES` dropped for
    the load and made again from their own SQL after it (an index built once over the sorted rows, not
    updated row by row in a dozen B-trees; a unique index made again checks the rows as inserting would).
    The triggers count every row written (migration indicators 0005); the count is moved once instead."""
    if connection.vendor != "sqlite":
        yield
        return
    marks = ", ".join("%s" for _ in BIG_TABLES)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
            f" AND tbl_name IN ({marks}) ORDER BY type, name",
            list(BIG_TABLES),
        )
        kept = cursor.fetchall()
        for kind, name, _sql in kept:
            cursor.execute(f'DROP {kind.upper()} "{name}"')
    yield
    with connection.cursor() as cursor:
        for _kind, _name, sql in kept:
            cursor.execute(sql)
        cursor.execute("UPDATE indicators_figures_changes SET n = n + 1 WHERE id = 1")


def generate(scale: float = 1.0, seed: int = 2009) -> GenerateSummary:
    """Store the synthetic national data in the configured database; returns what was stored.

    Needs Django set up with the areas and indicators loaded (``pairaid init``, or
    :func:`pairaid.cli.setup_commands.initialise`), and a database with no bench
    data yet. All rows go in one transaction; the tables are then analysed (``ANALYZE``).

    Raises:
        SystemExit: bench data is already there, or the codelist is not loaded.
    """
    from django.db import connection, transaction

    from pairaid.registry.models import Pairing

    if Pairing.objects.filter(name__endswith=BENCH_MARK).exists():
        raise SystemExit("this database already holds bench data; use a fresh database")
    started = time.perf_counter()
    with _quiet_queries(), _sqlite_pragmas(connection), transaction.atomic(), _sqlite_bulk_load(connection):
        gen = _Generator(scale=scale, seed=seed)
        pairings = gen.pairings()
        provinces = [p for p, level in pairings if level == "province"]
        docs = gen.documents(provinces)
        gen.values(pairings, docs)
        gen.activities(pairings)
    with connection.cursor() as cursor:
        # fresh statistics, so that the query planners see a million rows, not an empty table
        cursor.execute("ANALYZE")
    return GenerateSummary(
        scale=scale,
        seed=seed,
        pairings=len(pairings),
        activities=gen.counts["activities"],
        transactions=gen.counts["transactions"],
        data_values=gen.counts["data_values"],
        documents=gen.counts["documents"],
        first_year=FIRST_YEAR,
        last_year=LAST_YEAR,
        report_pairing_id=provinces[0].pk,
        seconds=time.perf_counter() - started,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 is national size; 0.01 a quick try")
    parser.add_argument("--seed", type=int, default=2009, help="random seed (same seed, same data)")
    args = parser.parse_args()

    from pairaid.cli.setup_commands import initialise

    initialise(verbose=False)
    from django.conf import settings

    summary = generate(scale=args.scale, seed=args.seed)
    db = settings.DATABASES["default"]
    print(f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}")
    print(
        f"scale {summary.scale}, seed {summary.seed}: {summary.pairings:,} pairings, "
        f"{summary.activities:,} activities, {summary.transactions:,} transactions, "
        f"{summary.data_values:,} data values, {summary.documents:,} documents, "
        f"{summary.first_year}–{summary.last_year}, in {summary.seconds:.1f} s "
        f"(report pairing id {summary.report_pairing_id})"
    )


if __name__ == "__main__":
    main()
