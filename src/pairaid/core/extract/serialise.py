"""Step 6: an :class:`~pairaid.core.extract.model.Extraction` as the gold JSON object (gold-format.md).

``{"document": ..., "report_year": ..., "mentions": [...], "facts": [...]}``
with values as decimal strings and offsets as ``str`` indices.  Extra fields
are allowed by the format and kept for review: a mention's ``rule``; a fact's ``rule`` (the id
of the rule that bound it, ``data/rules``), ``rules`` (every rule that made it), ``certainty``
(0-1, how far its reading led the next best) and ``uncertain``.
"""

from __future__ import annotations

from typing import Any

from pairaid.core.extract.model import Extraction, Fact, Mention, Period
from pairaid.core.numbers import format_decimal

__all__ = ["extraction_to_json"]


def _mention(m: Mention) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": m.text,
        "value": format_decimal(m.value),
        "unit": m.unit,
        "qualifier": m.qualifier,
        "start": m.start,
        "end": m.end,
    }
    if m.value_high is not None:
        out["value_high"] = format_decimal(m.value_high)
    if m.noun is not None:
        out["noun"] = m.noun
    out["rule"] = m.rule
    return out


def _period(p: Period) -> dict[str, Any]:
    if p.kind == "cumulative":
        return {"kind": p.kind, "start_year": p.start_year, "end_year": p.end_year}
    return {"kind": p.kind, "year": p.year}


def _fact(f: Fact) -> dict[str, Any]:
    out: dict[str, Any] = {
        "mention": f.mention,
        "indicator": f.indicator,
        "period": _period(f.period),
        "donor": f.donor,
        "recipient": f.recipient,
    }
    if f.part_of is not None:
        out["part_of"] = f.part_of
    if f.change_percent is not None:
        out["change_percent"] = format_decimal(f.change_percent)
        out["change_base_year"] = f.change_base_year
    out["rule"] = f.rule
    out["rules"] = list(f.rules)
    out["certainty"] = f.certainty
    out["uncertain"] = f.uncertain
    return out


def extraction_to_json(extraction: Extraction, *, document: str | None = None) -> dict[str, Any]:
    """The gold-format JSON object for ``extraction`` (``document`` is the file name, when known)."""
    return {
        "document": document,
        "report_year": extraction.report_year,
        "mentions": [_mention(m) for m in extraction.mentions],
        "facts": [_fact(f) for f in extraction.facts],
    }
