"""The command line as a new user meets it: help in words, refusals as ``error: …``, 80 columns,
output files that never overwrite each other, passwords from a script, reports read again."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table
from typer.main import get_command
from typer.testing import CliRunner

from pairaid.cli.extract import output_names
from pairaid.cli.main import app
from pairaid.cli.terminal_output import show_table

runner = CliRunner()
#: Python type names as Typer prints them: <bool>, <str>, <int range>, <path>, <list[Path]>, {reports}
TYPE_NAME = re.compile(r"<(?:bool|str|int|float|path|file|list\[|[a-z]+ range)[^>]*>|\{[a-z_]+\}|list\[\w+\]")
#: A wide terminal (Rich's panels) and a file (the plain layout).
LAYOUTS = {"panels": {"TTY_COMPATIBLE": "1", "COLUMNS": "120"}, "plain": {"COLUMNS": "80"}}


def _command_paths() -> Iterator[tuple[str, ...]]:
    def walk(command: object, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        yield path
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, (*path, name))

    yield from walk(get_command(app), ())


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_no_help_text_shows_a_python_type_name(layout: str) -> None:
    shown = []
    for path in _command_paths():
        result = runner.invoke(app, [*path, "--help"], env=LAYOUTS[layout])
        assert result.exit_code == 0, (path, result.output)
        shown += [f"pairaid {' '.join(path)}: {m.group()}" for m in TYPE_NAME.finditer(result.output)]
    assert len(list(_command_paths())) > 20
    assert shown == []


def test_help_names_parameters_by_their_names() -> None:
    result = runner.invoke(app, ["extract", "--help"], env=LAYOUTS["plain"])

    assert "Usage: pairaid extract [OPTIONS] REPORTS..." in result.output
    assert "-y, --year YEAR" in result.output and "-o, --out OUT" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_a_command_line_that_cannot_be_read_is_one_error_line() -> None:
    missing = runner.invoke(app, ["extract"])
    unknown = runner.invoke(app, ["extrakt", "a.txt"])

    assert missing.exit_code == 2
    assert missing.output == "error: Missing argument 'REPORTS...'. (see 'pairaid extract --help')\n"
    assert (unknown.exit_code, unknown.output) == (
        2,
        "error: No such command 'extrakt'. Did you mean 'extract', 'export'? (see 'pairaid --help')\n",
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Atlantis", "error: no area matches 'Atlantis'\n"),
        ("", "error: a place name is needed (Chinese, pinyin or English)\n"),
        ("   ", "error: a place name is needed (Chinese, pinyin or English)\n"),
    ],
)
def test_areas_resolve_refuses_with_an_error_line(name: str, message: str) -> None:
    result = runner.invoke(app, ["areas", "resolve", name])

    assert (result.exit_code, result.output) == (1, message)


def test_a_table_off_a_wide_terminal_is_wrapped_lines_that_break_no_word() -> None:
    path = "/srv/reports/yearbooks/2010/2010_shandong-xinjiang_pairing-off-assistance_annual-report.txt"
    table = Table(title="Ingested 1 of 1 files")
    for column in ("file", "status", "facts"):
        table.add_column(column)
    table.add_row(path, "[green]already ingested[/]", "57")
    console = Console(width=80, record=True, file=open("/dev/null", "w"))  # noqa: SIM115 - closed with the console

    show_table(console, table)

    lines = console.export_text().splitlines()
    assert lines == ["Ingested 1 of 1 files", path, "  status: already ingested; facts: 57"]


def test_chinese_rows_are_wrapped_by_display_width_between_characters() -> None:
    from rich.cells import cell_len

    message = "山东省援助喀什地区的资金二〇〇九年为一十五亿七千四百万元，少于其各部分之和，请核对。" * 2
    table = Table(title="发现：1 个错误")
    for column in ("严重程度", "规则", "消息"):
        table.add_column(column)
    table.add_row("错误", "部分之和超过总数", message)
    console = Console(width=80, record=True, file=open("/dev/null", "w"))  # noqa: SIM115 - closed with the console

    show_table(console, table)

    lines = console.export_text().splitlines()
    assert [cell_len(line) for line in lines] == [14, 4, 80, 80, 44]
    assert max(cell_len(line) for line in lines) <= 80 and not any(line.lstrip().startswith("，") for line in lines)
    assert "".join(line.strip() for line in lines[1:]) == f"错误规则: 部分之和超过总数; 消息: {message}"


def test_the_findings_are_a_table_only_where_their_messages_are_not_squeezed() -> None:
    from pairaid.cli.check_commands import MESSAGES_WIDE

    message = "aid_funds 1,574,000,000 CNY of Shandong – Kashi in 2009 is less than the sum of its parts"
    table = Table(title="Findings: 1 error")
    for column in ("severity", "rule", "year", "pairing", "message", "evidence"):
        table.add_column(column, overflow="fold")
    table.add_row("error", "parts_exceed_whole", "2009", "Shandong – Kashgar", message, "doc 1 [0:9]")
    drawn = {}
    for width in (100, MESSAGES_WIDE):
        console = Console(width=width, record=True, force_terminal=True, file=open("/dev/null", "w"))  # noqa: SIM115
        show_table(console, table, wide=MESSAGES_WIDE)
        drawn[width] = console.export_text()

    assert "┃" not in drawn[100] and f"message: {message};" in " ".join(drawn[100].split())
    assert "┃ message" in drawn[MESSAGES_WIDE] and "Kashi in 2009 is less than the" in drawn[MESSAGES_WIDE]


def test_reports_of_one_name_are_written_to_two_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("In 2009, Shandong provided aid funds of 12.5 million yuan.\n", encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>In 2009, Shandong provided aid funds of 3 million yuan.</p>", encoding="utf-8")
    out = tmp_path / "out"

    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "a.html"), "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.html.json", "a.txt.json"]
    values = {p.name: [m["value"] for m in json.loads(p.read_bytes())["mentions"]] for p in out.iterdir()}
    assert values == {"a.txt.json": ["12500000"], "a.html.json": ["3000000"]}
    assert "a.html: 1 mentions, 1 facts (written as a.html.json: another report has its name)" in result.output


def test_output_names_keep_unique_names_and_number_the_rest() -> None:
    paths = [Path("x/a.txt"), Path("y/a.txt"), Path("a.html"), Path("b.txt")]

    assert output_names(paths) == ["a.txt.json", "a.txt-2.json", "a.html.json", "b.json"]


def test_an_output_name_already_taken_by_a_numbered_one_takes_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """d2/a.txt is written as a.txt-2.json: the report a.txt-2.txt must not write over it, and each
    line names the report as given."""
    monkeypatch.chdir(tmp_path)
    for name in ("d1/a.txt", "d2/a.txt", "a.txt-2.txt"):
        Path(name).parent.mkdir(exist_ok=True)
        Path(name).write_text("In 2009, Shandong provided aid funds of 3 million yuan.\n", encoding="utf-8")

    result = runner.invoke(app, ["extract", "d1/a.txt", "d2/a.txt", "a.txt-2.txt", "--out", "out"])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("out").iterdir()) == ["a.txt-2-2.json", "a.txt-2.json", "a.txt.json"]
    assert [line.split(":")[0] for line in result.output.splitlines()] == ["d1/a.txt", "d2/a.txt", "a.txt-2.txt"]
    assert "a.txt-2.txt: 1 mentions, 1 facts (written as a.txt-2-2.json" in result.output


def test_a_text_without_a_year_takes_the_year_its_file_name_holds(tmp_path: Path) -> None:
    undated = "Shandong provided aid funds of 12.5 million yuan to Shule County.\n"
    (tmp_path / "shandong-kashgar-2011.txt").write_text(undated, encoding="utf-8")
    (tmp_path / "shandong.txt").write_text(undated, encoding="utf-8")
    out = tmp_path / "out"

    named = runner.invoke(app, ["extract", str(tmp_path / "shandong-kashgar-2011.txt"), "--out", str(out)])
    nameless = runner.invoke(app, ["extract", str(tmp_path / "shandong.txt"), "--out", str(out)])

    assert named.exit_code == 0, named.output
    assert json.loads((out / "shandong-kashgar-2011.json").read_text(encoding="utf-8"))["report_year"] == 2011
    assert nameless.exit_code == 1
    expected = f"error: {tmp_path / 'shandong.txt'}: no year in the text nor in the file name; give --year\n"
    assert nameless.output == expected


@pytest.mark.django_db
def test_user_create_reads_the_password_from_standard_input() -> None:
    from django.contrib.auth import get_user_model

    made = runner.invoke(app, ["user", "create", "ann", "--password-stdin"], input="Kashi-2009-x!\n")
    asked = runner.invoke(app, ["user", "create", "bob", "--role", "viewer"], input="")

    assert (made.exit_code, made.output) == (0, "user ann: viewer\n")
    assert get_user_model().objects.get(username="ann").check_password("Kashi-2009-x!")
    assert asked.exit_code == 1
    assert asked.output == "error: no terminal to ask the password on: give --password or --password-stdin\n"


@pytest.mark.django_db
def test_a_stored_report_given_another_year_says_what_would_change_and_reads_again_when_asked(
    tmp_path: Path,
) -> None:
    from pairaid.indicators.models import DataValue

    report = tmp_path / "r.txt"
    report.write_text("Shandong provided aid funds of 12.5 million yuan to Shule County.\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(report), "--year", "2009"])

    told = runner.invoke(app, ["ingest", str(report), "--year", "2010"], env={"COLUMNS": "200"})
    years_told = sorted(DataValue.objects.values_list("period_start__year", flat=True))
    again = runner.invoke(app, ["ingest", str(report), "--year", "2010", "--reread"], env={"COLUMNS": "200"})

    assert told.exit_code == 0 and "status: already ingested" in told.output
    said = " ".join(told.output.split())
    assert f"{report}: already ingested; read with these options: report year 2009 -> 2010." in said
    assert "Add --reread to read it again." in said
    assert all(len(line) <= 80 for line in told.output.splitlines() if "options" in line or "--reread" in line)
    assert years_told == [2009]
    assert again.exit_code == 0 and "status: read again" in again.output
    assert sorted(DataValue.objects.values_list("period_start__year", flat=True)) == [2010]


@pytest.mark.django_db
def test_a_stored_report_whose_figures_were_reviewed_is_not_offered_a_reread(tmp_path: Path) -> None:
    from pairaid.indicators.models import DataValue, DataValueStatus

    report = tmp_path / "r.txt"
    report.write_text("Shandong provided aid funds of 12.5 million yuan to Shule County.\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(report), "--year", "2009"])
    DataValue.objects.update(status=DataValueStatus.ACCEPTED)

    told = runner.invoke(app, ["ingest", str(report), "--year", "2010"])

    said = " ".join(told.output.split())
    assert told.exit_code == 0 and "--reread" not in said
    assert "It cannot be read again: 1 reviewed or entered figures, plans or events cite its text" in said
    assert "not facts: quantities read that state no fact" in said


@pytest.mark.django_db
def test_ingest_off_a_terminal_writes_no_progress_bar_nor_its_empty_line(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("In 2009, Shandong provided aid funds of 3 million yuan.\n", encoding="utf-8")

    result = runner.invoke(app, ["ingest", str(report), str(tmp_path / "missing.txt")])

    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'missing.txt'}: no such file\n"


@pytest.mark.django_db
def test_ingest_refuses_an_unknown_place_and_a_place_written_otherwise_is_no_change(tmp_path: Path) -> None:
    from pairaid.sources.models import SourceDocument

    report = tmp_path / "r.txt"
    report.write_text("Shandong provided aid funds of 12.5 million yuan to Shule County.\n", encoding="utf-8")

    unknown = runner.invoke(app, ["ingest", str(report), "--year", "2009", "--recipient", "Atlantis"])
    typo = runner.invoke(app, ["ingest", str(report), "--year", "2009", "--donor", "Shandongg"])
    stored_none = not SourceDocument.objects.exists()
    runner.invoke(app, ["ingest", str(report), "--year", "2009", "--donor", "Shandong"])
    again = runner.invoke(app, ["ingest", str(report), "--year", "2009", "--donor", "山东"], env={"COLUMNS": "200"})
    other = runner.invoke(app, ["ingest", str(report), "--year", "2009", "--donor", "Jiangsu"], env={"COLUMNS": "200"})

    assert unknown.exit_code == 1
    assert unknown.output == (
        "error: --recipient 'Atlantis': no area has that name (nearest: Lantian County, Tiantai County, Awati County)\n"
    )
    assert typo.exit_code == 1
    assert typo.output.startswith("error: --donor 'Shandongg': no area has that name (nearest: ")
    assert "Shandong" in typo.output and stored_none
    assert again.exit_code == 0 and "read with these options" not in again.output
    assert "read with these options: donor 'Shandong' -> 'Jiangsu'." in " ".join(other.output.split())
