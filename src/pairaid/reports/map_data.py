"""The map of a year drawn from the roll-ups: aid funds by recipient province and the pairings as arrows."""

from __future__ import annotations

from typing import Any

from pairaid.indicators.rollups import Rollup, rollup_by_area, rollup_read
from pairaid.registry.selectors import top_pairings_placed
from pairaid.reports import charts
from pairaid.reports.labels import labels
from pairaid.reports.maps import Arrow, china_map


def map_chart(
    *, year: int, language: str = "en", include_extracted: bool = False, rollup: Rollup | None = None
) -> charts.Chart:
    """The map of ``year``: aid funds by recipient province, and the top pairings in force that year
    as donor → recipient arrows as wide as their aid funds (``rollup``: statements already read)."""
    return china_map(**map_arguments(year=year, language=language, include_extracted=include_extracted, rollup=rollup))


def map_arguments(
    *, year: int, language: str, include_extracted: bool = False, rollup: Rollup | None = None
) -> dict[str, Any]:
    """What :func:`map_chart` draws (:func:`pairaid.reports.maps.china_map`'s arguments)."""
    lab = labels(language)
    aid = rollup or rollup_read(indicators=["aid_funds"], years=[year], include_extracted=include_extracted)
    # the pairings' figures only, as the totals: a figure no pairing states is listed apart, never added
    by_province = rollup_by_area(indicator="aid_funds", year=year, level="province", rollup=aid)
    values = {r.key[:2]: r.value for r in by_province.get(("CNY", "year"), [])}
    totals = aid.pairing_totals("aid_funds", year).get(("CNY", "year"), {})
    pairings = top_pairings_placed(year=year, most=120)
    arrows = [
        Arrow(
            (float(p.donor_area.longitude), float(p.donor_area.latitude)),  # type: ignore[union-attr, arg-type]
            (float(p.recipient_area.longitude), float(p.recipient_area.latitude)),  # type: ignore[union-attr, arg-type]
            totals[p.pk].value if p.pk in totals else None,
        )
        for p in pairings
    ]
    return {
        "title": lab["map_title"].format(year=year),
        "values": {f"{code}0000": value for code, value in values.items()},
        "arrows": arrows,
        "language": language,
        "legend": lab["map_arrows"],
        "inset": lab["map_inset"],
    }
