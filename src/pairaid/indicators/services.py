"""Writes of indicators and data values."""

from __future__ import annotations

from django.db import transaction

from pairaid.core.codelists import indicators
from pairaid.indicators.models import Indicator


@transaction.atomic
def indicators_sync() -> int:
    """Make the Indicator table match the codelist (``pairaid/core/data/indicators.csv``).

    Idempotent; returns the number of indicators created. Indicators are never
    deleted here, since data values may refer to them.
    """
    created = 0
    for item in indicators():
        _, was_created = Indicator.objects.update_or_create(
            code=item.code,
            defaults={
                "group": item.group,
                "name_en": item.name_en,
                "name_zh": item.name_zh,
                "unit": item.unit,
                "value_type": item.value_type,
                "default_kind": item.default_kind,
                "aggregation": item.aggregation,
            },
        )
        created += was_created
    return created
