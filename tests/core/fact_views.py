"""Facts of a reading as short strings, for the tests of reading classes to compare with what a made-up text says."""

from __future__ import annotations

from pairaid.core.extract import Extraction, Period

__all__ = ["facts_by_text", "period_key"]


def period_key(p: Period) -> str:
    """``"year:2012"``, ``"as_of:2012"`` or ``"cumulative:2008-2012"``."""
    return f"cumulative:{p.start_year}-{p.end_year}" if p.kind == "cumulative" else f"{p.kind}:{p.year}"


def facts_by_text(ex: Extraction, text: str) -> dict[str, list[tuple[str, str]]]:
    """``{mention text: [(indicator, period key)]}``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for f in ex.facts:
        m = ex.mentions[f.mention]
        out.setdefault(text[m.start : m.end], []).append((f.indicator, period_key(f.period)))
    return out
