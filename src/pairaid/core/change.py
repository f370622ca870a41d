"""Change on last year: one rule for every page, report and check."""

from __future__ import annotations

from decimal import Decimal


def change_percent(
    current: Decimal | None, previous: Decimal | None, *, stated: Decimal | None = None
) -> Decimal | None:
    """Change of ``current`` on ``previous`` in percent, to one decimal.

    A rate the document stated (``stated``, "up 28.2% over 2008") wins: it is what the
    office published, and last year's figure may not be stored. None when there is no
    stated rate and either figure is missing, or last year's is 0.
    """
    if stated is not None:
        return stated.quantize(Decimal("0.1"))
    if current is None or previous is None or previous == 0:
        return None
    return ((current / previous - 1) * 100).quantize(Decimal("0.1"))
