"""Criterion: one criterion of the assessment rubric, as the national office set it.

Seeded from ``data/rubric.yaml``; scored by :mod:`pairaid.core.assessment`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Criterion(models.Model):
    """A criterion of the rubric: its weight (points when fully met), rule and the rule's params."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_en = models.CharField(_("English name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    rule = models.CharField(_("rule"), max_length=32)
    weight = models.DecimalField(_("weight"), max_digits=7, decimal_places=2)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]
        constraints = [models.CheckConstraint(condition=Q(weight__gte=0), name="criterion_weight_not_negative")]

    def __str__(self) -> str:
        return self.code

    def display_name(self, language: str = "en") -> str:
        """The criterion's name in ``language`` (``zh-hans`` gives Chinese where there is one)."""
        return self.name_zh if language.lower().startswith("zh") and self.name_zh else self.name_en
