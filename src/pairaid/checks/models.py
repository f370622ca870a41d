"""Finding: a problem the checks found among data values (see :mod:`pairaid.core.checks`).

Findings are derived data: :func:`pairaid.checks.services.findings_refresh`
deletes and rebuilds them for a pairing and year. ``values`` is a list of
``[label, decimal string]`` pairs ("whole", "sum of parts"…).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing
from pairaid.sources.models import Evidence


class Severity(models.TextChoices):
    ERROR = "error", _("Error")
    WARNING = "warning", _("Warning")
    INFO = "info", _("Info")


class Finding(models.Model):
    """A problem the checks found: a total that does not add up, a figure told two ways."""

    rule = models.CharField(_("rule"), max_length=40, db_index=True)
    severity = models.CharField(_("severity"), max_length=8, choices=Severity.choices, db_index=True)
    message = models.TextField(_("message"))
    values = models.JSONField(_("values"), default=list, blank=True)
    data_values = models.ManyToManyField(DataValue, blank=True, related_name="findings")
    evidence = models.ForeignKey(Evidence, models.SET_NULL, null=True, blank=True, related_name="findings")
    pairing = models.ForeignKey(Pairing, models.CASCADE, null=True, blank=True, related_name="findings")
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    includes_extracted = models.BooleanField(_("among extracted values"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("year", "severity", "rule", "pk")

    def __str__(self) -> str:
        return f"{self.severity} {self.rule}: {self.message[:60]}"
