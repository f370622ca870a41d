"""Ingest a report: its text -> :func:`pairaid.core.extract.read_report` -> documents, evidence, data values.

Steps, in one transaction (a file that fails stores nothing):

1. a document whose text (SHA-256) is stored already ends the run: nothing is
   added and the result says ``already ingested``, with what a report year, donor or
   recipient given otherwise than stored would change; asked to re-read it, its
   figures are read again with those (refused while any of them was reviewed, or
   another figure, plan or event cites its text: that would be lost);
2. the report year is the one given, else the one the text or its file name
   tells (:func:`pairaid.core.extract.report_year.report_year_required`), else
   :class:`InputError`;
3. the text is read into mentions and facts;
4. a :class:`SourceDocument` keeps the text (and its words for full-text search,
   :mod:`pairaid.sources.search`); an :class:`Evidence` keeps each
   mention's span, its sentence and the rule that read it (mentions bound to no
   fact stay as evidence for review);
5. each fact becomes a :class:`DataValue` with status ``extracted``: indicator,
   period, value in the indicator's unit where the units convert (15 mu -> 1 ha),
   qualifier, stated change, the part-of link (kept only between values of one
   unit), the donor and recipient as written and the subject resolved from them:
   the most specific pairing in force that fits, through the registry
   (:mod:`pairaid.ingest.subjects`); the result counts the facts attached to none;
   the rule that bound it and the certainty of its reading (review sorts and
   filters by both).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction

from pairaid.core.documents import Document
from pairaid.core.errors import CodelistError, InputError
from pairaid.core.extract import read_report
from pairaid.core.extract.model import Extraction, Fact, Mention
from pairaid.core.extract.report_year import report_year_required
from pairaid.core.gazetteer_store import default_gazetteer
from pairaid.core.units import convert
from pairaid.indicators.models import DataValue, DataValueStatus, Indicator
from pairaid.indicators.services import DataValueSpec, datavalue_create
from pairaid.indicators.signals import datavalues_changed_send
from pairaid.ingest.selectors import document_counts, document_find, document_kept_citations
from pairaid.ingest.subjects import Subject, SubjectResolver
from pairaid.sources.models import Evidence, SourceDocument
from pairaid.sources.search import document_index

IngestStatus = Literal["new", "already ingested", "read again"]
_FOUR_PLACES = Decimal("0.0001")
_THREE_PLACES = Decimal("0.001")
#: Unit codes that convert into each other (core.units); no other pair is tried.
_CONVERTIBLE = (frozenset({"ha", "mu", "m2"}), frozenset({"km", "m"}), frozenset({"t", "kg"}))


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did.

    ``status`` is ``new``, ``read again`` or ``already ingested`` (then nothing was added,
    the counts are those stored before and ``changes`` says what the report year, donor or
    recipient given would change: ``("report year 2009 -> 2010",)``). ``mentions`` counts the evidence spans,
    ``facts`` the data values, ``unbound`` the mentions bound to no fact,
    ``unattached`` the facts attached to no pairing (no registered pairing fits
    their donor and recipient that year, or several fit equally). ``kept_citations`` counts, for a stored
    report given other options, the reviewed or entered figures, plans and events that cite its text: while
    any does, it cannot be read again.
    """

    document: SourceDocument
    status: IngestStatus
    mentions: int
    facts: int
    unbound: int
    unattached: int = 0
    changes: tuple[str, ...] = ()
    kept_citations: int = 0

    @property
    def document_id(self) -> int:
        """The stored document's id."""
        return self.document.pk


