"""Start Django for the verbs that need the database."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure Django with ``pairaid.config.settings`` (idempotent)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pairaid.config.settings")
    import django

    django.setup()
