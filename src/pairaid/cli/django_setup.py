"""Start Django for the verbs that need the database; read ``PAIRAID_HOME`` for those that do not."""

from __future__ import annotations

import os


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
    runs, for a verb that does not start Django (which does it in the areas app's ``ready``). The folder is
    the settings' ``HOME`` read as the settings read it, without loading Django's settings (a tenth of a
    second of the command's start)."""
    from pairaid.core.gazetteer_store import keep_gazetteer_in
    from pairaid.core.home import home_dir

    keep_gazetteer_in(home_dir() / "cache")
