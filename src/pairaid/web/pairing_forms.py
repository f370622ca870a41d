"""Forms of the pairing registry's pages: create, end and re-assign a pairing.

Areas are typed as a code or a name ("370000", "Shandong", "喀什"), read like
``pairaid areas resolve``; a name several areas share is refused with their
codes. A parent pairing is typed as ``--pairing`` takes it, but a name several
pairings fit is refused with their keys even where ``--pairing`` would take the one
in force now. The forms parse; :mod:`pairaid.entry.pairings` writes, and the
registry's service checks the pairing as every other path does.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pairaid.core.errors import InputError
from pairaid.core.gazetteer_store import default_gazetteer
from pairaid.geo.models import Area
from pairaid.geo.selectors import area_find, area_get
from pairaid.registry.models import Basis, PairingLevel, Programme
from pairaid.registry.pairing_names import pairing_resolve
from pairaid.registry.selectors import organisation_list

FIRST_YEAR, LAST_YEAR = 1949, 2100


class AreaField(forms.CharField):
    """An area typed as its 6-digit code or its name (Chinese, pinyin, English); cleans to an :class:`Area`."""

    def clean(self, value: Any) -> Area | None:  # type: ignore[override]
        text = super().clean(value).strip()
        if not text:
            return None
        if re.fullmatch(r"[0-9]{6}", text):
            found = area_find(code=text)
            if found is None:
                raise forms.ValidationError(_("No area has the code %(code)s."), params={"code": text})
            return found
        candidates = [c for c in default_gazetteer().resolve(text, limit=5) if c.match != "fuzzy"]
        if not candidates:
            raise forms.ValidationError(_("No area is named %(name)s."), params={"name": text})
        best = default_gazetteer().best(text)
        if len(candidates) > 1 and (best is None or best.match == "fuzzy"):
            listed = ", ".join(f"{c.area.code} {c.area.name_zh}" for c in candidates)
            raise forms.ValidationError(
                _("%(name)s may be several areas (%(areas)s): give the code."), params={"name": text, "areas": listed}
            )
        code = candidates[0].area.code if len(candidates) == 1 else best.area.code  # type: ignore[union-attr]
        return area_get(code=code)


def _year(label: Any, *, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=FIRST_YEAR, max_value=LAST_YEAR, required=required)


class SourceFields(forms.Form):
    """The public document that states a pairing."""

    source_url = forms.URLField(label=_("Source address"), max_length=500, assume_scheme="https")
    source_title = forms.CharField(label=_("Source title"), max_length=300)
    basis = forms.ChoiceField(label=_("Basis"), choices=Basis.choices, initial=Basis.STATED)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


def _side(cleaned: dict[str, Any], side: str, form: forms.Form) -> None:
    """Exactly one of the side's area and organisation."""
    if (cleaned.get(side) is None) == (cleaned.get(f"{side}_organisation") is None):
        form.add_error(side, _("Give an area or an organisation, one of them."))


class PairingForm(SourceFields):
    """A new pairing."""

    donor = AreaField(label=_("Donor area (code or name)"), required=False, max_length=100)
    donor_organisation = forms.ModelChoiceField(
        organisation_list(), label=_("or donor organisation"), required=False
    )
    recipient = AreaField(label=_("Recipient area (code or name)"), required=False, max_length=100)
    recipient_organisation = forms.ModelChoiceField(
        organisation_list(), label=_("or recipient organisation"), required=False
    )
    level = forms.ChoiceField(label=_("Recipient's level"), choices=PairingLevel.choices)
    programme = forms.ChoiceField(label=_("Programme"), choices=Programme.choices)
    start_year = _year(_("Start year"))
    end_year = _year(_("End year (empty while in force)"), required=False)
    parent = forms.CharField(label=_("Parent pairing (id or donor-recipient)"), required=False, max_length=100)
    key = forms.RegexField(
        label=_("Key"),
        regex=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        required=False,
        max_length=100,
        help_text=_("A stable id: lowercase words joined by dashes (xj2010-shandong-kashi)."),
    )

    field_order = ("donor", "donor_organisation", "recipient", "recipient_organisation", "level", "programme")

    def clean_parent(self) -> Any:
        text = self.cleaned_data.get("parent", "").strip()
        if not text:
            return None
        try:
            # a parent is never picked among several: the one in force in the start year, else the candidates
            year = self.data.get("start_year") and _int(self.data["start_year"])
            return pairing_resolve(text=text, year=year or None, prefer_current=False)
        except InputError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _side(cleaned, "donor", self)
        _side(cleaned, "recipient", self)
        return cleaned

    def pairing_data(self) -> dict[str, Any]:
        """The keyword arguments of the create service."""
        data = dict(self.cleaned_data)
        data["donor_area"], data["recipient_area"] = data.pop("donor"), data.pop("recipient")
        return data


class PairingEndForm(forms.Form):
    end_year = _year(_("Last year of the pairing"))


class PairingReassignForm(SourceFields):
    """A re-assignment: which side changes, to what, from which year."""

    year = _year(_("First year of the new pairing"))
    side = forms.ChoiceField(
        label=_("What changes"),
        choices=[("recipient", _("A new recipient for the same donor")), ("donor", _("A new donor for the recipient"))],
        widget=forms.RadioSelect,
        initial="recipient",
    )
    area = AreaField(label=_("New area (code or name)"), max_length=100)
    level = forms.ChoiceField(
        label=_("Recipient's level of the new pairing"),
        choices=[("", _("the same")), *PairingLevel.choices],
        required=False,
    )

    field_order = ("year", "side", "area", "level")

    def reassign_data(self) -> dict[str, Any]:
        """The keyword arguments of the re-assign service, but the year."""
        data = dict(self.cleaned_data)
        data.pop("year")
        data[f"{data.pop('side')}_area"] = data.pop("area")
        return data


def _int(text: str) -> int | None:
    return int(text) if text.strip().isdigit() and len(text.strip()) < 6 else None
