"""The Area model: one administrative division with its 6-digit code (GB/T 2260)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    PREFECTURE = "prefecture", _("Prefecture")
    COUNTY = "county", _("County")


class Area(models.Model):
    """An administrative division (DHIS2's org unit).

    ``code`` is the 6-digit administrative code; ``parent`` is the division one
    level up (none for a province, Xinjiang for the Production and Construction
    Corps); longitude and latitude are in degrees (WGS 84, as in the cpca table).
    ``established`` is the year the area began (empty: before 1994);
    ``other_codes`` the codes and names it had before a renaming or re-coding, or
    has had since, each ``{"code", "name_zh", "since", "until"}`` (years or null).
    """

    code = models.CharField(_("code"), max_length=6, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=64, db_index=True)
    name_pinyin = models.CharField(_("pinyin name"), max_length=128, db_index=True)
    name_en = models.CharField(_("English name"), max_length=128, blank=True, db_index=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    level = models.CharField(_("level"), max_length=16, choices=AreaLevel.choices, db_index=True)
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children")
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    established = models.PositiveSmallIntegerField(_("year established"), null=True, blank=True)
    other_codes = models.JSONField(_("other codes"), default=list, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=r"^[0-9]{6}$"), name="area_code_six_digits"),
        ]

    def __str__(self) -> str:
        return f"{self.name_en or self.name_pinyin} ({self.name_zh})"

    def display_name(self, language: str = "en") -> str:
        """The name to show in ``language`` (``zh-hans`` gives the Chinese name)."""
        if language.lower().startswith("zh"):
            return self.name_zh
        return self.name_en or self.name_pinyin
