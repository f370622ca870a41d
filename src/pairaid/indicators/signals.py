"""Signals of the figures: ``datavalues_changed`` is sent with ``values`` (the data values saved,
accepted, corrected, imported or ingested, and copies of where a moved one was) by every service
that writes them, so that what derives from figures (the findings of the checks,
:func:`pairaid.checks.services.findings_refresh_on_commit`) is kept fresh by the apps above
without the writers importing them."""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

from pairaid.indicators.models import DataValue

datavalues_changed = Signal()


def datavalues_changed_send(values: Iterable[DataValue]) -> None:
    """Say that ``values`` changed (no-op for none)."""
    values = list(values)
    if values:
        datavalues_changed.send(sender=DataValue, values=values)
