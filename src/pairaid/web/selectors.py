"""Reads behind the pages: dashboard series, pairing trees, figures with change on last year, search.

Totals count confirmed figures only (accepted, corrected, entered). Headline
series are the yearly figures recorded for pairings at the top of their tree
(no parent pairing), so a province's total is not added to its cities'.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from pairaid.accounts.permissions import visible_datavalues
from pairaid.activities.models import Activity, Transaction
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, Indicator, PeriodKind, subject_key
from pairaid.registry.models import Pairing
from pairaid.registry.pairing_names import pairing_matches
from pairaid.sources.models import SourceDocument

#: The indicators the dashboard leads with.
HEADLINE_CODES = ("aid_funds", "aid_projects", "cadres_seconded", "people_trained")


@dataclass(frozen=True)
class YearTotal:
    year: int
    value: Decimal


@dataclass(frozen=True)
class Headline:
    """One headline indicator: yearly totals (oldest first)."""

    indicator: Indicator
    series: tuple[YearTotal, ...]


@dataclass(frozen=True)
class PairingFigure:
    """A pairing's value of one indicator in one year, and in the year before (``None`` when not known)."""

    pairing: Pairing
    value: Decimal
    previous: Decimal | None

    @property
    def change_percent(self) -> Decimal | None:
        if self.previous in (None, 0):
            return None
        assert self.previous is not None
        return (self.value - self.previous) / self.previous * 100


@dataclass(frozen=True)
class SectorTotal:
    sector: str
    value: Decimal
    activities: int


def _yearly_confirmed() -> QuerySet[DataValue]:
    return DataValue.objects.filter(status__in=CONFIRMED_STATUSES, period_kind=PeriodKind.YEAR)


def dashboard_headlines() -> list[Headline]:
    """Yearly totals of the headline indicators over top-level pairings (no area, activity or disaggregation)."""
    indicators = {i.pk: i for i in Indicator.objects.filter(code__in=HEADLINE_CODES)}
    top = list(Pairing.objects.filter(parent__isnull=True).values_list("pk", flat=True))
    rows = (
        _yearly_confirmed()
        .filter(indicator_id__in=list(indicators), subject_key__in=_pairing_keys(top), disaggregation="")
        .values_list("indicator_id", "period_start__year")
        .annotate(total=Sum("value"))
        .order_by()
    )
    series: dict[int, list[YearTotal]] = {pk: [] for pk in indicators}
    for indicator_id, year, total in rows:
        series[indicator_id].append(YearTotal(year, total))
    by_code = {i.code: pk for pk, i in indicators.items()}
    return [
        Headline(indicators[by_code[c]], tuple(sorted(series[by_code[c]], key=lambda t: t.year)))
        for c in HEADLINE_CODES
        if c in by_code
    ]


def _pairing_keys(ids: list[int]) -> list[str]:
    """The subject keys of figures about these pairings themselves (no area, activity or organisation).

    Filtering on the indexed key, rather than on four columns being empty, keeps
    every database on the index of the key.
    """
    return [subject_key(pairing_id=pk, area_id=None, activity_id=None, organisation_id=None) for pk in ids]


def pairing_figures(*, code: str, year: int, top_level: bool = True, limit: int = 30) -> list[PairingFigure]:
    """Each pairing's confirmed value of indicator ``code`` in ``year`` with last year's, largest first.

    ``top_level`` limits it to pairings at the top of their tree (no parent).
    """
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        return []
    pairings_qs = Pairing.objects.filter(parent__isnull=True) if top_level else Pairing.objects.all()
    keys = _pairing_keys(list(pairings_qs.values_list("pk", flat=True)))
    base = _yearly_confirmed().filter(indicator=indicator, subject_key__in=keys, disaggregation="")
    this_year = dict(base.filter(period_start__year=year).values_list("pairing_id").annotate(v=Sum("value")).order_by())
    top = sorted(this_year.items(), key=lambda kv: kv[1], reverse=True)[:limit]
    ids = [pk for pk, _ in top]
    last_year = dict(
        base.filter(period_start__year=year - 1, subject_key__in=_pairing_keys(ids))
        .values_list("pairing_id")
        .annotate(v=Sum("value"))
        .order_by()
    )
    pairings = _with_sides(Pairing.objects.all()).in_bulk(ids)
    return [PairingFigure(pairings[pk], value, last_year.get(pk)) for pk, value in top if pk in pairings]


def sector_totals(*, year: int) -> list[SectorTotal]:
    """Money of activities by sector in ``year``: sum of their transactions dated that year, largest first."""
    rows = (
        Transaction.objects.filter(value_date__year=year, activity__isnull=False)
        .values_list("activity__sector")
        .annotate(total=Sum("value"), n=Count("activity", distinct=True))
        .order_by("-total")
    )
    return [SectorTotal(sector, total, n) for sector, total, n in rows]


