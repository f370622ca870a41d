"""Report charts with matplotlib (Agg backend): funds by sector, figures over years, recipients compared.

Each chart is kept as SVG (text drawn as paths, so no font is needed to show it)
for HTML and PDF, and as PNG for DOCX and XLSX. Chinese labels use a CJK font
when one is installed (Debian ``fonts-noto-cjk``).

A chart is a function of its data: drawn once, it is kept in memory and in
``PAIRAID_HOME/cache/charts`` under the hash of everything it depends on, so that
a report whose figures did not change is written without drawing (or importing
matplotlib, which alone takes a second).
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property
from typing import Any, Protocol

CJK_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "Droid Sans Fallback")


class _Row(Protocol):
    label: str
    value: Decimal


class _YearRow(Protocol):
    key: str
    value: Decimal


@dataclass(frozen=True)
class Chart:
    """A chart: its title, SVG text and PNG bytes, each drawn when first asked for (HTML and PDF
    reports read the SVG, DOCX and XLSX the PNG; a map is read as PNG everywhere)."""

    name: str
    title: str
    draw_svg: Callable[[], str] = field(repr=False, compare=False)
    draw_png: Callable[[], bytes] = field(repr=False, compare=False)

    @cached_property
    def svg(self) -> str:
        """The chart as SVG text (text drawn as paths)."""
        return self.draw_svg()

    @cached_property
    def png(self) -> bytes:
        """The chart as PNG bytes."""
        return self.draw_png()

    @property
    def png_data_uri(self) -> str:
        """The PNG as a ``data:`` URI: for a map, whose thousands of border points make a heavy SVG."""
        import base64

        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    @property
    def svg_data_uri(self) -> str:
        """The SVG as a ``data:`` URI for an ``<img>`` (no clash of element ids between charts)."""
        import base64

        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")


@cache
def cjk_font() -> str | None:
    """The first installed CJK font family of :data:`CJK_FONTS`, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _drawn(title: str, draw: Any, fmt: str, size: tuple[float, float]) -> io.BytesIO:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    family = cjk_font()
    style = {"font.family": ["DejaVu Sans", family] if family else ["DejaVu Sans"], "svg.fonttype": "path"}
    with plt.rc_context(style):
        fig, ax = plt.subplots(figsize=size, dpi=110)
        draw(ax)
        ax.spines[["top", "right"]].set_visible(False)
        fig.suptitle(title)  # over the figure, not the axes: long labels on the left do not push it off the edge
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format=fmt)
        plt.close(fig)
    return out


#: Part of every chart's key: raised when how charts are drawn changes, so that no chart drawn by older code is
#: read from ``PAIRAID_HOME/cache/charts`` (2: wrapped labels, the title over the figure; 3: money in 亿元 or
#: billion yuan when large; 4: the map's South China Sea inset; 5: every year of the range on a year axis).
DRAWING = 5
_DRAWN: OrderedDict[tuple[object, ...], Chart] = OrderedDict()
_DRAWN_KEPT = 64


def render_chart(
    name: str, title: str, draw: Any, size: tuple[float, float] = (7, 3.2), data: tuple[object, ...] | None = None
) -> Chart:
    """A chart drawn by ``draw(ax)`` on axes of ``size`` inches, titled ``title``.

    ``data`` is everything the drawing depends on, as a hashable tuple: a chart of the same
    name, title, size and data was drawn the same, so the last :data:`_DRAWN_KEPT` drawn are
    kept and given again (matplotlib takes a tenth of a second to a second per chart).
    """
    key = None if data is None else (DRAWING, name, title, size, data)
    if key is not None and key in _DRAWN:
        _DRAWN.move_to_end(key)
        return _DRAWN[key]
    stored = _stored(key)

    def svg() -> str:
        def draw_svg() -> bytes:
            text = _drawn(title, draw, "svg", size).getvalue().decode("utf-8")
            return text[text.index("<svg") :].encode("utf-8")

        return stored("svg", draw_svg).decode("utf-8")

    chart = Chart(name, title, svg, lambda: stored("png", lambda: _drawn(title, draw, "png", size).getvalue()))
    if key is not None:
        _DRAWN[key] = chart
        while len(_DRAWN) > _DRAWN_KEPT:
            _DRAWN.popitem(last=False)
    return chart


def _stored(key: tuple[object, ...] | None) -> Callable[[str, Callable[[], bytes]], bytes]:
    """A reader of a chart's drawing in one format: from ``PAIRAID_HOME/cache/charts`` when drawn
    before (the file is named by the hash of ``key``), else drawn and written there."""

    def read(fmt: str, draw: Callable[[], bytes]) -> bytes:
        if key is None:
            return draw()
        from django.conf import settings

        digest = hashlib.sha256(repr(key).encode("utf-8")).hexdigest()
        path = settings.HOME / "cache" / "charts" / f"{digest}.{fmt}"
        if path.exists():
            return path.read_bytes()
        data = draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{fmt}.part")
        partial.write_bytes(data)
        partial.replace(path)  # whole or not at all, when two reports draw at once
        return data

    return read


