"""The channels floor (issue 12): a pairing's all-channels aid funds stated below the sum of the channels it
states beside them, or not stated at all, count that sum. One rule (:func:`channels_floor`), applied to the
statements of each pairing before any total (:func:`floored_rows`, read by
:class:`~pairaid.indicators.rollups.Rollup`), so every total, table, chart and map adds the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from pairaid.indicators.statements import StatementRow

#: The all-channels total and its channels, which never overlap: fiscal money and society's donations
#: (grants are a kind of aid that either channel may give, so they are no channel of their own).
ALL_CHANNELS = "aid_funds"
DISJOINT_CHANNELS = ("government_aid_funds", "social_donations")


def channels_floor(stated: Decimal | None, channels: Iterable[Decimal]) -> Decimal | None:
    """The channels floor (issue 12), the one rule: the sum of ``channels`` (the disjoint channels' values one
    statement-maker gives) when the all-channels total it ``stated`` is below it, or when it stated none
    (None); else None: the total as stated stands. Nothing stated of any channel floors nothing."""
    parts = list(channels)
    if not parts:
        return None
    found = sum(parts, Decimal(0))
    return found if stated is None or found > stated else None


def floored_rows(rows: Iterable[StatementRow]) -> list[StatementRow]:
    """``rows`` with the channels floor (:func:`channels_floor`) applied to each pairing's statements (each
    area's own, for those of no pairing): where it applies, the pairing's all-channels rows give way to its
    channels' rows, said of the all-channels indicator (their values, figures, places and qualifiers). Per kind,
    year, unit, period kind and whether they are outputs of activities. The channels' own rows are kept."""
    groups: dict[tuple[object, ...], tuple[list[StatementRow], list[StatementRow]]] = defaultdict(lambda: ([], []))
    found: list[StatementRow] = []
    for r in rows:
        if r.indicator != ALL_CHANNELS:
            found.append(r)
        if r.indicator == ALL_CHANNELS or r.indicator in DISJOINT_CHANNELS:
            where = r.pairing_id if r.pairing_id is not None else ("area", r.area_id)
            key = (r.kind, r.year, r.unit, r.period_kind, where, r.beside)
            groups[key][0 if r.indicator == ALL_CHANNELS else 1].append(r)
    for stated, channels in groups.values():
        total = sum((r.value for r in stated), Decimal(0)) if stated else None
        if channels_floor(total, (r.value for r in channels)) is None:
            found.extend(stated)
        else:
            found.extend(r._replace(indicator=ALL_CHANNELS, channels=True) for r in channels)
    return found