def document_ingest(
    *,
    document: Document,
    address: str = "",
    report_year: int | None = None,
    donor: str | None = None,
    recipient: str | None = None,
    subject_check: Callable[[Subject], None] | None = None,
    subject_allowed: Callable[[Subject], bool] | None = None,
    reread: bool = False,
) -> IngestResult:
    """Store ``document``, its mentions as evidence and its facts as extracted data values.

    ``report_year`` is the year the report covers (the period of figures with no
    period of their own); ``donor`` and ``recipient`` name the report's pairing as
    written ("Shandong", "Xinjiang") when its title does not. Idempotent by the
    SHA-256 of the text: a second call with the same text adds nothing.
    ``subject_check`` is called with the report's subject (resolved from its donor
    and recipient, given or read from the title) before anything is stored; what it
    raises ends the ingest. ``subject_allowed`` (the uploading user's rights) is asked of each fact's own
    subject as it is stored: a fact the reading places on a pairing or area it refuses (a Kashi report that
    speaks of Hetian, uploaded by Kashi's editor) is stored unattached, with the donor and recipient it
    states, for someone with rights to attach in review, never on a pairing the user may not edit.
    ``reread``: a document stored already is read again with the
    report year, donor and recipient given (or stored), its figures replaced.

    Raises:
        InputError: no report year given or found in the text or file name; an address that
            is not a URL; a re-read of a document whose figures were reviewed or are cited.
        CodelistError: a fact with an indicator code that is not in the Indicator table
            (run ``pairaid init``).
        DataError: a fact that breaks a rule of data values (a negative value…).
    """
    existing = document_find(sha256=document.sha256)
    if existing is not None and not reread:
        return _already(existing, changes=_changes(existing, report_year=report_year, donor=donor, recipient=recipient))
    if existing is not None:
        _check_rereadable(existing)
        report_year = report_year or existing.report_year
        donor, recipient = donor or existing.donor_label or None, recipient or existing.recipient_label or None
    _check_address(address)
    year = report_year or report_year_required(document.text, filename=document.filename)
    extraction = read_report(document.text, report_year=year, donor=donor, recipient=recipient)
    donor_label = donor or extraction.donor or ""
    recipient_label = recipient or extraction.recipient or ""
    resolver = SubjectResolver(gazetteer=default_gazetteer(), context=(donor_label, recipient_label))
    if subject_check is not None:
        subject_check(resolver.subject(donor=donor_label, recipient=recipient_label, year=extraction.report_year))
    try:
        with transaction.atomic():
            if existing is not None:
                _forget_datavalues(existing)
            return _store(
                document,
                extraction,
                source=existing,
                address=address,
                donor_label=donor_label,
                recipient_label=recipient_label,
                resolver=resolver,
                subject_allowed=subject_allowed,
            )
    except IntegrityError:
        existing = document_find(sha256=document.sha256)  # stored meanwhile by another ingest of the same text
        if existing is None:
            raise
        return _already(existing)


def _already(document: SourceDocument, *, changes: tuple[str, ...] = ()) -> IngestResult:
    counts = document_counts(document=document)
    return IngestResult(
        document=document,
        status="already ingested",
        mentions=counts.evidence,
        facts=counts.data_values,
        unbound=counts.unbound,
        unattached=counts.unattached,
        changes=changes,
        kept_citations=document_kept_citations(document=document) if changes else 0,
    )


def _changes(
    document: SourceDocument, *, report_year: int | None, donor: str | None, recipient: str | None
) -> tuple[str, ...]:
    """What reading ``document`` again with the given year, donor and recipient would change."""
    changes = []
    if report_year is not None and report_year != document.report_year:
        changes.append(f"report year {document.report_year} -> {report_year}")
    sides = (("donor", donor, document.donor_label), ("recipient", recipient, document.recipient_label))
    for word, given, stored in sides:
        if given and given != stored and not _same_place(given, stored):
            changes.append(f"{word} {repr(stored) if stored else 'none'} -> {given!r}")
    return tuple(changes)


def _same_place(given: str, stored: str) -> bool:
    """Whether two names written differently resolve to the same area (山东 and Shandong)."""
    if not stored:
        return False
    gazetteer = default_gazetteer()
    given_best, stored_best = gazetteer.best(given), gazetteer.best(stored)
    return given_best is not None and stored_best is not None and given_best.area.code == stored_best.area.code


def _check_rereadable(document: SourceDocument) -> None:
    kept = document_kept_citations(document=document)
    if kept:
        raise InputError(
            f"{document.filename}: cannot read it again: {kept} reviewed or entered figures, plans or events"
            " cite its text, and a new reading would lose them"
        )


def _forget_datavalues(document: SourceDocument) -> None:
    """Delete the extracted figures read from ``document`` and its evidence, before it is read again."""
    DataValue.objects.filter(evidence__document=document, status=DataValueStatus.EXTRACTED).delete()
    Evidence.objects.filter(document=document).delete()


def _check_address(address: str) -> None:
    if not address:
        return
    try:
        URLValidator(schemes=["http", "https"])(address)
    except ValidationError:
        raise InputError(f"address {address!r} is not an http(s) URL") from None


def _store(
    document: Document,
    extraction: Extraction,
    *,
    source: SourceDocument | None,
    address: str,
    donor_label: str,
    recipient_label: str,
    resolver: SubjectResolver,
    subject_allowed: Callable[[Subject], bool] | None = None,
) -> IngestResult:
    fields = {
        "title": document.title[:300],
        "filename": document.filename[:255],
        "address": address or (source.address if source is not None else ""),
        "media_type": document.media_type,
        "language": extraction.language,
        "report_year": extraction.report_year,
        "donor_label": donor_label[:200],
        "recipient_label": recipient_label[:200],
        "text": document.text,
    }
    status: IngestStatus = "new" if source is None else "read again"
    if source is None:
        source = SourceDocument.objects.create(sha256=document.sha256, **fields)
    else:
        SourceDocument.objects.filter(pk=source.pk).update(**fields)
        source.refresh_from_db()
    document_index(document=source)
    evidence = _store_evidence(source, extraction)
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    stored: dict[int, DataValue] = {}
    for index, fact in enumerate(extraction.facts):
        mention = extraction.mentions[fact.mention]
        whole = stored.get(fact.part_of) if fact.part_of is not None else None
        stored[index] = _store_fact(
            fact,
            mention,
            indicator=_indicator(indicators, fact.indicator),
            evidence=evidence[(mention.start, mention.end)],
            whole=whole,
            resolver=resolver,
            donor=fact.donor or donor_label,
            recipient=fact.recipient or recipient_label,
            allowed=subject_allowed,
        )
    _link_later_wholes(extraction.facts, stored)
    datavalues_changed_send(stored.values())  # the checks over extracted figures re-run where they landed
    bound = {fact.mention for fact in extraction.facts}
    return IngestResult(
        document=source,
        status=status,
        mentions=len(evidence),
        facts=len(stored),
        unbound=sum(1 for index in range(len(extraction.mentions)) if index not in bound),
        unattached=sum(1 for value in stored.values() if value.pairing_id is None),
    )


