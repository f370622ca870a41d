"""Split a report's text into plain runs and marked spans for the document page.

The template escapes every run, so the text of a report is always shown as
text (a ``<script>`` in a report is displayed, never run).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of the text: ``start``/``end`` are code-point offsets; ``marked`` for a mention's span."""

    text: str
    start: int
    end: int
    marked: bool
    status: str = ""

    @property
    def anchor(self) -> str:
        return f"span-{self.start}-{self.end}"


def text_segments(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """Cut ``text`` at the ``(start, end, status)`` spans (end exclusive).

    Spans outside the text are dropped; a span overlapping an earlier one is
    dropped too (the earlier, then longer, one is kept), so marks never nest.
    """
    ordered = sorted(
        {(s, e, st) for s, e, st in spans if 0 <= s < e <= len(text)}, key=lambda t: (t[0], -t[1], t[2] == "")
    )
    segments: list[Segment] = []
    cursor = 0
    for start, end, status in ordered:
        if start < cursor:
            continue
        if start > cursor:
            segments.append(Segment(text[cursor:start], cursor, start, False))
        segments.append(Segment(text[start:end], start, end, True, status))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:], cursor, len(text), False))
    return segments
