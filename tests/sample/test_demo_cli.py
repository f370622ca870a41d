"""``pairaid demo``, ``pairaid --version`` and how a verb reports an error, through Typer's CliRunner.

``pairaid demo`` writes a PDF, which takes seconds, so one module-scoped fixture
runs it twice (in a transaction rolled back afterwards) and keeps what the tests
look at as plain data; each test asserts one thing about those two runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from pairaid import __version__
from pairaid.cli.main import app
from pairaid.core.registry import shipped_registry
from pairaid.sample.loader import database_counts

runner = CliRunner()
WIDE = {"COLUMNS": "160"}
NARROW = {"COLUMNS": "80"}
SHIPPED = len(shipped_registry())


@dataclass(frozen=True)
class DbState:
    """What the database holds after one run of the demo."""

    counts: dict[str, int]
    documents: int
    extracted: int
    linked: dict[int, int | None]  # entered data value id -> evidence id


@dataclass(frozen=True)
class DemoRuns:
    """Two runs of ``pairaid demo`` on an empty sample: their output, the database after each, the report."""

    first: str
    second: str
    exit_codes: tuple[int, int]
    after_first: DbState
    after_second: DbState
    aid_value: Decimal
    aid_span: str
    aid_href: str
    report_html: str


def _state() -> DbState:
    from pairaid.indicators.models import DataValue
    from pairaid.sources.models import SourceDocument

    return DbState(
        counts=database_counts(),
        documents=SourceDocument.objects.count(),
        extracted=DataValue.objects.filter(status="extracted").count(),
        linked=dict(DataValue.objects.filter(status="entered", kind="actual").values_list("pk", "evidence_id")),
    )


@pytest.fixture(scope="module")
def demo_runs(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DemoRuns]:
    """``pairaid demo`` run twice into a temporary PAIRAID_HOME; everything is rolled back afterwards."""
    from django.db import transaction
    from django.test import override_settings

    from pairaid.indicators.models import DataValue
    from pairaid.reports.links import evidence_url

    home = tmp_path_factory.mktemp("home")
    with django_db_blocker.unblock(), override_settings(HOME=home), transaction.atomic():  # type: ignore[attr-defined]
        first = runner.invoke(app, ["demo"], env=WIDE)
        after_first = _state()
        second = runner.invoke(app, ["demo"], env=NARROW)
        after_second = _state()
        aid = DataValue.objects.select_related("evidence__document").get(
            indicator__code="aid_funds", status="entered", pairing__parent=None, activity=None, area=None
        )
        evidence = aid.evidence
        reports = sorted((home / "reports").glob("report-*-2009.html"))
        runs = DemoRuns(
            first=first.output,
            second=second.output,
            exit_codes=(first.exit_code, second.exit_code),
            after_first=after_first,
            after_second=after_second,
            aid_value=aid.value,
            aid_span=evidence.text if evidence else "",
            aid_href=evidence_url(evidence.document_id, evidence.start, evidence.end) if evidence else "",
            report_html=reports[0].read_text(encoding="utf-8") if reports else "",
        )
        transaction.set_rollback(True)
    yield runs


def test_demo_prints_the_tree_the_headline_figures_and_the_counts(demo_runs: DemoRuns) -> None:
    output = demo_runs.first

    assert demo_runs.exit_codes == (0, 0), output
    assert "Loaded sample shandong_xinjiang_2009" in output
    assert "1,574,000,000 CNY" in output
    assert "75,800,000 CNY" in output
    assert "3,220,000,000 CNY" in output and "+28.2% on 2008" in output
    for county in ("Shule County 疏勒县 653122", "Yingjisha County 英吉沙县 653123", "Yuepuhu County 岳普湖县 653128"):
        assert county in output
    assert "× 10 pairs" in output
    # the shipped registry's pairings (pairaid init) and the sample's own 'ten counties' pairing
    assert f"pairings: {SHIPPED + 1} (1 new)" in output


def test_demo_ingests_the_source_document_and_links_every_entered_figure(demo_runs: DemoRuns) -> None:
    state = demo_runs.after_first

    assert "Source document: Shandong–Xinjiang Pairing-off Assistance, 2009" in demo_runs.first
    assert f"{state.extracted} figures extracted for review; 50 of 50 entered figures" in demo_runs.first
    assert state.documents == 1
    assert state.extracted >= 50
    assert len(state.linked) == 50 and None not in state.linked.values()


def test_demo_shows_plan_against_actual_the_dataset_the_events_and_the_assessment(demo_runs: DemoRuns) -> None:
    output = demo_runs.first
    plan = output[output.index("Plan against actual, 2009") :]
    assert "Enterprise investment" in plan and "5,100,000,000 CNY" in plan and "29.4%" in plan
    # the one plan (Shule's) once: not again as the tree's total nor as Kashi's, which plans nothing itself
    assert plan[: plan.index("Key projects")].count("5,100,000,000 CNY") == 1
    assert "Key projects, batch 6: 19 planned (11 for livelihoods)" in output
    assert "2009: approved (version 1); 15 of 15 indicators filled" in words(output)
    events = output[output.index("Events and exchanges, 2009") :]
    assert "5th Kashgar Central and South Asia Commodity Fair" in events and "booths 146" in events
    # the summary counts leaders (persons), not their trips: the visit says so, and so does what it gives
    assert "leaders more than 30 persons" in words(events) and "person-times" not in events
    assert "Leaders' exchange visits more than 30 persons" in words(events)

    def assessment(run: str) -> str:
        return run[run.index("Annual assessment 2009") : run.index("pairaid assess --year 2009 --json")]

    assert "1 pairing: Shandong Province (山东省) – Xinjiang" in assessment(words(output))
    assert assessment(words(demo_runs.second)) == assessment(words(output))


def words(output: str) -> str:
    """``output`` with every run of spaces and line breaks as one space (the text, however wrapped); a
    line break between two Chinese characters (Chinese wraps between characters) as nothing."""
    return _CJK_BREAK.sub("", " ".join(output.split()))


_CJK_BREAK = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def test_demo_run_twice_changes_nothing(demo_runs: DemoRuns) -> None:
    second = words(demo_runs.second)
    assert "already loaded: nothing new" in second
    assert "(document" in second and "already ingested)" in second
    assert "50 of 50 entered figures linked to their evidence (0 new)" in second
    assert f"pairings: {SHIPPED + 1} (0 new)" in second
    planned = 2  # the sample's plans: Shule's park investment (2009), Jiashi's jobs (2010)
    assert f"data values: {50 + planned + demo_runs.after_first.extracted} (0 new)" in second


def test_demo_at_80_columns_draws_no_table_and_no_line_wider(demo_runs: DemoRuns) -> None:
    """Off a wide terminal every table is a paragraph per row and the long lines (the dataset, the
    events' figures) wrap: the second run is at 80 columns."""
    lines = demo_runs.second.splitlines()
    assert [line for line in lines if cell_len(line) > 80] == []
    assert not any(border in demo_runs.second for border in "┏┃┡")
    assert "Enterprise investment\n  for: Shule County" in demo_runs.second
    assert "From the events: Leaders' exchange visits more than 30 persons" in demo_runs.second
    assert "5th Kashgar Central and South Asia Commodity Fair" in words(demo_runs.second)
    assert demo_runs.after_second == demo_runs.after_first


def test_the_aid_funds_figure_has_the_span_that_states_it(demo_runs: DemoRuns) -> None:
    assert demo_runs.aid_value == Decimal("1574000000")
    assert "1.574 billion" in demo_runs.aid_span


def test_the_demo_report_links_the_aid_funds_to_its_span(demo_runs: DemoRuns) -> None:
    assert "/documents/" in demo_runs.aid_href and "#span-" in demo_runs.aid_href
    assert f'href="{demo_runs.aid_href}"' in demo_runs.report_html
    assert "1.574 billion yuan" in demo_runs.report_html and "75.80 million yuan" in demo_runs.report_html


def test_demo_ends_with_the_report_files_and_where_to_browse_them(demo_runs: DemoRuns) -> None:
    lines = [line.strip() for line in demo_runs.second.strip().splitlines()]

    assert any(line.startswith("Annual report: ") and line.endswith("-2009.pdf") for line in lines)
    assert any(line.startswith("Report files are in ") and line.endswith("reports") for line in lines)
    assert "pairaid serve" in demo_runs.second
    assert lines[-1] == "http://127.0.0.1:8000/review/  the extracted figures to review"
    assert any(line.startswith("http://127.0.0.1:8000/documents/") for line in lines)


def test_version_prints_the_version() -> None:
    result = runner.invoke(app, ["--version"])

    assert result.exit_code == 0
    assert result.output.strip() == f"pairaid {__version__}"


@pytest.mark.django_db
def test_an_error_in_a_verb_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--file", str(tmp_path / "missing.yaml")])

    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: sample file") and lines[0].endswith("does not exist")
