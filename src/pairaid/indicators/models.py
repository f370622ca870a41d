"""Indicator (the codelist) and DataValue (one figure).

A data value is indicator × subject (pairing, area, activity or organisation) ×
period × disaggregation, with a ``Decimal`` value in the indicator's unit, a
qualifier (exact, more than, nearly, about…), an optional stated change rate and
a status that says where it came from (extracted from a report, accepted or
corrected by a reviewer, rejected, or entered by hand). Periods: ``year`` (a flow
for that calendar year), ``cumulative`` (a sum between two years) and ``as_of``
(a stock at a date). A kind says what the figure is: an ``actual`` (what was
done or paid), a ``planned`` value (what a plan promises) or a ``target`` (what
an assessment or programme aims at); totals sum actuals only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pairaid.activities.models import Activity
from pairaid.geo.models import Area
from pairaid.registry.models import Organisation, Pairing
from pairaid.sources.models import Evidence


class Indicator(models.Model):
    """An indicator of the codelist (``pairaid/core/data/indicators.csv``)."""

    code = models.CharField(_("code"), max_length=64, unique=True)
    group = models.CharField(_("group"), max_length=32)
    name_en = models.CharField(_("English name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=32)
    value_type = models.CharField(_("value type"), max_length=16)
    default_kind = models.CharField(_("flow or stock"), max_length=8)
    aggregation = models.CharField(_("aggregation"), max_length=8)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    def display_name(self, language: str = "en") -> str:
        """The indicator's name in ``language`` (``zh-hans`` gives Chinese)."""
        return self.name_zh if language.lower().startswith("zh") else self.name_en


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Year")
    CUMULATIVE = "cumulative", _("Cumulative")
    AS_OF = "as_of", _("As of")


class Qualifier(models.TextChoices):
    EXACT = "exact", _("exact")
    MORE_THAN = "more_than", _("more than")
    NEARLY = "nearly", _("nearly")
    ABOUT = "about", _("about")
    LESS_THAN = "less_than", _("less than")
    UP_TO = "up_to", _("up to")


class DataValueStatus(models.TextChoices):
    EXTRACTED = "extracted", _("Extracted")
    ACCEPTED = "accepted", _("Accepted")
    CORRECTED = "corrected", _("Corrected")
    REJECTED = "rejected", _("Rejected")
    ENTERED = "entered", _("Entered")


class DataValueKind(models.TextChoices):
    ACTUAL = "actual", _("Actual")
    PLANNED = "planned", _("Planned")
    TARGET = "target", _("Target")


#: Statuses whose values count in totals and reports by default.
CONFIRMED_STATUSES = (DataValueStatus.ACCEPTED, DataValueStatus.CORRECTED, DataValueStatus.ENTERED)


