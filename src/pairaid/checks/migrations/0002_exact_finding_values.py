"""Findings' stored values as exact decimals without trailing zeros ("28.2", "2510000000"): they were
stored at the scale the database gave ("28.2000", "2510000000.000"); the checks now store them so."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import migrations


def _exact(text: object) -> object:
    if not isinstance(text, str):
        return text
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


def exact_values(apps: Any, schema_editor: Any) -> None:
    Finding = apps.get_model("checks", "Finding")
    changed = []
    for finding in Finding.objects.only("pk", "values").iterator(chunk_size=2000):
        values = [[label, _exact(number)] for label, number in finding.values]
        if values != finding.values:
            finding.values = values
            changed.append(finding)
    Finding.objects.bulk_update(changed, ["values"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("checks", "0001_finding")]

    operations = [migrations.RunPython(exact_values, migrations.RunPython.noop, elidable=True)]
