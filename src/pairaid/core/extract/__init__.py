"""Reading reports: text -> sections -> sentences -> mentions -> contexts -> readings -> facts.

The public entry is :func:`read_report`; the steps are pure functions in their
own modules, each consuming the records of the one before (``README.md`` beside
this file), with the rules as data in ``core/data/rules/<lang>/``; the result
serialises to the gold format with :func:`extraction_to_json`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from pairaid.core.extract.model import Extraction, Fact, Mention, Period, Reading, Section, Sentence

if TYPE_CHECKING:
    from pairaid.core.extract.pipeline import read_report
    from pairaid.core.extract.report_year import report_year_from_text
    from pairaid.core.extract.serialise import extraction_to_json

#: Names imported when first used: the pipeline loads spaCy and the rules (seconds), which a module
#: needing only the records (the checks, the ingest) should not pay for.
_LAZY = {"read_report": "pipeline", "report_year_from_text": "report_year", "extraction_to_json": "serialise"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"pairaid.core.extract.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Extraction",
    "Fact",
    "Mention",
    "Period",
    "Reading",
    "Section",
    "Sentence",
    "extraction_to_json",
    "read_report",
    "report_year_from_text",
]
