"""Dataset, Submission and SubmissionValue (DHIS2's data sets, approval levels and locked periods,
in the programme's terms).

A **dataset** is the set of indicators a pairing reports for a year, configured by
the national office (seeded from ``data/datasets.yaml``); ``levels`` says which
pairing levels report it (empty: all). A **submission** is one pairing's dataset
for one year in one version, on its way: ``open`` (being filled) → ``submitted``
→ approved level by level (``approvals`` counts the levels passed: each pairing
above the submitting one, then the national office) → ``approved`` → ``frozen``.
A frozen submission is never changed again: a correction is a new version (with
its reason) that goes the same way, and the frozen one keeps its figures as they
were in its :class:`SubmissionValue` rows. Every step is a historical record of the
submission (who, when, and the step as the change reason).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pairaid.activities.models import Activity
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue, Indicator
from pairaid.registry.models import Pairing


class Dataset(models.Model):
    """A set of indicators pairings report for a year."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_en = models.CharField(_("English name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    indicators = models.ManyToManyField(
        Indicator, through="DatasetIndicator", related_name="datasets", verbose_name=_("indicators")
    )
    levels = models.JSONField(_("pairing levels"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name_en

    def display_name(self, language: str = "en") -> str:
        """The dataset's name in ``language`` (``zh-hans`` gives Chinese where there is one)."""
        return self.name_zh if language.lower().startswith("zh") and self.name_zh else self.name_en


class DatasetIndicator(models.Model):
    """An indicator of a dataset, at its place in the form."""

    dataset = models.ForeignKey(Dataset, models.CASCADE, related_name="entries")
    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="dataset_entries")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["dataset", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["dataset", "indicator"], name="dataset_indicator_once")]

    def __str__(self) -> str:
        return f"{self.dataset.code}: {self.indicator.code}"


class SubmissionState(models.TextChoices):
    OPEN = "open", _("Open")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    FROZEN = "frozen", _("Frozen")


#: States in which the figures a submission holds refuse changes.
LOCKED_STATES = (SubmissionState.SUBMITTED, SubmissionState.APPROVED, SubmissionState.FROZEN)


class Submission(models.Model):
    """One pairing's dataset for one year, in one version."""

    dataset = models.ForeignKey(Dataset, models.PROTECT, related_name="submissions")
    pairing = models.ForeignKey(Pairing, models.CASCADE, related_name="submissions")
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    state = models.CharField(
        _("state"), max_length=10, choices=SubmissionState.choices, default=SubmissionState.OPEN, db_index=True
    )
    approvals = models.PositiveSmallIntegerField(_("levels approved"), default=0)
    reason = models.TextField(_("reason for the correction"), blank=True)
    corrects = models.OneToOneField(
        "self", models.PROTECT, null=True, blank=True, related_name="correction", verbose_name=_("corrects")
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "pairing", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "pairing", "year", "version"], name="submission_one_version"),
            models.CheckConstraint(
                condition=Q(version=1) | ~Q(reason=""), name="submission_correction_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dataset.code} {self.pairing} {self.year} v{self.version}"

    @property
    def locked(self) -> bool:
        """Whether the figures it holds refuse changes (submitted, approved or frozen)."""
        return self.state in LOCKED_STATES


class SubmissionValue(models.Model):
    """A figure as a submission held it when frozen (kept when the live figure changes later)."""

    submission = models.ForeignKey(Submission, models.CASCADE, related_name="values")
    data_value = models.ForeignKey(DataValue, models.SET_NULL, null=True, blank=True, related_name="+")
    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="+")
    pairing = models.ForeignKey(Pairing, models.SET_NULL, null=True, blank=True, related_name="+")
    area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, related_name="+")
    activity = models.ForeignKey(Activity, models.SET_NULL, null=True, blank=True, related_name="+")
    period_kind = models.CharField(_("period kind"), max_length=12)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    disaggregation = models.CharField(_("disaggregation"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=8)
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=32)
    qualifier = models.CharField(_("qualifier"), max_length=12)
    status = models.CharField(_("status"), max_length=12)

    class Meta:
        ordering = ["submission", "indicator", "period_start", "pk"]

    def __str__(self) -> str:
        return f"{self.submission}: {self.indicator.code} {self.value} {self.unit}"