def _store_evidence(source: SourceDocument, extraction: Extraction) -> dict[tuple[int, int], Evidence]:
    """One evidence per mention span (two mentions on one span share it)."""
    spans: dict[tuple[int, int], Evidence] = {}
    for mention in extraction.mentions:
        if (mention.start, mention.end) in spans:
            continue
        sentence = extraction.sentences[mention.sentence] if 0 <= mention.sentence < len(extraction.sentences) else None
        spans[(mention.start, mention.end)] = Evidence(
            document=source,
            start=mention.start,
            end=mention.end,
            sentence_start=sentence.start if sentence else None,
            sentence_end=sentence.end if sentence else None,
            rule=mention.rule[:64],
        )
    created = Evidence.objects.bulk_create(spans.values())
    if any(item.pk is None for item in created):  # a backend that returns no ids from bulk inserts
        by_span = {(item.start, item.end): item for item in Evidence.objects.filter(document=source)}
        return by_span
    return spans


def _indicator(indicators: dict[str, Indicator], code: str) -> Indicator:
    try:
        return indicators[code]
    except KeyError:
        raise CodelistError(f"indicator {code!r} is not in the database (run pairaid init)") from None


def _store_fact(
    fact: Fact,
    mention: Mention,
    *,
    indicator: Indicator,
    evidence: Evidence,
    whole: DataValue | None,
    resolver: SubjectResolver,
    donor: str,
    recipient: str,
    allowed: Callable[[Subject], bool] | None = None,
) -> DataValue:
    value, value_high, unit = _in_indicator_unit(mention, indicator)
    period = fact.period
    subject = resolver.subject(donor=donor, recipient=recipient, year=period.end_year or period.year or 0)
    if allowed is not None and (subject.pairing or subject.area) and not allowed(subject):
        subject = Subject()  # outside the uploader's rights: unattached, for review by someone with rights
    return datavalue_create(
        DataValueSpec(
            indicator=indicator,
            value=value,
            value_high=value_high,
            unit=unit,
            period_kind=period.kind,
            year=period.year,
            start_year=period.start_year,
            end_year=period.end_year,
            pairing=subject.pairing,
            area=subject.area,
            qualifier=mention.qualifier,
            change_percent=_four_places(fact.change_percent),
            change_base_year=fact.change_base_year,
            status=DataValueStatus.EXTRACTED,
            evidence=evidence,
            part_of=whole if whole is not None and whole.unit == unit else None,
            donor_label=(fact.donor or "")[:200],
            recipient_label=(fact.recipient or "")[:200],
            rule=fact.rule,
            certainty=Decimal(str(fact.certainty)).quantize(_THREE_PLACES),
        ),
    )


def _link_later_wholes(facts: tuple[Fact, ...], stored: dict[int, DataValue]) -> None:
    """Link parts whose whole comes after them in the text (stored after them)."""
    for index, fact in enumerate(facts):
        if fact.part_of is None or fact.part_of <= index or fact.part_of not in stored:
            continue
        part, whole = stored[index], stored[fact.part_of]
        if part.unit == whole.unit:
            part.part_of = whole
            part.save(update_fields=["part_of", "subject_key"])


def _in_indicator_unit(mention: Mention, indicator: Indicator) -> tuple[Decimal, Decimal | None, str]:
    """The mention's value (and upper value) and unit, converted to the indicator's unit where they convert.

    A ``count`` takes the indicator's counted noun as unit; an amount of money for
    a per-person indicator (``CNY/person``) keeps its value; units that do not
    convert (persons for a person-time indicator) keep the mention's unit, for the
    checks to flag.
    """
    target = indicator.unit
    if mention.unit == target or mention.unit == "count" or target.startswith(mention.unit + "/"):
        return _four_places(mention.value), _four_places(mention.value_high), target
    if any({mention.unit, target} <= dimension for dimension in _CONVERTIBLE):
        high = None if mention.value_high is None else convert(mention.value_high, mention.unit, target)
        return _four_places(convert(mention.value, mention.unit, target)), _four_places(high), target
    return _four_places(mention.value), _four_places(mention.value_high), mention.unit


def _four_places(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    return value.quantize(_FOUR_PLACES, rounding=ROUND_HALF_EVEN)
