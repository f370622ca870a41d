"""Start Django for the verbs that need the database; read ``PAIRAID_HOME`` for those that do not."""

from __future__ import annotations

import os
from pathlib import Path


def setup_django() -> None:
    """Configure Django with ``pairaid.config.settings`` (idempotent), in the settings' language (English):
    the command line speaks it whatever a page served earlier in the same thread activated (a test's)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pairaid.config.settings")
    import django
    from django.conf import settings
    from django.utils import translation

    django.setup()
    translation.activate(settings.LANGUAGE_CODE)


def keep_built_tables() -> None:
    """Keep what is built from the shipped tables (the gazetteer) in ``PAIRAID_HOME/cache`` between
    runs, for a verb that does not start Django (which does it in the areas app's ``ready``)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pairaid.config.settings")
    from django.conf import settings

    from pairaid.core.gazetteer_store import keep_gazetteer_in

    keep_gazetteer_in(Path(settings.HOME) / "cache")
