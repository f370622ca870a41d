"""Roll-ups: totals of data values and transactions over the pairing tree, the area tree,
years, sectors and funding channels.

Rules every roll-up keeps (source: USERS.md, the national office's "trustworthy totals"):

* Values are summed only within one unit and one period kind: yuan never with
  counts, persons never with person-times, annual flows never with cumulative totals
  or stocks. Every result row says its ``unit`` and ``period_kind``.
* A total stated for a node wins over the sum of the nodes under it: a province
  pairing's reported aid funds are not added to its city pairings' (they contain
  them); a prefecture's value is not added to its counties'. Where a node states
  nothing, its total is the sum of its children (and of its activities' outputs).
* Only totals are summed (``disaggregation == ""``): disaggregated values are parts
  of a total or of each other and are shown, not added.
* One kind at a time: actuals unless asked for ``kind="planned"`` or ``"target"``;
  a plan's figures are never added to what was done.
* Confirmed values only (accepted, corrected, entered), unless ``include_extracted``;
  then a node's confirmed values win over its extracted ones.
* Indicators whose aggregation is ``none`` (per-capita figures) are never summed:
  asking raises :class:`~pairaid.core.errors.DataError`.

Each roll-up runs one grouped aggregate query and finishes the tree arithmetic in
Python over at most (pairings × areas × units) rows, so it stays fast on a
national database of a million data values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractYear

from pairaid.activities.models import Activity, Transaction
from pairaid.core.errors import DataError
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, DataValueStatus, Indicator
from pairaid.registry.models import Pairing

UnitKind = tuple[str, str]  # (unit, period kind)


@dataclass(frozen=True)
class RollupRow:
    """One total: ``key`` (a pairing or area id, a year, a sector or channel code), its ``label``,
    the ``unit`` and ``period_kind`` it is in, the ``value`` (Decimal) and how many stored
    figures it rests on."""

    key: str
    label: str
    unit: str
    period_kind: str
    value: Decimal
    figures: int


def change_percent(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Change of ``current`` on ``previous`` in percent, to one decimal; None when either is missing or 0."""
    if current is None or previous is None or previous == 0:
        return None
    return ((current / previous - 1) * 100).quantize(Decimal("0.1"))


def _values(
    *,
    indicator: str,
    include_extracted: bool,
    period_kind: str | None,
    pairing_ids: Iterable[int] | None,
    kind: str = DataValueKind.ACTUAL,
) -> QuerySet[DataValue]:
    item = Indicator.objects.filter(code=indicator).first()
    if item is None:
        raise DataError(f"unknown indicator {indicator!r}")
    if item.aggregation == "none":
        raise DataError(f"{indicator} ({item.unit}) is not summed: its aggregation is 'none'")
    statuses = [*CONFIRMED_STATUSES, DataValueStatus.EXTRACTED] if include_extracted else list(CONFIRMED_STATUSES)
    qs = DataValue.objects.filter(indicator=item, disaggregation="", status__in=statuses, kind=kind)
    if period_kind:
        qs = qs.filter(period_kind=period_kind)
    # The owner of an activity output is its activity's pairing: looked up per output row
    # (a subquery on the primary key) rather than by joining the activities, which
    # PostgreSQL would hash whole (100,000 rows) for each of the overview's queries.
    activity_pairing = Subquery(Activity.objects.filter(pk=OuterRef("activity_id")).values("pairing_id")[:1])
    if pairing_ids is not None:
        ids = list(pairing_ids)
        tree_activities = Activity.objects.filter(pairing_id__in=ids).values("pk")
        qs = qs.filter(Q(pairing_id__in=ids) | Q(activity_id__in=tree_activities))
    return qs.annotate(
        owner=Coalesce("pairing_id", activity_pairing, output_field=IntegerField()),
        year=ExtractYear("period_end"),
        confirmed=Case(
            When(status=DataValueStatus.EXTRACTED, then=Value(0)), default=Value(1), output_field=IntegerField()
        ),
    )


