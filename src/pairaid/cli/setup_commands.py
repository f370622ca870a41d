"""``pairaid init`` and ``pairaid serve``: set up the database, run the development server."""

from __future__ import annotations

import typer
from rich.console import Console

from pairaid.cli.django_setup import setup_django
from pairaid.cli.errors import one_line_errors

console = Console()


def initialise(*, verbose: bool = True, registry: bool = False) -> None:
    """Migrate the database; load the areas, the indicator codelist, the reporting datasets, the assessment
    rubric and, with ``registry``, the lines of the shipped pairing registry not stored yet (idempotent: a
    second run changes nothing)."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from pairaid.assessment.services import rubric_sync
    from pairaid.datasets.services import datasets_sync
    from pairaid.geo.models import Area
    from pairaid.geo.services import areas_load
    from pairaid.indicators.models import Indicator
    from pairaid.indicators.services import indicators_sync
    from pairaid.registry.imports import shipped_pairings_load
    from pairaid.registry.models import Pairing

    call_command("migrate", interactive=False, verbosity=0)
    new_areas = areas_load()
    new_indicators = indicators_sync()
    datasets_sync()
    rubric_sync()
    shipped = shipped_pairings_load() if registry else None
    if verbose:
        db = settings.DATABASES["default"]
        console.print(f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}")
        counts = (
            f"areas: {Area.objects.count()} ({new_areas} new); "
            f"indicators: {Indicator.objects.count()} ({new_indicators} new)"
        )
        if shipped is not None:
            counts += f"; pairings: {Pairing.objects.count()} ({len(shipped.created)} new from the shipped registry)"
        console.print(counts)


def init() -> None:
    """Create or update the database: migrate, load areas, codelists and the shipped pairings. Safe to run again."""
    with one_line_errors():
        initialise(registry=True)


def serve(
    address: str = typer.Argument("127.0.0.1:8000", help="host:port to listen on"),
) -> None:
    """Run the development web server at ADDRESS (host:port, default 127.0.0.1:8000); not for production,
    use a WSGI server there."""
    with one_line_errors():
        initialise(verbose=False)
        from django.core.management import call_command

        call_command("runserver", address, use_reloader=False)