def pairing_tree(*, pairing: Pairing) -> tuple[list[Pairing], list[tuple[Pairing, list[Pairing]]]]:
    """The ancestors of ``pairing`` (top first) and its children, each with its own children."""
    ancestors: list[Pairing] = []
    node = pairing.parent
    while node is not None and len(ancestors) < 10:
        ancestors.insert(0, node)
        node = node.parent
    children = list(_with_sides(Pairing.objects.filter(parent=pairing)))
    grandchildren: dict[int, list[Pairing]] = {}
    for child in _with_sides(Pairing.objects.filter(parent__in=children)):
        grandchildren.setdefault(child.parent_id, []).append(child)  # type: ignore[arg-type]
    return ancestors, [(c, grandchildren.get(c.pk, [])) for c in children]


def _with_sides(qs: QuerySet[Pairing]) -> QuerySet[Pairing]:
    return qs.select_related("donor_area", "recipient_area", "donor_organisation", "recipient_organisation")


def pairing_years(*, user: Any, pairing: Pairing) -> list[int]:
    """Years with figures of ``pairing`` visible to ``user``, newest first."""
    qs = visible_datavalues(user, DataValue.objects.filter(pairing=pairing))
    return sorted(set(qs.values_list("period_start__year", flat=True).distinct()), reverse=True)


@dataclass(frozen=True)
class FigureRow:
    """A figure with the confirmed value of the same key one year earlier."""

    data_value: DataValue
    previous: Decimal | None

    @property
    def change_percent(self) -> Decimal | None:
        if self.previous in (None, 0):
            return None
        assert self.previous is not None
        return (self.data_value.value - self.previous) / self.previous * 100


def figures_with_change(*, user: Any, qs: QuerySet[DataValue], year: int) -> list[FigureRow]:
    """The figures of ``qs`` visible to ``user`` for ``year``, each with last year's confirmed value."""
    rows = list(
        visible_datavalues(user, qs)
        .filter(period_start__year=year)
        .select_related("indicator", "evidence", "area", "activity")
        .order_by("indicator__code", "disaggregation", "pk")[:500]
    )
    keys = {(r.indicator_id, r.subject_key, r.period_kind, r.disaggregation) for r in rows}
    previous: dict[tuple[int, str, str, str], Decimal] = {}
    if keys:
        older = DataValue.objects.filter(
            status__in=CONFIRMED_STATUSES,
            period_start__year=year - 1,
            indicator_id__in={k[0] for k in keys},
            subject_key__in={k[1] for k in keys},
        ).values_list("indicator_id", "subject_key", "period_kind", "disaggregation", "value")
        for ind, key, kind, dis, value in older:
            previous[(ind, key, kind, dis)] = value
    return [FigureRow(r, previous.get((r.indicator_id, r.subject_key, r.period_kind, r.disaggregation))) for r in rows]


def pairing_documents(*, pairing: Pairing) -> QuerySet[SourceDocument]:
    """Documents with evidence for figures of ``pairing``."""
    return SourceDocument.objects.filter(evidence__data_values__pairing=pairing).distinct().defer("text")


def search(*, query: str, limit: int = 20) -> dict[str, list[Any]]:
    """Areas, pairings, activities and documents whose names (English, Chinese, pinyin) or titles contain ``query``.

    Pairings are those ``query`` names as ``--pairing`` does (:func:`pairing_matches`: "Shandong-Kashgar",
    "山东 喀什", "Shandong" for all of Shandong's), else those whose name, key or organisation contains it.
    """
    q = query.strip()
    if not q:
        return {"areas": [], "pairings": [], "activities": [], "documents": []}
    areas = Area.objects.filter(
        Q(name_zh__icontains=q) | Q(name_en__icontains=q) | Q(name_pinyin__icontains=q) | Q(code=q)
    ).select_related("parent")[:limit]
    named = pairing_matches(text=q)
    pairings = named[:limit] or _with_sides(
        Pairing.objects.filter(
            Q(name__icontains=q)
            | Q(key__icontains=q)
            | Q(donor_organisation__name__icontains=q)
            | Q(recipient_organisation__name__icontains=q)
        )
    )[:limit]
    activities = Activity.objects.filter(
        Q(title__icontains=q) | Q(title_zh__icontains=q) | Q(identifier__icontains=q)
    ).select_related("pairing")[:limit]
    documents = SourceDocument.objects.filter(
        Q(title__icontains=q) | Q(filename__icontains=q) | Q(donor_label__icontains=q) | Q(recipient_label__icontains=q)
    ).defer("text")[:limit]
    return {
        "areas": list(areas),
        "pairings": list(pairings),
        "activities": list(activities),
        "documents": list(documents),
    }
