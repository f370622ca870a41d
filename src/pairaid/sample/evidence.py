"""The sample's source document: ingest it and link the sample's entered figures to its spans.

The sample YAML names its own source document under ``source.document`` (a file
beside the YAML: for the built-in sample ``shandong_xinjiang_2009_summary.txt``, a
summary of the figures written for pairaid). :func:`sample_document_ingest` reads
it (:func:`pairaid.core.documents.read_document`) and ingests it
(:func:`pairaid.ingest.services.document_ingest`): its figures become data values
with status ``extracted``, each with its evidence span. The ingest is idempotent by
the SHA-256 of the text.

:func:`sample_link_evidence` then gives each entered data value of the sample the
evidence of its *extracted twin*: the extracted data value of that document with
the same indicator, period (kind, first and last day) and value. Where several
twins match, the one with the same subject wins, then the one with the same
disaggregation, then the first in the text. The extracted values stay
``extracted`` (they are the review queue's work); an entered value without a twin
keeps no evidence, and one that already has evidence keeps it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from pairaid.core.documents import read_document
from pairaid.core.errors import InputError
from pairaid.indicators.models import DataValue, DataValueStatus
from pairaid.ingest.services import IngestResult, document_ingest
from pairaid.sample.loader import sample_path, sample_read
from pairaid.sources.models import SourceDocument

TwinKey = tuple[int, str, date, date, Decimal]


@dataclass(frozen=True)
class EvidenceLinks:
    """What :func:`sample_link_evidence` found.

    ``entered`` counts the sample's entered data values, ``linked`` those whose
    evidence is now a span of the document (``newly_linked`` of them set by this
    call), ``extracted`` the document's extracted data values; ``unlinked`` are the
    entered values with no extracted twin, in the order given.
    """

    document: SourceDocument
    entered: int
    linked: int
    newly_linked: int
    extracted: int
    unlinked: tuple[DataValue, ...]


def sample_document_path(*, path: Path | None = None) -> Path | None:
    """The source document the sample file names (``source.document``, beside it), or ``None`` if it names none.

    Raises:
        InputError: an unreadable sample file, or a named document that does not exist.
    """
    path = path or sample_path()
    source = sample_read(path=path).get("source") or {}
    name = source.get("document") if isinstance(source, dict) else None
    if not name:
        return None
    document = path.parent / str(name)
    if not document.is_file():
        raise InputError(f"sample file {path} names a source document {name!r} that does not exist beside it")
    return document


def sample_document_ingest(*, path: Path | None = None) -> IngestResult | None:
    """Ingest the sample's source document (idempotent); ``None`` when the sample file names none.

    The report year is the sample's ``report_year``.

    Raises:
        InputError: an unreadable sample file or document (see :func:`read_document`).
        CodelistError: the indicator codelist is not loaded (``pairaid init``).
    """
    document_path = sample_document_path(path=path)
    if document_path is None:
        return None
    year = int(sample_read(path=path).get("report_year", 2009))
    return document_ingest(document=read_document(document_path), report_year=year)


@transaction.atomic
def sample_link_evidence(*, value_ids: Iterable[int], document: SourceDocument) -> EvidenceLinks:
    """Set the evidence of each entered data value in ``value_ids`` to that of its extracted twin in ``document``.

    Idempotent: a second call links nothing new and returns the same counts.
    Values in ``value_ids`` that are not entered are left alone and not counted.
    """
    twins: dict[TwinKey, list[DataValue]] = defaultdict(list)
    extracted = (
        DataValue.objects.filter(status=DataValueStatus.EXTRACTED, evidence__document=document)
        .select_related("evidence")
        .order_by("evidence__start", "pk")
    )
    for twin in extracted:
        twins[_key(twin)].append(twin)
        # a stock entered as such may have been read as the year's figure (more than 780 enterprises)
        twins[_stock_key(twin)].append(twin)
    ids = list(value_ids)
    entered = DataValue.objects.filter(pk__in=ids, status=DataValueStatus.ENTERED).select_related("evidence")
    by_id = {value.pk: value for value in entered}
    linked = newly = 0
    unlinked = []
    for value in (by_id[pk] for pk in ids if pk in by_id):
        if value.evidence is not None:
            linked += int(value.evidence.document_id == document.pk)
            continue
        twin = _best_twin(value, twins.get(_key(value), [])) or (
            _best_twin(value, twins.get(_stock_key(value), [])) if value.period_kind == "as_of" else None
        )
        if twin is None:
            unlinked.append(value)
            continue
        value.evidence = twin.evidence
        value.save(update_fields=["evidence", "subject_key", "updated"])
        linked += 1
        newly += 1
    return EvidenceLinks(
        document=document,
        entered=len(by_id),
        linked=linked,
        newly_linked=newly,
        extracted=extracted.count(),
        unlinked=tuple(unlinked),
    )


def _key(value: DataValue) -> TwinKey:
    return (value.indicator_id, value.period_kind, value.period_start, value.period_end, value.value.normalize())


def _stock_key(value: DataValue) -> TwinKey:
    """The key of a stock at the end of a year and of that year's figure alike."""
    return (value.indicator_id, "year's end", value.period_end, value.period_end, value.value.normalize())


def _best_twin(value: DataValue, twins: list[DataValue]) -> DataValue | None:
    """The twin with the same subject, then the same disaggregation, then the first in the text."""
    if not twins:
        return None
    return min(
        twins,
        key=lambda twin: (
            twin.subject_key != value.subject_key,
            twin.disaggregation != value.disaggregation,
            twins.index(twin),
        ),
    )
