"""Reading reports: text -> sections -> sentences -> mentions -> contexts -> readings -> facts.

The public entry is :func:`read_report`; the steps are pure functions in their
own modules, each consuming the records of the one before (``README.md`` beside
this file), with the rules as data in ``core/data/rules/<lang>/``; the result
serialises to the gold format with :func:`extraction_to_json`.
"""

from __future__ import annotations

from pairaid.core.extract.model import Extraction, Fact, Mention, Period, Reading, Section, Sentence
from pairaid.core.extract.pipeline import read_report, report_year_from_text
from pairaid.core.extract.serialise import extraction_to_json

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
