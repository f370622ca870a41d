"""Every command of the README's tour, run on the demo as a new user would: none may end in a traceback.

One module-scoped fixture runs ``pairaid demo`` and then each command of the tour in
order (in a transaction rolled back afterwards), keeping each command's exit code and
output. A command may refuse with ``error: …`` (exit 1) where the tour says it may; it
may never raise. A test also reads the README's tour and fails when it names a verb
that :data:`TOUR` does not run, so that a new verb in the README gets its run here.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
SUMMARY = REPO / "src" / "pairaid" / "sample" / "shandong_xinjiang_2009_summary.txt"
PAIRING = "Shandong – Xinjiang"
PASSWORD = "Tour-pass-2009!"
KASHI = "xj2010-shandong-kashi"

#: The tour, in the README's order; ``{out}`` is a temporary folder. ``pairaid serve`` runs a
#: server until stopped and ``pairaid worker`` its own connections, so only their help is asked
#: for (tests/jobs/test_processes.py runs both for real).
TOUR: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("demo",),
    ("init",),
    ("areas", "resolve", "Kashgar"),
    ("areas", "resolve", "Shulu County", "--context", "Kashi"),
    ("areas", "resolve", "和田", "--json"),
    ("pairings", "list", "--year", "2009", "--donor", "Shandong", "--json"),
    ("pairings", "export", "--out", "{out}/pairings.csv"),
    ("pairings", "import", "{out}/pairings.csv", "--dry-run"),
    ("pairings", "export", "--format", "xlsx", "--out", "{out}/pairings.xlsx"),
    ("extract", str(SUMMARY), "--out", "{out}/extracted"),
    ("ingest", str(SUMMARY)),
    ("check",),
    ("check", "--pairing", PAIRING, "--year", "2009", "--extracted"),
    ("report", "--pairing", PAIRING, "--year", "2009", "--format", "html", "--out", "{out}/r.html"),
    ("report", "--pairing", PAIRING, "--year", "2009", "--format", "md", "--out", "{out}/r.md"),
    ("report", "--pairing", PAIRING, "--year", "2009", "--format", "xlsx", "--out", "{out}/r.xlsx"),
    ("report", "--pairing", PAIRING, "--year", "2009", "--format", "docx", "--out", "{out}/r.docx"),
    ("report", "--pairing", PAIRING, "--year", "2009", "--format", "pdf", "--out", "{out}/r.pdf"),
    ("report", "--pairing", PAIRING, "--year", "2009", "--lang", "zh-hans", "--out", "{out}/r-zh.html"),
    ("report", "--overview", "--year", "2009", "--out", "{out}/o.html"),
    ("report", "--overview", "--year", "2009", "--extracted", "--out", "{out}/o-x.md"),
    ("report", "--overview", "--year", "2010", "--extracted", "--out", "{out}/o-2010.html"),
    ("export-form", "--pairing", PAIRING, "--year", "2009", "{out}/form.xlsx"),
    ("import-form", "{out}/form.xlsx"),
    ("export", "--format", "csv", "--out", "{out}/values.csv"),
    ("export", "--format", "csv", "--include-extracted", "--out", "{out}/all-values.csv"),
    ("export", "--format", "datapackage", "--out", "{out}/package"),
    ("export", "--format", "iati", "--out", "{out}/activities.xml"),
    ("serve", "--help"),
    ("worker", "--help"),
    # a pairing by its registry key (an id differs between databases)
    ("user", "create", "editor", "--role", "pairing_editor", "--pairing", KASHI, "--password", PASSWORD),
    ("token", "create", "editor"),
)
#: Commands that may refuse with one line (exit 1): the demo has no figures of 2010.
MAY_REFUSE = {("report", "--overview", "--year", "2010", "--extracted", "--out", "{out}/o-2010.html")}


@dataclass(frozen=True)
class Run:
    command: tuple[str, ...]
    exit_code: int
    output: str
    raised: str  # the traceback of an exception that escaped the command, or ""


@pytest.fixture(scope="module")
def tour(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[tuple[str, ...], Run]]:
    from django.db import transaction
    from django.test import override_settings

    home = tmp_path_factory.mktemp("home")
    out = tmp_path_factory.mktemp("tour")
    runs: dict[tuple[str, ...], Run] = {}
    with django_db_blocker.unblock(), override_settings(HOME=home), transaction.atomic():  # type: ignore[attr-defined]
        for command in TOUR:
            args = [part.replace("{out}", str(out)) for part in command]
            result = runner.invoke(app, args, env={"COLUMNS": "160"})
            escaped = result.exception if not isinstance(result.exception, SystemExit) else None
            raised = "".join(traceback.format_exception(escaped)) if escaped else ""
            runs[command] = Run(command, result.exit_code, result.output, raised)
        transaction.set_rollback(True)
    yield runs


@pytest.mark.django_db  # pytest-django sets the test database up only for a session with a test marked so
@pytest.mark.parametrize("command", TOUR, ids=[" ".join(c)[:60] for c in TOUR])
def test_the_tour_command_runs_without_a_traceback(tour: dict[tuple[str, ...], Run], command: tuple[str, ...]) -> None:
    run = tour[command]
    assert not run.raised, run.raised
    assert "Traceback" not in run.output, run.output
    if command in MAY_REFUSE:
        assert run.exit_code in (0, 1) and (run.exit_code == 0 or run.output.startswith("error: ")), run.output
    else:
        assert run.exit_code == 0, run.output


def test_the_tour_runs_every_verb_the_readme_names() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    tour_text = text[text.index("## A tour") : text.index("## Settings")]
    named = {m.group(1) for m in re.finditer(r"`pairaid ([a-z][a-z-]*)", tour_text)}
    run = {c[0] for c in TOUR}
    assert named <= run, f"README verbs with no run in TOUR: {sorted(named - run)}"


def test_the_demo_report_written_by_the_tour_is_a_pdf(tour: dict[tuple[str, ...], Run]) -> None:
    (run,) = [r for c, r in tour.items() if c[0] == "report" and "pdf" in c]
    path = Path(run.output.split("wrote ", 1)[1].split()[0])
    assert path.read_bytes()[:5] == b"%PDF-"


@pytest.mark.shared
@pytest.mark.django_db
def test_overview_with_extracted_figures_of_the_corpus_for_every_year(
    shared_dir: Path, django_db_setup: None, django_db_blocker: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """After the demo and the ingest of the shared corpus, ``report --overview --extracted`` for
    2009–2014 writes a report or refuses in one line; it never raises (2009 raised on int(None))."""
    from django.db import transaction
    from django.test import override_settings

    reports = sorted(str(p) for p in (shared_dir / "corpus" / "reports").glob("*.txt"))
    with django_db_blocker.unblock(), override_settings(HOME=tmp_path), transaction.atomic():  # type: ignore[attr-defined]
        for args in (["demo"], ["ingest", *reports]):
            assert runner.invoke(app, args).exit_code == 0
        results = {
            year: runner.invoke(
                app, ["report", "--overview", "--year", str(year), "--extracted", "--out", f"{tmp_path}/o{year}.md"]
            )
            for year in range(2009, 2015)
        }
        transaction.set_rollback(True)
    for year, result in results.items():
        assert result.exception is None or isinstance(result.exception, SystemExit), (year, result.exception)
        assert result.exit_code == 0 or result.output.startswith("error: "), (year, result.output)
    assert results[2009].exit_code == 0
