"""The source a test pairing cites: every pairing stored through the services names one."""

from __future__ import annotations

from typing import Any

from pairaid.geo.models import Area
from pairaid.registry.services import PairingSpec

SOURCE = {"source_url": "https://example.org/pairing-scheme", "source_title": "A made-up pairing scheme"}


def sourced(donor: str, recipient: str, level: str, **more: Any) -> PairingSpec:
    """A pairing of the areas with these codes at ``level``, citing :data:`SOURCE`, with ``more`` of its fields."""
    return PairingSpec(
        **SOURCE,
        donor_area=Area.objects.get(code=donor),
        recipient_area=Area.objects.get(code=recipient),
        level=level,
        **more,
    )
