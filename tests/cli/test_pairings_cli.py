"""``pairaid pairings list | import | export``: filters, JSON, one error line, a round trip that changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.registry.models import Pairing

pytestmark = pytest.mark.django_db

HEADER = (
    "key,programme,level,donor_code,donor_organisation,recipient_code,recipient_organisation,"
    "start_year,end_year,parent,source_url,source_title,basis,note\n"
)
LINES = HEADER + (
    "t-bj-nm,east_west,province,110000,,150000,,2016,,,https://example.org/g,Guidance,stated,\n"
    "t-tj-gs,east_west,province,120000,,620000,,2016,,,https://example.org/g,Guidance,stated,\n"
    "t-ln-gz,east_west,province,210000,,520000,,2016,,,https://example.org/g,Guidance,stated,\n"
    "t-dl-lps,east_west,prefecture,210200,,520200,,2016,,t-ln-gz,https://example.org/g,Guidance,stated,\n"
    "t-sd-xj,east_west,province,370000,,650000,,1996,2010,,https://example.org/w,\"White paper, table 2\",stated,\n"
    "t-sd-kashi,xinjiang,prefecture,370000,,653100,,2010,,,https://example.org/x,Scheme,stated,\n"
    "t-cmcc-nq,tibet,institution,,Test Telecom Group,,Test County Hospital,2002,,,https://example.org/t,T,inferred,"
    "named in a later report\n"
)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def registry_file(tmp_path: Path) -> Path:
    path = tmp_path / "lines.csv"
    path.write_text(LINES, encoding="utf-8")
    code, output = _run("pairings", "import", str(path))
    assert (code, output.strip()) == (0, f"stored {path}: 7 line(s): 7 new, 0 changed, 0 unchanged")
    return path


def test_list_gives_the_pairings_in_force_in_a_year_of_one_programme_as_json(registry_file: Path) -> None:
    code, output = _run("pairings", "list", "--year", "2017", "--programme", "east_west", "--json")

    assert code == 0
    found = json.loads(output)
    assert [(p["donor_code"], p["recipient_code"], p["level"]) for p in found] == [
        ("110000", "150000", "province"),
        ("120000", "620000", "province"),
        ("210000", "520000", "province"),
        ("210200", "520200", "prefecture"),
    ]
    dalian = found[3]
    assert {k: dalian[k] for k in ("key", "donor", "recipient", "start_year", "end_year", "source")} == {
        "key": "t-dl-lps",
        "donor": "Dalian City",
        "recipient": "Liupanshui City",
        "start_year": 2016,
        "end_year": None,
        "source": "https://example.org/g",
    }
    assert dalian["parent"] == Pairing.objects.get(key="t-ln-gz").pk and dalian["parent_key"] == "t-ln-gz"


def test_list_filters_by_donor_and_recipient_names_as_written(registry_file: Path) -> None:
    code, output = _run("pairings", "list", "--donor", "Liaoning", "--json")
    assert code == 0 and [p["key"] for p in json.loads(output)] == ["t-ln-gz", "t-dl-lps"]
    code, output = _run("pairings", "list", "--recipient", "喀什", "--json")
    assert code == 0 and [p["key"] for p in json.loads(output)] == ["t-sd-kashi"]
    code, output = _run("pairings", "list", "--year", "2011", "--donor", "山东", "--json")
    assert code == 0 and [p["key"] for p in json.loads(output)] == ["t-sd-kashi"]


def test_the_table_fits_eighty_columns(registry_file: Path) -> None:
    code, output = _run("pairings", "list")

    assert code == 0 and "7 pairing(s)" in output
    assert max(len(line) for line in output.splitlines()) <= 80
    assert "Liupanshui" in output and "六盘水市" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("pairings", "list", "--donor", "Atlantis"), "error: no area or organisation is named 'Atlantis'"),
        (("pairings", "list", "--programme", "moon"), "error: unknown programme 'moon'"),
        (("pairings", "import", "missing.csv"), "error: missing.csv does not exist"),
        (("pairings", "import", "lines.txt"), "error: lines.txt: a pairing file is .csv or .xlsx"),
        (("pairings", "export", "--format", "pdf"), "error: unknown format 'pdf'"),
    ],
)
def test_bad_input_is_one_error_line(args: tuple[str, ...], message: str) -> None:
    code, output = _run(*args)

    assert code == 1
    assert output.strip().splitlines()[0].startswith(message) and len(output.strip().splitlines()) == 1


def test_an_import_with_bad_lines_names_each_and_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER
        + "t-ok,east_west,province,110000,,150000,,2016,,,https://example.org/g,G,stated,\n"
        + "t-bad,east_west,province,110000,,15000x,,2016,,,https://example.org/g,G,stated,\n"
        + "t-no-note,east_west,province,120000,,620000,,2016,,,https://example.org/g,G,inferred,\n",
        encoding="utf-8",
    )

    code, output = _run("pairings", "import", str(path))

    assert code == 1
    assert output.splitlines() == [
        "error: nothing stored: 2 problem(s):",
        "bad.csv:3: recipient_code 15000x is not an area code (six digits)",
        "bad.csv:4: note is empty: an inferred line says what it was inferred from",
    ]
    assert Pairing.objects.count() == 0


def test_a_dry_run_says_what_it_would_store(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text(LINES, encoding="utf-8")

    code, output = _run("pairings", "import", str(path), "--dry-run")

    assert (code, output.strip()) == (0, f"would store {path}: 7 line(s): 7 new, 0 changed, 0 unchanged")
    assert Pairing.objects.count() == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imported_again_changes_nothing(registry_file: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"export.{fmt}"
    before = list(Pairing.objects.order_by("pk").values())
    history = Pairing.history.count()

    code, output = _run("pairings", "export", "--out", str(out), "--format", fmt)
    assert (code, output.strip()) == (0, f"wrote {out}: 7 pairings")
    code, output = _run("pairings", "import", str(out))

    assert (code, output.strip()) == (0, f"stored {out}: 7 line(s): 0 new, 0 changed, 7 unchanged")
    assert list(Pairing.objects.order_by("pk").values()) == before
    assert Pairing.history.count() == history


def test_a_csv_export_to_stdout_has_the_registry_columns_parents_first(registry_file: Path) -> None:
    code, output = _run("pairings", "export")

    assert code == 0
    lines = output.splitlines()
    assert lines[0] + "\n" == HEADER
    keys = [line.split(",")[0] for line in lines[1:]]
    assert keys.index("t-ln-gz") < keys.index("t-dl-lps") and len(keys) == 7
    white_paper = 'https://example.org/w,"White paper, table 2",stated,'
    assert "t-sd-xj,east_west,province,370000,,650000,,1996,2010,," + white_paper in lines
