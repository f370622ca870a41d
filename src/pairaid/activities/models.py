"""Activity (an aid project, IATI activity) and Transaction (a money movement).

Status codes follow the IATI ActivityStatus codelist; transaction types the IATI
TransactionType codelist (commitment = 2, disbursement = 3, expenditure = 4,
incoming funds = 1). Sectors come from the programme's sector codelist
(``pairaid/core/data/sectors.csv``). Money is a ``Decimal`` in yuan (CNY).
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pairaid.core.codelists import sectors
from pairaid.geo.models import Area
from pairaid.registry.models import Organisation, Pairing

SECTOR_CHOICES = [(s.code, s.name_en) for s in sectors()]


class ActivityStatus(models.IntegerChoices):
    """IATI ActivityStatus codelist."""

    PIPELINE = 1, _("Pipeline / identification")
    IMPLEMENTATION = 2, _("Implementation")
    FINALISATION = 3, _("Finalisation")
    CLOSED = 4, _("Closed")
    CANCELLED = 5, _("Cancelled")
    SUSPENDED = 6, _("Suspended")


class Activity(models.Model):
    """An aid project of a pairing, in one sector, in one or more recipient areas.

    ``batch`` is the numbered batch of projects (or of seconded cadres) the activity
    belongs to, where the programme counts in batches.
    """

    identifier = models.CharField(_("identifier"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=300, db_index=True)
    title_zh = models.CharField(_("Chinese title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=SECTOR_CHOICES, db_index=True)
    status = models.PositiveSmallIntegerField(
        _("status"), choices=ActivityStatus.choices, default=ActivityStatus.IMPLEMENTATION
    )
    pairing = models.ForeignKey(Pairing, models.PROTECT, related_name="activities")
    recipient_areas = models.ManyToManyField(Area, blank=True, related_name="activities")
    implementing_organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="activities"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    is_key_project = models.BooleanField(_("key project"), default=False)
    batch = models.PositiveSmallIntegerField(_("batch"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[recipient_areas])

    class Meta:
        ordering = ["identifier"]
        verbose_name_plural = "activities"
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(start_date__lte=F("end_date")),
                name="activity_start_before_end",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def status_on(self, day: date) -> int:
        """The activity's IATI ActivityStatus on ``day``, from its dates and its stored status (its stage).

        The codelist: 1 pipeline (being scoped or planned), 2 implementation (being implemented),
        3 finalisation (physical activity complete or final disbursement made, open pending financial
        sign-off or M&E), 4 closed (complete), 5 cancelled, 6 suspended. A cancelled or suspended activity
        is so whatever its dates; one whose end date has passed is closed (finalisation when stored so); one
        whose start date is still to come is in the pipeline; one begun and not ended is in implementation
        (finalisation or closed when stored so: its final disbursement came before its planned end). An
        activity with no dates has its stored status (2 unless someone set another)."""
        stored = ActivityStatus(self.status)
        if stored in (ActivityStatus.CANCELLED, ActivityStatus.SUSPENDED):
            return int(stored)
        if self.end_date is not None and self.end_date < day:
            return int(ActivityStatus.FINALISATION if stored == ActivityStatus.FINALISATION else ActivityStatus.CLOSED)
        if self.start_date is not None and self.start_date > day:
            return int(ActivityStatus.PIPELINE)
        if self.start_date is not None or self.end_date is not None:
            done = stored in (ActivityStatus.FINALISATION, ActivityStatus.CLOSED)
            return int(stored if done else ActivityStatus.IMPLEMENTATION)
        return int(stored)

    def current_status(self, day: date | None = None) -> ActivityStatus:
        """The status pages, the API, reports and exports show: :meth:`status_on` ``day`` (today by
        default), as a choice whose label is in the active language. The stored ``status`` is the stage
        someone set; this is what it is on the day, from the dates."""
        return ActivityStatus(self.status_on(day or date.today()))


def status_on_expression(day: date) -> Case:
    """:meth:`Activity.status_on` ``day`` as a database expression, to filter and count by the status
    shown (a test holds the two to the same answers)."""
    dated = Q(start_date__isnull=False) | Q(end_date__isnull=False)
    stage = ActivityStatus
    return Case(
        When(status__in=[stage.CANCELLED, stage.SUSPENDED], then=F("status")),
        When(end_date__lt=day, status=stage.FINALISATION, then=Value(int(stage.FINALISATION))),
        When(end_date__lt=day, then=Value(int(stage.CLOSED))),
        When(start_date__gt=day, then=Value(int(stage.PIPELINE))),
        When(dated & Q(status__in=[stage.FINALISATION, stage.CLOSED]), then=F("status")),
        When(dated, then=Value(int(stage.IMPLEMENTATION))),
        default=F("status"),
        output_field=models.PositiveSmallIntegerField(),
    )


class TransactionType(models.TextChoices):
    """IATI TransactionType codelist (the subset the programme uses)."""

    INCOMING_FUNDS = "incoming_funds", _("Incoming funds")
    COMMITMENT = "commitment", _("Commitment")
    DISBURSEMENT = "disbursement", _("Disbursement")
    EXPENDITURE = "expenditure", _("Expenditure")


IATI_TRANSACTION_TYPE_CODES = {
    TransactionType.INCOMING_FUNDS: "1",
    TransactionType.COMMITMENT: "2",
    TransactionType.DISBURSEMENT: "3",
    TransactionType.EXPENDITURE: "4",
}


class FinanceType(models.TextChoices):
    """How the money is given (the programme's funding channels)."""

    GRANT = "grant", _("Grant (free aid)")
    GOVERNMENT_AID = "government_aid", _("Government (fiscal) aid")
    SOCIAL_DONATION = "social_donation", _("Social donation")
    ENTERPRISE_INVESTMENT = "enterprise_investment", _("Enterprise investment")
    LOAN = "loan", _("Loan")
    CONTRACT = "contract", _("Signed contract")


class Transaction(models.Model):
    """A money movement of an activity or, where no activity is named, of a pairing.

    ``value`` is in yuan (CNY), never negative; exactly one of ``activity`` and
    ``pairing`` is set.
    """

    activity = models.ForeignKey(Activity, models.CASCADE, null=True, blank=True, related_name="transactions")
    pairing = models.ForeignKey(Pairing, models.PROTECT, null=True, blank=True, related_name="transactions")
    transaction_type = models.CharField(_("transaction type"), max_length=16, choices=TransactionType.choices)
    finance_type = models.CharField(_("finance type"), max_length=24, choices=FinanceType.choices)
    provider_area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, related_name="+")
    provider_organisation = models.ForeignKey(Organisation, models.PROTECT, null=True, blank=True, related_name="+")
    receiver_area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, related_name="+")
    receiver_organisation = models.ForeignKey(Organisation, models.PROTECT, null=True, blank=True, related_name="+")
    value = models.DecimalField(_("value (yuan)"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    value_date = models.DateField(_("value date"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["value_date", "pk"]
        indexes = [models.Index(fields=["value_date"], name="transaction_value_date_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="transaction_value_not_negative"),
            models.CheckConstraint(
                condition=(Q(activity__isnull=False) & Q(pairing__isnull=True))
                | (Q(activity__isnull=True) & Q(pairing__isnull=False)),
                name="transaction_of_activity_or_pairing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_transaction_type_display()} {self.value} {self.currency}"
