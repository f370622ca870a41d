"""``pairaid init`` and ``pairaid serve``: set up the database, run the development server."""

from __future__ import annotations

import subprocess
import sys

import typer
from rich.console import Console

from pairaid.cli.django_setup import setup_django
from pairaid.cli.errors import one_line_errors

console = Console()


def initialise(*, verbose: bool = True, registry: bool = False) -> None:
    """Migrate the database; load the areas, the indicator codelist, the reporting datasets, the assessment
    rubric and, with ``registry``, the lines of the shipped pairing registry not stored yet; give every
    document its search words (idempotent: a second run changes nothing)."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from pairaid.assessment.services import rubric_sync
    from pairaid.datasets.services import datasets_sync
    from pairaid.geo.selectors import area_list
    from pairaid.geo.services import areas_load
    from pairaid.indicators.selectors import indicator_list
    from pairaid.indicators.services import indicators_sync
    from pairaid.registry.imports import shipped_pairings_load
    from pairaid.registry.selectors import pairing_list
    from pairaid.sources.search import documents_index_missing

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    new_areas = areas_load()
    new_indicators = indicators_sync()
    datasets_sync()
    rubric_sync()
    shipped = shipped_pairings_load() if registry else None
    documents_index_missing()
    if verbose:
        db = settings.DATABASES["default"]
        console.print(f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}")
        counts = (
            f"areas: {area_list().count()} ({new_areas} new); "
            f"indicators: {indicator_list().count()} ({new_indicators} new)"
        )
        if shipped is not None:
            counts += f"; pairings: {pairing_list().count()} ({len(shipped.created)} new from the shipped registry)"
        console.print(counts)


def database_ready() -> None:
    """Start Django, and set the database up (:func:`initialise`) only when it needs it: a migration not
    applied, or no areas. When the indicator codelist file changed since it was last synced (its SHA-256),
    its indicators are synced and the command says so on standard error: the file's new indicators are
    added and the fields it owns set (group, unit, value type, kind, aggregation); names edited in the
    system and indicators added there (admin site, API) are kept.

    What every verb but ``init`` and ``demo`` calls, so that a command starts in a fraction of a
    second: migrating and reloading the reference data takes seconds even when there is nothing to
    do. After upgrading pairaid, ``pairaid init`` loads changed reference data (areas, datasets).
    """
    setup_django()
    from pairaid.geo.selectors import area_list

    if _pending_migrations() or not area_list().exists():
        initialise(verbose=False)
        return
    from pairaid.assessment.services import rubric_sync
    from pairaid.datasets.services import datasets_sync
    from pairaid.indicators.services import indicators_sync_if_changed

    synced = indicators_sync_if_changed()
    if synced is not None:
        Console(stderr=True).print(
            f"the indicator codelist file changed; indicators synced from it: {synced[0]} added, {synced[1]} updated "
            "(names edited here and indicators added here are kept)",
            highlight=False,
        )

    datasets_sync()  # a few queries each: what is missing is stored
    rubric_sync()


def _pending_migrations() -> bool:
    """Whether a migration on disk is not recorded as applied (its file names, against the table)."""
    import pkgutil
    from importlib import import_module

    from django.apps import apps
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    if not MigrationRecorder(connection).has_table():
        return True
    applied = set(MigrationRecorder(connection).applied_migrations())
    for app in apps.get_app_configs():
        try:
            package = import_module(f"{app.module.__name__}.migrations")
        except ModuleNotFoundError:
            continue
        names = {m.name for m in pkgutil.iter_modules(package.__path__) if m.name[:1].isdigit()}
        if any((app.label, name) not in applied for name in names):
            return True
    return False


def init() -> None:
    """Create or update the database: migrate, load areas, codelists and the shipped pairings. Safe to run again."""
    with one_line_errors():
        initialise(registry=True)


def serve(
    address: str = typer.Argument("127.0.0.1:8000", help="host:port to listen on"),
    worker: bool = typer.Option(True, "--worker/--no-worker", help="Start a `pairaid worker` beside the server."),
) -> None:
    """Run the development web server at ADDRESS (host:port, default 127.0.0.1:8000) and a worker for the
    background work; not for production, use a WSGI server and `pairaid worker` there."""
    with one_line_errors():
        database_ready()
        _listen_address_check(address)
        from django.core.management import call_command

        background = worker_process() if worker else None
        stop_on_signals()
        try:
            call_command("runserver", address, use_reloader=False)
        finally:
            if background is not None:
                worker_stop(background)


def stop_on_signals() -> None:
    """End this process as Ctrl-C does on SIGTERM and SIGHUP (a service manager's stop, a closed terminal), so
    that what it started is stopped too: Python's default for them ends the process at once, skipping
    ``finally`` and leaving ``pairaid serve``'s worker running."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)


def worker_stop(process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """Stop the worker ``process``: SIGTERM (it finishes the job it runs, then exits), SIGKILL after ``seconds``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _listen_address_check(address: str) -> None:
    """Refuse an ADDRESS the development server cannot listen on before anything starts (runserver
    prints a traceback for a bad one or a port out of range, and its own line for a port in use)."""
    import re
    import socket

    from django.core.management.commands.runserver import naiveip_re

    from pairaid.core.errors import PairaidError

    match = re.match(naiveip_re, address)
    if match is None:
        raise PairaidError(f"{address!r} is not host:port or a port number (such as 127.0.0.1:8000)")
    port = int(match["port"])
    if not 0 < port < 65536:
        raise PairaidError(f"{address}: port {port} is not between 1 and 65535")
    host = (match["addr"] or "127.0.0.1").strip("[]")
    with socket.socket(socket.AF_INET6 if match["ipv6"] else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PairaidError(f"cannot listen on {address}: {exc.strerror or exc}") from None


def worker_process() -> subprocess.Popen[bytes]:
    """A ``pairaid worker`` beside this process (``pairaid serve`` starts one in development); on Linux it is
    sent SIGTERM when this process dies, however it dies (SIGKILL included)."""
    command = [sys.executable, "-c", "from pairaid.cli.main import app; app()", "worker"]
    return subprocess.Popen(command, preexec_fn=_ended_with_parent if sys.platform == "linux" else None)


def _ended_with_parent() -> None:
    """In the child, before it runs: ask Linux for SIGTERM when the parent ends (prctl PR_SET_PDEATHSIG)."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
