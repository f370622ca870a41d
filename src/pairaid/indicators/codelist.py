"""Adding an indicator to the codelist in the database.

The codelist is seeded from ``pairaid/core/data/indicators.csv``
(:func:`pairaid.indicators.services.indicators_sync`) and lives in the database:
an administrator adds indicators (the admin site, the API), and form import, the
API, the checks and the reports read them from there
(:func:`pairaid.indicators.selectors.indicator_codelist`).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from pairaid.core.errors import DataError
from pairaid.indicators.models import Indicator

VALUE_TYPES = ("money", "count", "measure")
KINDS = ("flow", "stock")
AGGREGATIONS = ("sum", "none")
_CODE = re.compile(r"[a-z][a-z0-9_]{0,63}")
_UNIT = re.compile(r"[A-Za-z][A-Za-z0-9_/]{0,31}")


def indicator_check(
    *,
    code: str,
    group: str,
    name_en: str,
    name_zh: str,
    unit: str,
    value_type: str,
    default_kind: str,
    aggregation: str,
) -> None:
    """The rules of a new indicator (its code unused, each field one of its choices).

    Raises:
        DataError: the first rule broken, in words.
    """
    if not _CODE.fullmatch(code):
        raise DataError(_("The code %(code)s is not lowercase letters, digits and _.") % {"code": repr(code)})
    if Indicator.objects.filter(code=code).exists():
        raise DataError(_("The indicator %(code)s exists already.") % {"code": code})
    if not _CODE.fullmatch(group):
        raise DataError(_("The group %(group)s is not lowercase letters, digits and _.") % {"group": repr(group)})
    if not name_en.strip() or not name_zh.strip():
        raise DataError(_("An indicator needs an English and a Chinese name."))
    if not _UNIT.fullmatch(unit):
        raise DataError(_("The unit %(unit)s is not a unit code (CNY, person, ha, project…).") % {"unit": repr(unit)})
    for value, allowed, what in (
        (value_type, VALUE_TYPES, "value type"),
        (default_kind, KINDS, "flow or stock"),
        (aggregation, AGGREGATIONS, "aggregation"),
    ):
        if value not in allowed:
            raise DataError(
                _("%(value)s is not a %(what)s (use one of %(allowed)s).")
                % {"value": repr(value), "what": what, "allowed": ", ".join(allowed)}
            )


def indicator_create(
    *,
    code: str,
    group: str,
    name_en: str,
    name_zh: str,
    unit: str,
    value_type: str = "count",
    default_kind: str = "flow",
    aggregation: str = "sum",
) -> Indicator:
    """Add an indicator to the codelist.

    Raises:
        DataError: a rule of :func:`indicator_check`.
    """
    values = {
        "code": code.strip(),
        "group": group.strip(),
        "name_en": name_en.strip(),
        "name_zh": name_zh.strip(),
        "unit": unit.strip(),
        "value_type": value_type,
        "default_kind": default_kind,
        "aggregation": aggregation,
    }
    indicator_check(**values)
    return Indicator.objects.create(**values)
