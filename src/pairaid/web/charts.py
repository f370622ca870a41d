"""Small server-rendered bar charts: geometry for inline SVG drawn by the templates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarChart:
    """A vertical bar chart ``width`` × ``height`` pixels; bars scaled to the largest value."""

    bars: tuple[Bar, ...]
    width: int
    height: int
    baseline: float


def bar_chart(items: Sequence[tuple[str, Decimal]], *, width: int = 360, height: int = 160) -> BarChart:
    """Lay out ``(label, value)`` pairs as bars, leaving 20 px under the bars for labels."""
    top = max((v for _, v in items), default=Decimal(0)) or Decimal(1)
    plot = height - 20
    slot = width / max(len(items), 1)
    bars = []
    for index, (label, value) in enumerate(items):
        h = float(value / top) * (plot - 14)
        bars.append(Bar(label, value, index * slot + slot * 0.15, plot - h, slot * 0.7, h))
    return BarChart(tuple(bars), width, height, float(plot))
