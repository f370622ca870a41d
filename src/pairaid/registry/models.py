"""Organisation and Pairing.

A pairing twins a donor with a recipient; each side is an area or an
organisation. Pairings nest (a province–region pairing is the parent of its
city–county pairings) and have a period in years.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pairaid.geo.models import Area, AreaLevel


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    DEPARTMENT = "department", _("Department")
    ENTERPRISE = "enterprise", _("Enterprise")
    SCHOOL = "school", _("School")
    HOSPITAL = "hospital", _("Hospital")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    """A government body, department, enterprise, school, hospital or association."""

    name = models.CharField(_("name"), max_length=200, db_index=True)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=16, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, related_name="organisations")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "area"], name="organisation_unique_name_in_area")]

    def __str__(self) -> str:
        return self.name


class PairingLevel(models.TextChoices):
    """The level a pairing is stored at: its recipient's (the registry's rule), so the choices name one
    level ("County", not "County – county", which named two sides); :meth:`Pairing.level_label` names both."""

    PROVINCE = "province", _("Province")
    PREFECTURE = "prefecture", _("Prefecture")
    COUNTY = "county", _("County")
    VILLAGE = "village", _("Village")
    INSTITUTION = "institution", _("Institution")


class Programme(models.TextChoices):
    EAST_WEST = "east_west", _("East–West pairing-off cooperation")
    XINJIANG = "xinjiang", _("Pairing-off aid to Xinjiang")
    TIBET = "tibet", _("Pairing-off aid to Tibet")
    RECONSTRUCTION = "reconstruction", _("Post-disaster reconstruction")
    OTHER = "other", _("Other")


class Basis(models.TextChoices):
    """Whether the source states a pairing, or it is inferred from what the source says."""

    STATED = "stated", _("stated by the source")
    INFERRED = "inferred", _("inferred from the source")


class Pairing(models.Model):
    """A donor twinned with a recipient for a period (对口帮扶关系).

    ``pair_count`` is more than 1 when a source gives the pairing only as a count
    ("ten donor counties with ten recipient counties") and names no single pair;
    such a pairing records the areas at the level the source gives and invents
    no names. ``end_year`` is empty while the pairing is in force.

    ``key`` is the stable id of a registry line (``xj-shandong-kashi``), empty for
    pairings entered without one; an import finds the pairing it updates by it.
    ``source_url`` and ``source_title`` name the public document that states the
    pairing; ``basis`` says whether it states it or the pairing is inferred from it.

    ``predecessor`` is the pairing this one took over from in a re-assignment,
    set by :func:`pairaid.registry.services.pairing_reassign` when it happens and
    never inferred from neighbouring years; ``successors`` are those that took over
    from it.
    """

    key = models.CharField(_("key"), max_length=100, blank=True, default="")
    name = models.CharField(_("name"), max_length=200, blank=True)
    donor_area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, related_name="pairings_as_donor")
    donor_organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="pairings_as_donor"
    )
    recipient_area = models.ForeignKey(
        Area, models.PROTECT, null=True, blank=True, related_name="pairings_as_recipient"
    )
    recipient_organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="pairings_as_recipient"
    )
    level = models.CharField(_("level"), max_length=16, choices=PairingLevel.choices, db_index=True)
    programme = models.CharField(_("programme"), max_length=16, choices=Programme.choices, default=Programme.EAST_WEST)
    pair_count = models.PositiveIntegerField(_("number of pairs"), default=1)
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children")
    predecessor = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="successors", verbose_name=_("predecessor")
    )
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    source_title = models.CharField(_("source title"), max_length=300, blank=True)
    basis = models.CharField(_("basis"), max_length=8, choices=Basis.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["level", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(donor_area__isnull=False) | Q(donor_organisation__isnull=False),
                name="pairing_has_donor",
            ),
            models.CheckConstraint(
                condition=Q(recipient_area__isnull=False) | Q(recipient_organisation__isnull=False),
                name="pairing_has_recipient",
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="pairing_start_before_end",
            ),
            models.CheckConstraint(condition=Q(pair_count__gte=1), name="pairing_count_positive"),
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="pairing_unique_key"),
        ]

    def __str__(self) -> str:
        return self.name or f"{self.donor_label} – {self.recipient_label}"

    def display_name(self, language: str = "en") -> str:
        """The pairing's name in ``language``: its name, else "donor – recipient"; in Chinese always
        the sides' Chinese names ("山东省—喀什地区"), with the number of pairs when it stands for several."""
        if not language.lower().startswith("zh"):
            return str(self)
        return self._sides_zh() + (f"（{self.pair_count}对）" if self.pair_count > 1 else "")

    def _sides_zh(self) -> str:
        donor = self.donor_area or self.donor_organisation
        recipient = self.recipient_area or self.recipient_organisation
        return "—".join(getattr(side, "name_zh", "") or str(side or "") for side in (donor, recipient))

    def name_with_level(self, language: str = "en") -> str:
        """The pairing's name with its level, as a list of pairings writes it: "山东省—疏勒县（省级—县级）",
        "山东省—新疆维吾尔自治区（县级—县级，10对）" (one pair of full-width brackets, the number of pairs inside);
        "Shandong Province (山东省) – Shule County (疏勒县), province – county" ("…, county – county, 10 pairs")."""
        with override(language):
            level = self.level_label()
        if language.lower().startswith("zh"):
            count = f"，{self.pair_count}对" if self.pair_count > 1 else ""
            return f"{self._sides_zh()}（{level}{count}）"
        count = f", {self.pair_count} pairs" if self.pair_count > 1 else ""
        return f"{self}, {level[:1].lower()}{level[1:]}{count}"

    def level_label(self) -> str:
        """The pairing's level as its two sides' levels, in the active language: "Province – county",
        "省级—县级" (Shandong with Shule County); an organisation's side is an institution. The stored
        ``level`` is the recipient's (the registry's rule), so it cannot name the donor's side. A pairing that
        stands for several pairs (``pair_count``) names its sides at the containing areas' level, and its
        pairs' level is the stored one: both sides are of it ("County – county")."""
        if self.pair_count > 1 and self.level in AreaLevel.values:
            donor = recipient = str(AreaLevel(self.level).label)
        else:
            donor, recipient = _side_level(self.donor_area), _side_level(self.recipient_area)
        if (get_language() or "en").lower().startswith("zh"):
            return f"{donor}—{recipient}"
        return f"{donor} – {recipient.lower()}"

    @property
    def donor_label(self) -> str:
        """The donor's display name (area or organisation)."""
        side = self.donor_area or self.donor_organisation
        return str(side) if side else ""

    @property
    def recipient_label(self) -> str:
        """The recipient's display name (area or organisation)."""
        side = self.recipient_area or self.recipient_organisation
        return str(side) if side else ""

    def in_force(self, year: int) -> bool:
        """Whether the pairing covers ``year``."""
        return self.start_year <= year and (self.end_year is None or year <= self.end_year)


def _side_level(area: Area | None) -> str:
    """The level of a pairing's side in the active language: its area's ("Province", "省级"), else, an
    organisation's side, "Institution"."""
    if area is not None and area.level in AreaLevel.values:
        return str(AreaLevel(area.level).label)
    return str(PairingLevel.INSTITUTION.label)
