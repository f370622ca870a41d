"""A small factory of figures for the rule tables."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pairaid.core.checks import EvidenceRef, Figure


def fig(id: str, value: str, *, text: str | None = None, **fields: Any) -> Figure:
    """A 2010 ``aid_funds`` figure of pairing A>B in yuan, unless ``fields`` say otherwise."""
    defaults: dict[str, Any] = {
        "indicator": "aid_funds",
        "unit": "CNY",
        "period_kind": "year",
        "start_year": 2010,
        "end_year": 2010,
        "subject": "pairing:a>b",
    }
    defaults.update(fields)
    start = int(id) * 1000 if id.isdigit() else 0
    return Figure(
        id=id,
        value=Decimal(value),
        text=text if text is not None else value,
        evidence=EvidenceRef("doc.txt", start, start + 5),
        **defaults,
    )


def rules_of(findings: tuple[Any, ...]) -> list[str]:
    return [f.rule for f in findings]
