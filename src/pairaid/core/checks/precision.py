"""The interval a qualified figure stands for.

"46.9 million" is written to one decimal of a million, so its tolerance is
0.05 million; "4,456" is exact to 0.5; "7580万" to half of 10,000. A figure
"about" or "nearly" a value widens by a configured fraction; "more than" has no
upper bound.
"""

from __future__ import annotations

from decimal import Decimal

from pairaid.core.checks.model import INFINITY, CheckConfig, CheckedValue


def interval(checked: CheckedValue, config: CheckConfig) -> tuple[Decimal, Decimal]:
    """The lowest and highest value ``checked`` can stand for, given its precision and qualifier.

    The upper bound is ``Decimal("Infinity")`` for "more than".
    """
    tol = checked.tolerance
    low = checked.value
    high = checked.value_high if checked.value_high is not None else checked.value
    approx = config.approx_fraction
    match checked.qualifier:
        case "more_than":
            return low - tol, INFINITY
        case "less_than" | "up_to":
            return Decimal(0), high + tol
        case "nearly":
            return low * (1 - approx) - tol, high + tol
        case "about":
            return low * (1 - approx) - tol, high * (1 + approx) + tol
        case _:
            return low - tol, high + tol


def sum_interval(checked_values: list[CheckedValue], config: CheckConfig) -> tuple[Decimal, Decimal]:
    """The interval of the sum of ``checked_values`` (sum of lows, sum of highs)."""
    lows, highs = Decimal(0), Decimal(0)
    for checked in checked_values:
        low, high = interval(checked, config)
        lows += low
        highs += high
    return lows, highs


def amount(value: Decimal, unit: str) -> str:
    """A value for a message: yuan in millions or billions, counts with thousands separators."""
    if unit == "CNY":
        if value >= Decimal(10) ** 9:
            return f"{(value / Decimal(10) ** 9).normalize():f} billion yuan"
        if value >= Decimal(10) ** 6:
            return f"{(value / Decimal(10) ** 6).normalize():f} million yuan"
        return f"{value.normalize():,f} yuan"
    shown = f"{value.normalize():,f}"
    return f"{shown} {unit.replace('_', '-')}" if unit not in ("count", "") else shown
