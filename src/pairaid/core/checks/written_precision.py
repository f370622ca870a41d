"""The precision a number is written in: "46.9 million" to one decimal of a million, "4,456" to a unit,
"7580万" to 10,000 (what a figure's tolerance is half of)."""

from __future__ import annotations

import re
from decimal import Decimal

_SCALES: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "million": Decimal(10) ** 6,
    "millioin": Decimal(10) ** 6,  # a misspelling that occurs in the yearbooks
    "mn": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "百": Decimal(100),
    "千": Decimal(1000),
    "万": Decimal(10) ** 4,
    "百万": Decimal(10) ** 6,
    "千万": Decimal(10) ** 7,
    "亿": Decimal(10) ** 8,
    "万亿": Decimal(10) ** 12,
}
_NUMBER = re.compile(
    r"(?P<digits>\d[\d,，]*(?:\.(?P<decimals>\d+))?)\s*(?P<scale>万亿|百万|千万|[百千万亿]|[A-Za-z]+)?",
)


def precision_of(text: str) -> tuple[int, Decimal] | None:
    """``(decimals, scale)`` of the first number written in ``text``, or None when it has no digits.

    "46.9 million Yuan" → ``(1, 1000000)``; "4,456 surgeries" → ``(0, 1)``;
    "7580万" → ``(0, 10000)``. A number in words ("six") has no digits and gives None.
    """
    match = _NUMBER.search(text)
    if match is None:
        return None
    decimals = len(match.group("decimals") or "")
    scale_word = (match.group("scale") or "").lower()
    return decimals, _SCALES.get(scale_word, Decimal(1))