class DataValue(models.Model):
    """One figure: indicator × subject × period × disaggregation.

    ``subject_key`` ("pairing:12", "area:653122", "activity:7", "organisation:3", or
    "" when no subject could be resolved) makes the subject part of the unique key
    without nullable columns; services set it. ``period_start``/``period_end`` are
    the first and last day covered (for ``as_of`` both are the date of the stock).
    ``original_value`` keeps what a report said when a reviewer corrects it.
    """

    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="data_values", verbose_name=_("indicator"))
    pairing = models.ForeignKey(
        Pairing, models.CASCADE, null=True, blank=True, related_name="data_values", verbose_name=_("pairing")
    )
    area = models.ForeignKey(
        Area, models.PROTECT, null=True, blank=True, related_name="data_values", verbose_name=_("area")
    )
    activity = models.ForeignKey(Activity, models.CASCADE, null=True, blank=True, related_name="data_values")
    organisation = models.ForeignKey(Organisation, models.CASCADE, null=True, blank=True, related_name="data_values")
    subject_key = models.CharField(max_length=120, blank=True, db_index=True)
    period_kind = models.CharField(_("period kind"), max_length=12, choices=PeriodKind.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    disaggregation = models.CharField(_("disaggregation"), max_length=100, blank=True, default="")
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=4)
    value_high = models.DecimalField(_("upper value"), max_digits=24, decimal_places=4, null=True, blank=True)
    original_value = models.DecimalField(
        _("value as extracted"), max_digits=24, decimal_places=4, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=32)
    qualifier = models.CharField(_("qualifier"), max_length=12, choices=Qualifier.choices, default=Qualifier.EXACT)
    change_percent = models.DecimalField(_("change (%)"), max_digits=12, decimal_places=4, null=True, blank=True)
    change_base_year = models.PositiveSmallIntegerField(_("change base year"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=DataValueStatus.choices, db_index=True)
    kind = models.CharField(
        _("kind"), max_length=8, choices=DataValueKind.choices, default=DataValueKind.ACTUAL, db_index=True
    )
    evidence = models.ForeignKey(Evidence, models.SET_NULL, null=True, blank=True, related_name="data_values")
    part_of = models.ForeignKey("self", models.SET_NULL, null=True, blank=True, related_name="parts")
    donor_label = models.CharField(_("donor as written"), max_length=200, blank=True)
    recipient_label = models.CharField(_("recipient as written"), max_length=200, blank=True)
    #: how sure the reading of an extracted figure is (0-1: how far it leads the next best reading)
    certainty = models.DecimalField(_("certainty"), max_digits=4, decimal_places=3, null=True, blank=True)
    #: the id of the rule that bound an extracted figure to its indicator (``core/extract`` rules)
    rule = models.CharField(_("rule"), max_length=64, blank=True, db_index=True)
    #: what review changed of an extracted figure, as the report gave it (``{"indicator": "jobs", ...}``)
    as_read = models.JSONField(_("as read from the report"), default=dict, blank=True)
    #: the confirmed figure an extracted one repeats, when review closed it as a copy
    same_as = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="copies", verbose_name=_("same as")
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_start", "pk"]
        indexes = [
            models.Index(fields=["indicator", "period_start", "period_end"]),
            models.Index(fields=["pairing", "period_start"]),
            models.Index(fields=["area", "period_start"]),
            # lists of one year's figures (by the end of their period) count and page from this index alone
            models.Index(fields=["period_end", "status"], name="datavalue_end_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(period_start__lte=F("period_end")), name="datavalue_period_ordered"),
            models.CheckConstraint(condition=Q(value__gte=0), name="datavalue_value_not_negative"),
            models.CheckConstraint(
                condition=Q(value_high__isnull=True) | Q(value_high__gte=F("value")),
                name="datavalue_range_ordered",
            ),
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "subject_key",
                    "period_kind",
                    "period_start",
                    "period_end",
                    "disaggregation",
                    "kind",
                    "status",
                ],
                condition=Q(status__in=["accepted", "corrected", "entered"]),
                name="datavalue_one_confirmed_per_key",
            ),
        ]

    def __str__(self) -> str:
        year = f" {self.period_start:%Y}" if self.period_start else ""
        return f"{self.indicator.code} {self.value} {self.unit} ({self.period_kind}{year})"

    def save(self, *args: object, **kwargs: object) -> None:
        self.subject_key = subject_key(
            pairing_id=self.pairing_id,
            area_id=self.area_id,
            activity_id=self.activity_id,
            organisation_id=self.organisation_id,
        )
        super().save(*args, **kwargs)  # type: ignore[arg-type]


#: What makes two data values the same figure, but for their status: the indicator, the subject's key, the
#: period, the disaggregation and the kind (one of them may be confirmed: ``datavalue_one_confirmed_per_key``).
DATAVALUE_KEY_FIELDS = (
    "indicator_id",
    "subject_key",
    "period_kind",
    "period_start",
    "period_end",
    "disaggregation",
    "kind",
)


def subject_key(
    *, pairing_id: int | None, area_id: int | None, activity_id: int | None, organisation_id: int | None
) -> str:
    """The key of a data value's subject: the most specific of activity, area, pairing, organisation.

    An area within a pairing ("Shule County" in the Shandong–Kashi pairing) keys on
    both, so that the same indicator can be stored for the pairing and for the area.
    """
    parts = []
    if activity_id is not None:
        parts.append(f"activity:{activity_id}")
    if pairing_id is not None:
        parts.append(f"pairing:{pairing_id}")
    if area_id is not None:
        parts.append(f"area:{area_id}")
    if organisation_id is not None:
        parts.append(f"organisation:{organisation_id}")
    return "|".join(parts)


class CodelistFile(models.Model):
    """A codelist file as last synced into the database: its SHA-256, so that a command syncs the
    indicator table only when the file changed (:func:`pairaid.indicators.services.indicators_sync_if_changed`)."""

    name = models.CharField(_("file"), max_length=64, primary_key=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    synced = models.DateTimeField(_("synced"), auto_now=True)

    def __str__(self) -> str:
        return f"{self.name} {self.sha256[:12]}"
