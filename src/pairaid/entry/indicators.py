"""Adding an indicator to the codelist by hand (the API): administrators only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from pairaid.accounts import permissions, registry_permissions
from pairaid.indicators import codelist
from pairaid.indicators.models import Indicator


def indicator_create(*, user: Any, data: Mapping[str, Any]) -> Indicator:
    """Add the indicator ``data`` describes (:func:`pairaid.indicators.codelist.indicator_check`).

    Raises:
        NotAllowed: the user is not an administrator.
        DataError: a rule of the codelist.
    """
    permissions.require(registry_permissions.can_indicator_create(user), _("Only administrators add indicators."))
    return codelist.indicator_create(**data)
