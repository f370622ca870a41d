"""Forms of the users' pages: a new user, and a membership (a role over pairings or areas).

Pairings are typed one per line as ``--pairing`` takes them ("Shandong-Kashgar", "山东-喀什",
an id); areas one per line as a code or a name, read as the registry's forms read them.
The forms parse and validate; :mod:`pairaid.accounts.services` writes and checks who may.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from pairaid.accounts.models import Role
from pairaid.core.errors import InputError
from pairaid.registry.pairing_names import pairing_resolve
from pairaid.web.pairing_forms import AreaField


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("；", "\n").replace(";", "\n").splitlines() if line.strip()]


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.VIEWER)
    pairings = forms.CharField(
        label=_("Pairings (pairing editors)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: an id, a key, or donor and recipient ('Shandong-Kashgar', '山东-喀什')."),
    )
    areas = forms.CharField(
        label=_("Areas (recipient editors)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: a code or a name (653122, Shule County, 疏勒县)."),
    )

    def clean_pairings(self) -> list[Any]:
        found, errors = [], []
        for line in _lines(self.cleaned_data.get("pairings", "")):
            try:
                found.append(pairing_resolve(text=line))
            except InputError as exc:
                errors.append(str(exc))
        if errors:
            raise forms.ValidationError(errors)
        return found

    def clean_areas(self) -> list[Any]:
        found, errors = [], []
        for line in _lines(self.cleaned_data.get("areas", "")):
            try:
                found.append(AreaField().clean(line))
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return found
