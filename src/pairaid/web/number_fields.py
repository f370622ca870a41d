"""A number field that reads what people type (issue 13): "80,000,000", "75.8 million", "7580万", "1.5亿",
"八千万", by the project's own readers (:mod:`pairaid.core.numbers`, :mod:`pairaid.core.chinese_numbers`). The
review's correction form and the figure-entry form both take figures through it."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pairaid.core.chinese_numbers import find_chinese_numbers
from pairaid.core.numbers import find_numbers

#: A sign before the number ("-5", "−5") and the currency after it ("2.5亿元", "80 million yuan").
_SIGN = re.compile(r"^([-\u2212])\s*")
_YUAN = re.compile(r"\s*(?:元|yuan|RMB|CNY)$", re.IGNORECASE)


def read_typed_number(text: str) -> Decimal | None:
    """The one number ``text`` is, as a person typed it, or ``None`` (no number, several, or words around it).

    A minus sign before it is kept (the field then says a figure cannot be negative), and the
    currency after it dropped: "2.5亿元" is 250,000,000.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    sign = _SIGN.match(text)
    text = _YUAN.sub("", text[sign.end() :] if sign else text)
    if not text:
        return None
    for reader in (find_numbers, find_chinese_numbers):
        found = reader(text)
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)) and found[0].value_high is None:
            return -found[0].value if sign else found[0].value
    return None


class ReaderNumberField(forms.CharField):
    """A number typed in the reader's habits: thousands separators, million and billion, 万 and 亿."""

    def clean(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        number = read_typed_number(text)
        if number is None:
            raise forms.ValidationError(
                _("%(text)s is not a number (write it as 80,000,000, 75.8 million or 7580万)."), params={"text": text}
            )
        if number < 0:
            raise forms.ValidationError(_("A figure cannot be negative."))
        return number
