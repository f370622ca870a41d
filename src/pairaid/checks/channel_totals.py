"""A channel's total above the aid funds' total of the same scope and year (rule ``channel_total_exceeds_total``).

The figure-level rule (:func:`pairaid.core.checks.parts.check_channels`) compares the figures one pairing
states. A report shows totals: the roll-ups (:mod:`pairaid.indicators.rollups`) of every pairing's tree and of
the nation. When some pairings state a channel (government aid, grants, social donations) and no aid funds of
their own, the channel's total can pass the aid funds' total, which holds every channel: a part greater than its
whole, which no figure shows alone (2011 of the demo's corpus: 67.03 million yuan of government aid against
650,000 yuan of aid funds). Each scope is judged once: where a pairing's totals rest on the same statements as a
pairing under it, only the lower one; where one pairing states both, the figure-level rule judges.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pairaid.activities.models import Activity
from pairaid.core.tree_sums import Total, join
from pairaid.indicators.rollups import rollup_read
from pairaid.registry.models import Pairing

RULE = "channel_total_exceeds_total"
CHANNELS = ("grant_funds", "government_aid_funds", "social_donations")
_YUAN_YEAR = ("CNY", "year")


@dataclass(frozen=True)
class ChannelTotal:
    """A channel's total above the aid funds' total: the scope (a pairing's tree, None for the nation), year,
    channel, both totals, and the stored figures behind them (rows of the checks' read)."""

    pairing_id: int | None
    year: int
    channel: str
    total: Decimal
    aid_total: Decimal
    members: tuple[Mapping[str, Any], ...]

    @property
    def message(self) -> str:
        """The finding in English as the checks store it (reports write it from its figures and values)."""
        return (
            f"the {self.channel} total {self.total:,f} yuan in {self.year} is more than the aid funds total "
            f"{self.aid_total:,f} yuan of the same scope, which includes every channel"
        )


def channel_totals(
    *, rows: Iterable[Mapping[str, Any]], pairing: Pairing | None, year: int | None, include_extracted: bool
) -> list[ChannelTotal]:
    """The scopes within ``pairing``'s tree (or every pairing's, and the nation, when None) in ``year`` (or every
    year of ``rows``) whose total of a channel is above their total of aid funds. ``rows``: the data values the
    checks read (:func:`pairaid.checks.selectors.datavalues_to_check`), to name the figures of each finding."""
    rows = list(rows)
    years = [year] if year is not None else sorted({r["period_end"].year for r in rows})
    if not years or not any(r["indicator__code"] in CHANNELS for r in rows):
        return []
    rollup = rollup_read(  # the totals as stated: the channels floor would hide what this rule finds
        indicators=["aid_funds", *CHANNELS], years=years, root=pairing, include_extracted=include_extracted, floor=False
    )
    parent = rollup.forest.parent

    def depth(pk: int) -> int:
        d = 0
        while parent.get(pk) is not None and d < 50:
            pk, d = parent[pk], d + 1  # type: ignore[assignment]
        return d

    owner = _activity_owners(rows)
    found: list[ChannelTotal] = []
    for y in years:
        aid = rollup.pairing_totals("aid_funds", y).get(_YUAN_YEAR, {})
        scopes: list[tuple[int | None, Total[int], Total[int], str]] = []
        for code in CHANNELS:
            channel = rollup.pairing_totals(code, y).get(_YUAN_YEAR, {})
            for pk in sorted((pk for pk in channel if pk in aid), key=lambda pk: (-depth(pk), pk)):
                scopes.append((pk, channel[pk], aid[pk], code))
            if pairing is None:  # the nation: the top pairings that state both, compared pairing by pairing
                both = sorted(pk for pk in channel if pk in aid and parent.get(pk) is None)
                nation_channel, nation_aid = join([channel[pk] for pk in both]), join([aid[pk] for pk in both])
                if nation_channel is not None and nation_aid is not None:
                    scopes.append((None, nation_channel, nation_aid, code))
        seen: set[tuple[str, frozenset[int], frozenset[int]]] = set()
        for pk, channel_total, aid_total, code in scopes:
            if channel_total.value <= aid_total.value:
                continue
            stated = (code, _nodes(channel_total), _nodes(aid_total))
            if stated in seen or (len(stated[1]) == 1 and stated[1] == stated[2]):
                continue  # told at a lower scope already; or one pairing states both (check_channels)
            seen.add(stated)
            members = tuple(
                r
                for r in rows
                if r["period_kind"] == "year"
                and r["period_end"].year == y
                and (
                    (r["indicator__code"] == code and _by(r, owner) in stated[1])
                    or (r["indicator__code"] == "aid_funds" and _by(r, owner) in stated[2])
                )
            )
            if members:
                found.append(ChannelTotal(pk, y, code, channel_total.value, aid_total.value, members))
    return found


def _nodes(total: Total[int]) -> frozenset[int]:
    return frozenset(s.node for s in total.kept if not s.of_area)


def _by(row: Mapping[str, Any], owner: Mapping[int, int | None]) -> int | None:
    """The pairing whose statement a figure is part of: its own, or its activity's."""
    return row["pairing_id"] or owner.get(row["activity_id"] or 0)


def _activity_owners(rows: Iterable[Mapping[str, Any]]) -> dict[int, int | None]:
    ids = {r["activity_id"] for r in rows if r["activity_id"] and not r["pairing_id"]}
    return dict(Activity.objects.filter(pk__in=ids).values_list("pk", "pairing_id")) if ids else {}
