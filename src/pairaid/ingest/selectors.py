"""Reads about ingested documents."""

from __future__ import annotations

from dataclasses import dataclass

from pairaid.indicators.models import DataValue, DataValueStatus
from pairaid.sources.models import Evidence, SourceDocument


@dataclass(frozen=True)
class DocumentCounts:
    """What is stored of one document: evidence spans, data values, spans bound to no data value, and data
    values attached to no pairing."""

    evidence: int
    data_values: int
    unbound: int
    unattached: int


def document_find(*, sha256: str) -> SourceDocument | None:
    """The stored document whose text has this SHA-256 (hex), or ``None``."""
    return SourceDocument.objects.filter(sha256=sha256).first()


def document_counts(*, document: SourceDocument) -> DocumentCounts:
    """Counts of the evidence and the extracted data values stored for ``document`` (four queries)."""
    evidence = Evidence.objects.filter(document=document)
    # entered figures that cite the document are not its facts
    facts = DataValue.objects.filter(evidence__document=document).exclude(status=DataValueStatus.ENTERED)
    return DocumentCounts(
        evidence=evidence.count(),
        data_values=facts.count(),
        unbound=evidence.filter(data_values__isnull=True).count(),
        unattached=facts.filter(pairing__isnull=True).count(),
    )


def document_kept_citations(*, document: SourceDocument) -> int:
    """How many rows other than its extracted figures and the checks' findings cite ``document``'s
    evidence: reviewed or entered figures, plans, events (whatever points at an evidence span)."""
    evidence = Evidence.objects.filter(document=document)
    kept = DataValue.objects.filter(evidence__in=evidence).exclude(status=DataValueStatus.EXTRACTED).count()
    for relation in Evidence._meta.get_fields(include_hidden=True):
        model = getattr(relation, "related_model", None)
        if not relation.auto_created or relation.concrete or model in (DataValue, None):
            continue  # not a reverse relation, or the figures counted above
        if relation.name == "findings" or model._meta.model_name.startswith("historical"):
            continue  # the checks find them again; history keeps its rows whatever happens
        kept += model._default_manager.filter(**{f"{relation.field.name}__in": evidence}).count()
    return kept