def _prefer_confirmed(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Of rows that differ only in ``confirmed``, keep the confirmed one."""
    best: dict[tuple[object, ...], dict[str, object]] = {}
    for row in rows:
        key = tuple(v for k, v in sorted(row.items()) if k not in ("confirmed", "total", "n"))
        if key not in best or int(row["confirmed"]) > int(best[key]["confirmed"]):  # type: ignore[call-overload]
            best[key] = row
    return list(best.values())


def _forest() -> tuple[dict[int, int | None], dict[int, str], dict[int, int | None]]:
    """Parent of each pairing, its label, and its recipient area (one query, thousands of rows)."""
    parent: dict[int, int | None] = {}
    label: dict[int, str] = {}
    recipient: dict[int, int | None] = {}
    for pk, parent_id, name, recipient_area_id in Pairing.objects.values_list(
        "pk", "parent_id", "name", "recipient_area_id"
    ):
        parent[pk], label[pk], recipient[pk] = parent_id, name or f"pairing {pk}", recipient_area_id
    return parent, label, recipient


def _tree_totals(
    stated: dict[int, Decimal], detail: dict[int, Decimal], parent: dict[int | None, int | None] | dict[int, int | None]
) -> dict[int, Decimal]:
    """Total of every node that has data or has descendants with data: stated wins, else detail + children."""
    children: dict[int, list[int]] = defaultdict(list)
    for node, up in parent.items():
        if up is not None:
            children[up].append(node)
    memo: dict[int, Decimal | None] = {}

    def total(node: int) -> Decimal | None:
        if node in memo:
            return memo[node]
        if node in stated:
            memo[node] = stated[node]
            return memo[node]
        below = [t for t in (total(c) for c in children.get(node, ())) if t is not None]
        found = detail.get(node)
        memo[node] = None if found is None and not below else (found or Decimal(0)) + sum(below, Decimal(0))
        return memo[node]

    return {node: value for node in parent if (value := total(node)) is not None}


def rollup_by_pairing(
    *,
    indicator: str,
    year: int,
    root: Pairing | None = None,
    period_kind: str = "year",
    include_extracted: bool = False,
    kind: str = DataValueKind.ACTUAL,
) -> dict[UnitKind, list[RollupRow]]:
    """Totals of ``indicator`` in ``year`` for every pairing of the tree under ``root`` (all trees when None).

    Returns, per (unit, period kind), one row per pairing with data (key: pairing id),
    the top pairings first. ``year`` is the year the period ends in. ``kind`` picks
    actual (the default), planned or target values.
    """
    parent, label, _ = _forest()
    return _rollup_by_pairing(
        parent,
        label,
        indicator=indicator,
        year=year,
        root=root,
        period_kind=period_kind,
        include_extracted=include_extracted,
        kind=kind,
    )


def _rollup_by_pairing(
    parent: dict[int, int | None],
    label: dict[int, str],
    *,
    indicator: str,
    year: int,
    root: Pairing | None,
    period_kind: str,
    include_extracted: bool,
    kind: str = DataValueKind.ACTUAL,
) -> dict[UnitKind, list[RollupRow]]:
    """:func:`rollup_by_pairing` over the pairing forest ``parent``/``label`` of :func:`_forest`."""
    if root is not None:
        keep = _descendants(root.pk, parent)
        parent = {k: (v if k != root.pk else None) for k, v in parent.items() if k in keep}
    qs = _values(
        indicator=indicator,
        include_extracted=include_extracted,
        period_kind=period_kind,
        pairing_ids=list(parent) if root is not None else None,
        kind=kind,
    ).filter(period_end__year=year)
    rows = _prefer_confirmed(
        list(
            qs.values("owner", "unit", "period_kind", "confirmed")
            .annotate(
                pairing_level=Case(
                    When(area__isnull=True, activity__isnull=True, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
            .values("owner", "unit", "period_kind", "confirmed", "pairing_level")
            .annotate(total=Sum("value"), n=Count("id"))
        )
    )
    by_unit: dict[UnitKind, tuple[dict[int, Decimal], dict[int, Decimal], dict[int, int]]] = defaultdict(
        lambda: ({}, {}, defaultdict(int))
    )
    for row in rows:
        if row["owner"] is None:  # a figure of an area or of nobody: in no pairing's tree
            continue
        stated, detail, counts = by_unit[(str(row["unit"]), str(row["period_kind"]))]
        owner = int(row["owner"])  # type: ignore[call-overload]
        target = stated if row["pairing_level"] else detail
        target[owner] = target.get(owner, Decimal(0)) + Decimal(row["total"])  # type: ignore[arg-type]
        counts[owner] += int(row["n"])  # type: ignore[call-overload]
    result: dict[UnitKind, list[RollupRow]] = {}
    depth = {pk: _depth(pk, parent) for pk in parent}
    for (unit, kind), (stated, detail, counts) in by_unit.items():
        totals = _tree_totals(stated, detail, parent)
        below = _subtree_sums(counts, parent)
        result[(unit, kind)] = [
            RollupRow(str(pk), label[pk], unit, kind, value, below.get(pk, 0))
            for pk, value in sorted(totals.items(), key=lambda item: (depth[item[0]], label[item[0]]))
        ]
    return result


def _descendants(root: int, parent: dict[int, int | None]) -> set[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for node, up in parent.items():
        if up is not None:
            children[up].append(node)
    found, frontier = {root}, [root]
    while frontier:
        frontier = [c for node in frontier for c in children.get(node, ())]
        found.update(frontier)
    return found


def _depth(node: int, parent: dict[int, int | None]) -> int:
    depth = 0
    while (up := parent.get(node)) is not None and depth < 16:
        node, depth = up, depth + 1
    return depth


def _subtree_sums(counts: dict[int, int], parent: dict[int, int | None]) -> dict[int, int]:
    """For every node, the sum of ``counts`` over it and its descendants (one walk up per counted node)."""
    sums: dict[int, int] = defaultdict(int)
    for node, n in counts.items():
        current: int | None = node
        hops = 0
        while current is not None and hops < 16:
            sums[current] += n
            current, hops = parent.get(current), hops + 1
    return sums


def rollup_roots(
    *, indicator: str, year: int, period_kind: str = "year", include_extracted: bool = False
) -> dict[UnitKind, Decimal]:
    """The national total of ``indicator`` in ``year``: the sum of the top pairings' totals, per unit."""
    totals: dict[UnitKind, Decimal] = {}
    parent, label, _ = _forest()
    for key, rows in _rollup_by_pairing(
        parent,
        label,
        indicator=indicator,
        year=year,
        root=None,
        period_kind=period_kind,
        include_extracted=include_extracted,
    ).items():
        totals[key] = sum((r.value for r in rows if parent.get(int(r.key)) is None), Decimal(0))
    return totals


def rollup_by_year(
    *,
    indicator: str,
    years: Iterable[int],
    root: Pairing | None = None,
    include_extracted: bool = False,
) -> dict[str, list[RollupRow]]:
    """Annual totals of ``indicator`` for each of ``years`` (key: the year), per unit.

    With ``root``, the total of that pairing's tree; else the national total.
    """
    series: dict[str, list[RollupRow]] = defaultdict(list)
    for year in sorted(years):
        if root is None:
            for (unit, kind), value in rollup_roots(
                indicator=indicator, year=year, include_extracted=include_extracted
            ).items():
                series[unit].append(RollupRow(str(year), str(year), unit, kind, value, 0))
            continue
        for (unit, kind), rows in rollup_by_pairing(
            indicator=indicator, year=year, root=root, include_extracted=include_extracted
        ).items():
            top = next((r for r in rows if r.key == str(root.pk)), None)
            if top is not None:
                series[unit].append(RollupRow(str(year), str(year), unit, kind, top.value, top.figures))
    return dict(series)


def rollup_by_area(
    *,
    indicator: str,
    year: int,
    level: str = "province",
    period_kind: str = "year",
    include_extracted: bool = False,
    language: str = "en",
    kind: str = DataValueKind.ACTUAL,
) -> dict[UnitKind, list[RollupRow]]:
    """Totals of ``indicator`` in ``year`` for the areas of ``level`` (province, prefecture, county).

    ``kind`` picks actual (the default), planned or target values.

    A value counts at its area, or at its pairing's recipient area when it names none.
    Within one pairing tree, the value of the higher pairing wins at an area, and an
    area's stated value wins over the sum of the areas under it; the trees of
    different donors are then added.
    """
    parent, _, recipient = _forest()
    roots = {pk: _root(pk, parent) for pk in parent}
    depth = {pk: _depth(pk, parent) for pk in parent}
    qs = _values(
        indicator=indicator, include_extracted=include_extracted, period_kind=period_kind, pairing_ids=None, kind=kind
    ).filter(period_end__year=year)
    rows = _prefer_confirmed(
        list(
            qs.values("owner", "area_id", "unit", "period_kind", "confirmed").annotate(
                total=Sum("value"), n=Count("id")
            )
        )
    )
    # per (unit, kind, tree root): area -> (depth of the pairing that states it, value)
    stated: dict[tuple[str, str, int | None], dict[int, tuple[int, Decimal]]] = defaultdict(dict)
    for row in rows:
        owner = row["owner"]
        area_id = row["area_id"] or (recipient.get(owner) if owner is not None else None)  # type: ignore[call-overload]
        if area_id is None:
            continue
        root = roots.get(owner) if owner is not None else None  # type: ignore[call-overload]
        d = depth.get(owner, 0) if owner is not None else 0  # type: ignore[call-overload]
        bucket = stated[(str(row["unit"]), str(row["period_kind"]), root)]
        value = Decimal(row["total"])  # type: ignore[arg-type]
        held = bucket.get(int(area_id))  # type: ignore[call-overload]
        if held is None or d < held[0]:
            bucket[int(area_id)] = (d, value)  # type: ignore[call-overload]
        elif d == held[0]:
            bucket[int(area_id)] = (d, held[1] + value)  # type: ignore[call-overload]
    areas = {
        pk: (up, code, lvl, zh, en or pinyin)
        for pk, up, code, lvl, zh, en, pinyin in Area.objects.values_list(
            "pk", "parent_id", "code", "level", "name_zh", "name_en", "name_pinyin"
        )
    }
    area_parent = {pk: a[0] for pk, a in areas.items()}
    result: dict[UnitKind, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for (unit, kind, _root_id), bucket in stated.items():
        totals = _tree_totals({a: v for a, (_, v) in bucket.items()}, {}, _closure(bucket, area_parent))
        for area_id, value in totals.items():
            if areas[area_id][2] == level:
                result[(unit, kind)][area_id] += value
    zh = language.lower().startswith("zh")
    return {
        key: [
            RollupRow(areas[a][1], areas[a][3] if zh else areas[a][4], key[0], key[1], v, 0)
            for a, v in sorted(values.items(), key=lambda item: areas[item[0]][1])
        ]
        for key, values in result.items()
    }


def _root(node: int, parent: dict[int, int | None]) -> int:
    while (up := parent.get(node)) is not None:
        node = up
    return node


def _closure(nodes: Iterable[int], parent: dict[int, int | None]) -> dict[int, int | None]:
    """``nodes`` and their ancestors, each with its parent."""
    found: dict[int, int | None] = {}
    for node in nodes:
        current: int | None = node
        while current is not None and current not in found:
            found[current] = parent.get(current)
            current = found[current]
    return found


def _transactions(*, year: int, root: Pairing | None, transaction_types: Iterable[str] | None) -> QuerySet[Transaction]:
    qs = Transaction.objects.filter(value_date__year=year)
    if transaction_types is not None:
        qs = qs.filter(transaction_type__in=list(transaction_types))
    if root is not None:
        parent, _, _ = _forest()
        ids = list(_descendants(root.pk, parent))
        qs = qs.filter(Q(pairing_id__in=ids) | Q(activity__pairing_id__in=ids))
    return qs


def rollup_by_sector(
    *,
    year: int,
    root: Pairing | None = None,
    transaction_types: Iterable[str] | None = ("disbursement", "expenditure"),
    finance_types: Iterable[str] | None = None,
    language: str = "en",
) -> list[RollupRow]:
    """Money of activities in ``year`` by sector (yuan), largest first; transactions of a pairing
    with no activity count under ``unassigned``. Commitments are left out by default (they
    are promises, not money moved)."""
    from pairaid.core.codelists import sectors

    names = {s.code: (s.name_zh if language.lower().startswith("zh") else s.name_en) for s in sectors()}
    qs = _transactions(year=year, root=root, transaction_types=transaction_types)
    if finance_types is not None:
        qs = qs.filter(finance_type__in=list(finance_types))
    rows = qs.values(sector=Coalesce(F("activity__sector"), Value("unassigned"))).annotate(
        total=Sum("value"), n=Count("id")
    )
    out = [RollupRow(r["sector"], names.get(r["sector"], r["sector"]), "CNY", "year", r["total"], r["n"]) for r in rows]
    return sorted(out, key=lambda r: (-r.value, r.key))


_CHANNELS_ZH = {
    "grant": "无偿援助",
    "government_aid": "财政援助",
    "social_donation": "社会捐赠",
    "enterprise_investment": "企业投资",
    "loan": "贷款",
    "contract": "签约",
}
_TYPES_ZH = {"incoming_funds": "到位资金", "commitment": "承诺", "disbursement": "拨付", "expenditure": "支出"}


def rollup_by_channel(
    *,
    year: int,
    root: Pairing | None = None,
    transaction_types: Iterable[str] | None = ("disbursement", "expenditure", "commitment"),
    language: str = "en",
) -> list[RollupRow]:
    """Money in ``year`` by funding channel (the transactions' finance type), per transaction type:
    key ``"<finance_type>"``, label ``"<finance type> (<transaction type>)"``, largest first."""
    from pairaid.activities.models import FinanceType, TransactionType

    qs = _transactions(year=year, root=root, transaction_types=transaction_types)
    rows = qs.values("finance_type", "transaction_type").annotate(total=Sum("value"), n=Count("id"))
    zh = language.lower().startswith("zh")
    out = [
        RollupRow(
            r["finance_type"],
            f"{_CHANNELS_ZH.get(r['finance_type'], r['finance_type'])}（{_TYPES_ZH.get(r['transaction_type'], '')}）"
            if zh
            else f"{FinanceType(r['finance_type']).label} ({TransactionType(r['transaction_type']).label.lower()})",
            "CNY",
            "year",
            r["total"],
            r["n"],
        )
        for r in rows
    ]
    return sorted(out, key=lambda r: (-r.value, r.key))
