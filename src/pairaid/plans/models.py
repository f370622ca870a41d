"""Plan and KeyProjectBatch.

A plan is what a pairing promises for a year, for the whole pairing or for one
recipient county (``area``). Its planned values are data values of kind
``planned`` with the plan's pairing (and area) as subject and a period ending in
the plan's year (:mod:`pairaid.indicators`); so totals, roll-ups and checks read
plans and actuals through one table and never mix them. A key-project batch is a
numbered group of key projects the plan sets (the sixth batch: 19 projects, 11 of
them for livelihoods); activities join a batch through ``Activity.batch``.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pairaid.geo.models import Area
from pairaid.registry.models import Pairing
from pairaid.sources.models import Evidence


class Plan(models.Model):
    """A pairing's plan for one year, for the whole pairing (``area`` empty) or one recipient area."""

    pairing = models.ForeignKey(Pairing, models.CASCADE, related_name="plans")
    year = models.PositiveSmallIntegerField(_("year"))
    area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, related_name="plans")
    title = models.CharField(_("title"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    evidence = models.ForeignKey(Evidence, models.SET_NULL, null=True, blank=True, related_name="plans")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "pairing", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["pairing", "year", "area"], condition=Q(area__isnull=False), name="plan_one_per_area_year"
            ),
            models.UniqueConstraint(
                fields=["pairing", "year"], condition=Q(area__isnull=True), name="plan_one_per_pairing_year"
            ),
        ]

    def __str__(self) -> str:
        where = f", {self.area.display_name()}" if self.area_id else ""
        return f"{self.pairing} {self.year}{where}"


class KeyProjectBatch(models.Model):
    """A numbered batch of key projects a plan sets, with how many of them serve livelihoods."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="batches")
    number = models.PositiveSmallIntegerField(_("batch"))
    projects = models.PositiveIntegerField(_("key projects"))
    livelihood_projects = models.PositiveIntegerField(_("of which for livelihoods"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="batch_one_number_per_plan"),
            models.CheckConstraint(
                condition=Q(livelihood_projects__isnull=True) | Q(livelihood_projects__lte=F("projects")),
                name="batch_livelihood_within_projects",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan}: batch {self.number}"
