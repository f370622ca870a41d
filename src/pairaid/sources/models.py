"""SourceDocument and Evidence.

A document is stored once, keyed by the SHA-256 of its text, so ingesting the
same report again adds nothing. Evidence is a span of a document's stored text:
``start`` and ``end`` are Python ``str`` indices (code points), end exclusive.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class SourceDocument(models.Model):
    """A report read into pairaid: its text as stored, and what is known of it."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    address = models.URLField(_("address"), max_length=500, blank=True)
    media_type = models.CharField(_("media type"), max_length=100, default="text/plain")
    language = models.CharField(_("language"), max_length=16, default="en")
    report_year = models.PositiveSmallIntegerField(_("report year"), null=True, blank=True)
    donor_label = models.CharField(_("donor as written"), max_length=200, blank=True)
    recipient_label = models.CharField(_("recipient as written"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title or self.filename or self.sha256[:12]


class Evidence(models.Model):
    """Where a figure came from: a span of a document's text (code points, end exclusive)."""

    document = models.ForeignKey(SourceDocument, models.CASCADE, related_name="evidence")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence_start = models.PositiveIntegerField(null=True, blank=True)
    sentence_end = models.PositiveIntegerField(null=True, blank=True)
    rule = models.CharField(_("rule"), max_length=64, blank=True)

    class Meta:
        ordering = ["document", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="evidence_start_before_end"),
            models.UniqueConstraint(fields=["document", "start", "end"], name="evidence_unique_span"),
        ]

    def __str__(self) -> str:
        return f"{self.document} [{self.start}:{self.end}]"

    @property
    def text(self) -> str:
        """The text of the span."""
        return self.document.text[self.start : self.end]

    @property
    def sentence(self) -> str:
        """The sentence around the span, or the span itself when none is stored."""
        if self.sentence_start is None or self.sentence_end is None:
            return self.text
        return self.document.text[self.sentence_start : self.sentence_end]


class TextChunk(models.Model):
    """A stretch of a document's text as the words full-text search matches (:mod:`pairaid.core.search_words`).

    ``start`` and ``length`` place it in the document's text (code points). The search index
    over ``words`` is the database's own: a GIN index of ``to_tsvector('simple', words)`` on
    PostgreSQL, an FTS5 table kept by triggers on SQLite (migration 0002).
    """

    document = models.ForeignKey(SourceDocument, models.CASCADE, related_name="chunks")
    start = models.PositiveIntegerField()
    length = models.PositiveIntegerField()
    words = models.TextField()

    class Meta:
        ordering = ["document", "start"]

    def __str__(self) -> str:
        return f"{self.document_id} [{self.start}:{self.start + self.length}]"
