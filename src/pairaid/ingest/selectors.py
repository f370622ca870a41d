"""Reads about ingested documents."""

from __future__ import annotations

from dataclasses import dataclass

from pairaid.indicators.models import DataValue, DataValueStatus
from pairaid.sources.models import Evidence, SourceDocument


@dataclass(frozen=True)
class DocumentCounts:
    """What is stored of one document: evidence spans, data values, and spans bound to no data value."""

    evidence: int
    data_values: int
    unbound: int


def document_find(*, sha256: str) -> SourceDocument | None:
    """The stored document whose text has this SHA-256 (hex), or ``None``."""
    return SourceDocument.objects.filter(sha256=sha256).first()


def document_counts(*, document: SourceDocument) -> DocumentCounts:
    """Counts of the evidence and the extracted data values stored for ``document`` (three queries)."""
    evidence = Evidence.objects.filter(document=document)
    return DocumentCounts(
        evidence=evidence.count(),
        data_values=DataValue.objects.filter(evidence__document=document)
        .exclude(status=DataValueStatus.ENTERED)  # entered figures that cite the document are not its facts
        .count(),
        unbound=evidence.filter(data_values__isnull=True).count(),
    )