def scaled(values: Sequence[Decimal], language: str) -> tuple[list[float], str]:
    """Values in the unit the report's text writes the largest of them in (:func:`pairaid.reports.labels.money`):
    million or billion yuan in English, 万元 or 亿元 in Chinese (亿元 from 100 million yuan up, as the text
    writes 15.74亿元)."""
    # floats only to draw: the figures themselves stay Decimal
    largest = max((abs(v) for v in values), default=Decimal(0))
    if language.lower().startswith("zh"):
        return (
            ([float(v / Decimal(10) ** 8) for v in values], "亿元")
            if largest >= 10**8
            else ([float(v / Decimal(10) ** 4) for v in values], "万元")
        )
    if largest >= 10**9:
        return [float(v / Decimal(10) ** 9) for v in values], "billion yuan"
    return [float(v / Decimal(10) ** 6) for v in values], "million yuan"


def _label_bars(ax: Any, bars: Any, values: Sequence[float], horizontal: bool) -> None:
    for bar, value in zip(bars, values, strict=True):
        text = f"{value:,.2f}" if value < 10 else f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
        if horizontal:
            ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, " " + text, va="center", fontsize=8)
        else:
            ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), text, ha="center", va="bottom", fontsize=8)


#: Characters of a bar's label per line: a longer one (a pairing's two names in two scripts) is wrapped, so that
#: the bars keep most of the chart's width and nothing is drawn past its edge.
LABEL_WIDTH = 30


def wrapped(label: str, width: int = LABEL_WIDTH) -> str:
    """``label`` in lines of at most ``width`` characters, broken at spaces (a word longer than a line, such as
    a Chinese name, is cut)."""
    import textwrap

    return "\n".join(textwrap.wrap(label, width, break_on_hyphens=False)) or label


def _ranked_chart(name: str, title: str, rows: Sequence[_Row], language: str, colour: str) -> Chart:
    """``rows`` as horizontal bars in ``colour``, the first at the top, each with its value: labels wrapped
    (:func:`wrapped`), the chart as tall as its rows need, room on the right for the longest bar's value."""
    values, unit = scaled([r.value for r in rows], language)
    names = [wrapped(r.label) for r in rows]
    lines = sum(n.count("\n") + 1 for n in names)
    size = (7.0, max(3.2, 1.3 + 0.22 * lines + 0.12 * len(rows)))

    def draw(ax: Any) -> None:
        bars = ax.barh(names[::-1], values[::-1], color=colour)
        _label_bars(ax, bars, values[::-1], horizontal=True)
        ax.set_xlim(0, max([*values, 0.0]) * 1.25 or 1)
        ax.set_xlabel(unit)

    return render_chart(name, title, draw, size=size, data=(unit, tuple((r.label, r.value) for r in rows)))


def year_ticks(years: Sequence[int]) -> list[int]:
    """A year axis's ticks: every year from the first to the last of ``years``, a year with nothing stored a
    gap on the axis (issue 12: the axis went from 2011 to 2014 with no 2012 nor 2013)."""
    return list(range(min(years), max(years) + 1)) if years else []


def report_charts(
    *,
    sectors: Sequence[_Row],
    years: Sequence[_YearRow],
    recipients: Sequence[_Row],
    labels: dict[str, str],
    language: str,
) -> dict[str, Chart]:
    """The charts that have data: ``sectors``, ``years`` (every stored year, on a year axis) and
    ``recipients`` (the pairings compared); values in yuan, drawn in million yuan or 万元, each bar
    with its value."""
    charts: dict[str, Chart] = {}
    if sectors:
        charts["sectors"] = _ranked_chart("sectors", labels["chart_sector"], sectors, language, "#2b6cb0")
    if years:
        year_values, unit = scaled([r.value for r in years], language)

        def draw_years(ax: Any) -> None:
            stamps = [int(r.key) for r in years]
            bars = ax.bar(stamps, year_values, color="#c05621", width=0.6)
            _label_bars(ax, bars, year_values, horizontal=False)
            ticks = year_ticks(stamps)
            ax.set_xticks(ticks, [str(y) for y in ticks], rotation=45 if len(ticks) > 8 else 0)
            ax.set_xlim(min(ticks) - 0.8, max(ticks) + 0.8)
            ax.set_xlabel(labels["year_axis"])
            ax.set_ylabel(unit)

        data = (unit, labels["year_axis"], tuple((r.key, r.value) for r in years))
        charts["years"] = render_chart("years", labels["chart_years"], draw_years, data=data)
    if recipients:
        charts["recipients"] = _ranked_chart("recipients", labels["chart_recipients"], recipients, language, "#2f855a")
    return charts
