"""Reads of the documents read into pairaid and of the evidence spans in them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from pairaid.core.filters import given_filters
from pairaid.sources.models import Evidence, SourceDocument


def document_get(*, pk: int, with_text: bool = True) -> SourceDocument:
    """The document with this id (raises ``SourceDocument.DoesNotExist``); without ``with_text`` its text
    is read only when asked for."""
    qs = SourceDocument.objects.all() if with_text else SourceDocument.objects.defer("text")
    return qs.get(pk=pk)


def document_list(
    *,
    report_year: int | None = None,
    text: str | None = None,
    pairing_id: int | None = None,
    newest_first: bool = False,
) -> QuerySet[SourceDocument]:
    """Documents without their text, of one report year, whose title or file name contains ``text``, or that
    state a data value of the pairing with ``pairing_id``, in id order (the latest stored first if
    ``newest_first``)."""
    qs = SourceDocument.objects.defer("text").filter(**given_filters(report_year=report_year or None))
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(filename__icontains=text))
    if pairing_id is not None:
        qs = qs.filter(evidence__data_values__pairing_id=pairing_id).distinct()
    return qs.order_by("-created", "-pk") if newest_first else qs.order_by("pk")


def evidence_get(*, pk: int) -> Evidence:
    """The evidence span with this id, its document with it (raises ``Evidence.DoesNotExist``)."""
    return Evidence.objects.prefetch_related("document").get(pk=pk)


def evidence_unbound(*, document: SourceDocument) -> QuerySet[Evidence]:
    """The mentions of ``document`` that no data value cites (a plan sentence, say), in text order."""
    return document.evidence.filter(data_values__isnull=True).order_by("start")  # each knows its document


def evidence_list(*, document_id: int | None = None) -> QuerySet[Evidence]:
    """Evidence spans, of one document or all, with their documents, in id order."""
    return Evidence.objects.prefetch_related("document").filter(**given_filters(document_id=document_id)).order_by("pk")


def document_title_search(*, text: str, limit: int, leaving_out: Iterable[int] = ()) -> list[SourceDocument]:
    """The first ``limit`` documents (id, title, file name and hash only) whose title, file name, donor or
    recipient contains ``text``, but those with an id in ``leaving_out`` (the search page)."""
    named = (
        Q(title__icontains=text)
        | Q(filename__icontains=text)
        | Q(donor_label__icontains=text)
        | Q(recipient_label__icontains=text)
    )
    found = SourceDocument.objects.filter(named).exclude(pk__in=list(leaving_out))
    return list(found.only("pk", "title", "filename", "sha256")[:limit])


def documents_by_id(*, ids: Iterable[int]) -> dict[int, SourceDocument]:
    """The documents with these ids, with their texts, by id (an id no document has is left out)."""
    return SourceDocument.objects.in_bulk(set(ids))


def documents_without_text(*, ids: Iterable[int]) -> list[SourceDocument]:
    """The documents with these ids in id order, their texts read only when asked for."""
    return list(SourceDocument.objects.filter(pk__in=list(ids)).defer("text").order_by("pk"))


def document_evidence(*, document: SourceDocument) -> QuerySet[Evidence]:
    """Every mention (evidence span) of ``document``, in text order."""
    return document.evidence.all()
