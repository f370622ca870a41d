"""Forms of the downloads page: which report or export to build in the background."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pairaid.core.errors import InputError
from pairaid.registry.models import Pairing

YEAR = {"min_value": 1949, "max_value": 2100}
PAIRING_HELP = _("An id, a key, or donor and recipient: 'Shandong-Kashgar', '山东-喀什'.")


class _PairingForm(forms.Form):
    """A form naming a pairing as the command line's ``--pairing`` does (id, key, or donor and recipient)."""

    pairing_required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = (data.get("pairing") or "").strip()
        data["pairing_obj"] = None
        if text:
            from pairaid.registry.pairing_names import pairing_resolve

            try:
                data["pairing_obj"] = pairing_resolve(text=text, year=data.get("year"))
            except InputError as exc:
                self.add_error("pairing", str(exc))
        elif self.pairing_required:
            self.add_error("pairing", _("Name a pairing."))
        return data

    @property
    def chosen_pairing(self) -> Pairing | None:
        return self.cleaned_data.get("pairing_obj")


class ReportForm(_PairingForm):
    """A pairing's annual report, or the national overview when no pairing is named."""

    pairing_required = False
    pairing = forms.CharField(
        label=_("Pairing (empty: the national overview)"), required=False, max_length=200, help_text=PAIRING_HELP
    )
    year = forms.IntegerField(label=_("Year"), **YEAR)
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("html", "HTML"),
            ("pdf", "PDF"),
            ("xlsx", "Excel (.xlsx)"),
            ("docx", "Word (.docx)"),
            ("md", "Markdown"),
        ],
    )
    language = forms.ChoiceField(label=_("Language"), choices=[("en", "English"), ("zh-hans", "简体中文")])
    include_extracted = forms.BooleanField(label=_("Count extracted figures too"), required=False)


class ExportForm(_PairingForm):
    """Open data: data values as CSV, a Frictionless data package (.zip), or IATI activity XML."""

    pairing_required = False
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("csv", _("Data values (CSV)")),
            ("datapackage", _("Data package (.zip)")),
            ("iati", _("IATI activities (XML)")),
        ],
    )
    pairing = forms.CharField(
        label=_("Pairing (empty: all)"), required=False, max_length=200, help_text=PAIRING_HELP
    )
    year = forms.IntegerField(label=_("Year (empty: all)"), required=False, **YEAR)


class FormExportForm(_PairingForm):
    """The yearly statistical form of a pairing (.xlsx), to fill in and import back."""

    pairing = forms.CharField(label=_("Pairing"), max_length=200, help_text=PAIRING_HELP)
    year = forms.IntegerField(label=_("Year"), **YEAR)
