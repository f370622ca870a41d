"""Roll-ups of money: the transactions of a year by sector and by funding channel.

Money is never added across transaction types that mean different things: a
commitment (a signed contract, a promise) is not money moved, so it is never added to
disbursements and expenditures. By default sectors count money moved
(``disbursement``, ``expenditure``); the channel table keeps one row per funding
channel and transaction type. Labels come from the codelists in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, F, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import translation

from pairaid.activities.models import FinanceType, Transaction, TransactionType
from pairaid.activities.selectors import of_pairings
from pairaid.indicators.rollups import RollupRow
from pairaid.indicators.statements import PairingForest
from pairaid.registry.models import Pairing

#: Transaction types of money that moved (commitments are promises).
MONEY_MOVED = ("disbursement", "expenditure")


def _transactions(*, year: int, root: Pairing | None, transaction_types: Iterable[str] | None) -> QuerySet[Transaction]:
    qs = Transaction.objects.filter(value_date__year=year)
    if transaction_types is not None:
        qs = qs.filter(transaction_type__in=list(transaction_types))
    if root is not None:
        ids = list(PairingForest.load().under(root.pk))
        qs = qs.filter(of_pairings(ids))
    return qs


def rollup_by_sector(
    *,
    year: int,
    root: Pairing | None = None,
    transaction_types: Iterable[str] = MONEY_MOVED,
    finance_types: Iterable[str] | None = None,
    language: str = "en",
) -> list[RollupRow]:
    """Money of activities in ``year`` by sector (yuan), largest first; transactions of a pairing
    with no activity count under ``unassigned``. ``transaction_types`` must not mix commitments
    with money moved.

    Raises:
        ValueError: ``transaction_types`` mixes commitments with disbursements or expenditures.
    """
    from pairaid.core.codelists import sectors

    types = list(transaction_types)
    if "commitment" in types and set(types) & set(MONEY_MOVED):
        raise ValueError("commitments are never added to money moved: ask for one or the other")
    names = {s.code: (s.name_zh if language.lower().startswith("zh") else s.name_en) for s in sectors()}
    qs = _transactions(year=year, root=root, transaction_types=types)
    if finance_types is not None:
        qs = qs.filter(finance_type__in=list(finance_types))
    rows = qs.values(sector=Coalesce(F("activity__sector"), Value("unassigned"))).annotate(
        total=Sum("value"), n=Count("id")
    )
    unassigned = "未归类" if language.lower().startswith("zh") else "Not assigned to an activity"
    out = [RollupRow(r["sector"], names.get(r["sector"], unassigned), "CNY", "year", r["total"], r["n"]) for r in rows]
    return sorted(out, key=lambda r: (-r.value, r.key))


def rollup_by_channel(
    *,
    year: int,
    root: Pairing | None = None,
    transaction_types: Iterable[str] | None = ("disbursement", "expenditure", "commitment"),
    language: str = "en",
) -> list[RollupRow]:
    """Money in ``year`` by funding channel and transaction type: key ``"<finance type>:<transaction
    type>"``, label ``"<finance type> (<transaction type>)"`` in ``language``, largest first.
    Each row is one kind of money: rows are never added to each other here."""
    qs = _transactions(year=year, root=root, transaction_types=transaction_types)
    rows = qs.values("finance_type", "transaction_type").annotate(total=Sum("value"), n=Count("id"))
    out = []
    with translation.override(language):
        for r in rows:
            finance = str(FinanceType(r["finance_type"]).label)
            kind = str(TransactionType(r["transaction_type"]).label)
            label = f"{finance}（{kind}）" if language.lower().startswith("zh") else f"{finance} ({kind.lower()})"
            out.append(
                RollupRow(f"{r['finance_type']}:{r['transaction_type']}", label, "CNY", "year", r["total"], r["n"])
            )
    return sorted(out, key=lambda r: (-r.value, r.key))
