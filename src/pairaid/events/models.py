"""Visit, CadreBatch, TradeFair and FrameworkAgreement: the events and exchanges of a pairing.

Each belongs to a pairing and a year (the year the report counts it in), with the
date it began where known, a title, and the span of a report that tells of it
(``evidence``). A visit may stand for several trips a report gives only together
("more than 30 leaders headed delegations"): ``delegations`` counts the groups (empty
when the report does not say how many) and ``leaders`` the leaders in them, in persons or
person-times as the report counts them (``leaders_unit``), with the qualifier the report gave.
Indicators such as leaders' visits and delegations are computed from them
(:func:`pairaid.events.selectors.event_indicators`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pairaid.geo.models import Area
from pairaid.indicators.models import Qualifier
from pairaid.registry.models import Pairing
from pairaid.sources.models import Evidence


class Event(models.Model):
    """What every event has: its pairing, year, date, title, description and evidence."""

    pairing = models.ForeignKey(Pairing, models.CASCADE, related_name="%(class)ss")
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    date = models.DateField(_("date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    evidence = models.ForeignKey(Evidence, models.SET_NULL, null=True, blank=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["year", "date", "pk"]

    def __str__(self) -> str:
        return self.title or f"{self._meta.verbose_name} {self.year}"


class Direction(models.TextChoices):
    TO_RECIPIENT = "to_recipient", _("Donor side to the recipient side")
    TO_DONOR = "to_donor", _("Recipient side to the donor side")


class LeaderLevel(models.TextChoices):
    NATIONAL = "national", _("National leader")
    PROVINCIAL = "provincial", _("Provincial or ministerial level")
    PREFECTURAL = "prefectural", _("Department or prefectural level")
    COUNTY = "county", _("County or division level")
    NONE = "none", _("No leader")


class LeadersUnit(models.TextChoices):
    """What a visit's ``leaders`` count: the leaders themselves, or their trips (a leader who went twice counts
    twice), as the report tells it; the two are never added."""

    PERSON = "person", _("persons")
    PERSON_TIME = "person_time", _("person-times")


class Visit(Event):
    """A visit or delegation (or several a report counts together)."""

    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices)
    leader_level = models.CharField(
        _("level of the leader"), max_length=16, choices=LeaderLevel.choices, default=LeaderLevel.NONE
    )
    leaders = models.PositiveIntegerField(_("leaders"), default=0)
    leaders_unit = models.CharField(
        _("leaders counted in"), max_length=12, choices=LeadersUnit.choices, default=LeadersUnit.PERSON_TIME
    )
    leaders_qualifier = models.CharField(
        _("qualifier of the leaders"), max_length=12, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    delegations = models.PositiveIntegerField(_("delegations (groups)"), null=True, blank=True, default=1)
    size = models.PositiveIntegerField(_("members"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("visit")


class CadreBatch(Event):
    """A numbered batch of cadres seconded to the recipient side."""

    number = models.PositiveSmallIntegerField(_("batch"))
    persons = models.PositiveIntegerField(_("cadres"))
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("area"))

    class Meta(Event.Meta):
        verbose_name = _("cadre batch")


class TradeFair(Event):
    """A trade or investment fair the pairing took part in: delegation, booths, contracts signed."""

    name = models.CharField(_("fair"), max_length=300)
    delegation_size = models.PositiveIntegerField(_("delegation members"), null=True, blank=True)
    organisations = models.PositiveIntegerField(_("organisations"), null=True, blank=True)
    booths = models.PositiveIntegerField(_("booths"), null=True, blank=True)
    contracts = models.PositiveIntegerField(_("contracts signed"), null=True, blank=True)
    contract_value = models.DecimalField(
        _("contract value (CNY)"), max_digits=18, decimal_places=2, null=True, blank=True
    )

    class Meta(Event.Meta):
        verbose_name = _("trade fair")


class FrameworkAgreement(Event):
    """A framework agreement between the two sides: parties, date, value and fields of cooperation."""

    parties = models.CharField(_("parties"), max_length=300)
    value = models.DecimalField(_("value (CNY)"), max_digits=18, decimal_places=2, null=True, blank=True)
    fields = models.JSONField(_("fields of cooperation"), default=list, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("framework agreement")
