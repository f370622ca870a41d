"""Naming pairings on the command line with the shipped registry: the README's and --help's examples work,
a year picks the pairing in force, real ambiguity lists keys and programmes, codes name areas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.cli.pairing_option import PAIRING_HELP, pairing_from_option
from pairaid.core.errors import InputError
from pairaid.registry.imports import shipped_pairings_load
from pairaid.registry.pairing_names import AmbiguousPairing, pairing_resolve
from pairaid.registry.selectors import pairing_key

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_examples() -> list[tuple[str, int | None]]:
    """Every ``--pairing "NAME" [--year Y]`` of the README, and the names its --pairing paragraph gives."""
    text = README.read_text(encoding="utf-8")
    found = [
        (name, int(year) if year else None)
        for name, year in re.findall(r'--pairing "([^"]+)"(?: --year (\d{4}))?', text)
    ]
    listed = re.search(r"split by any dash or a space\s*\(([^)]*)\)", text)
    assert listed is not None, "the README's --pairing paragraph gives its examples in brackets"
    found += [(name, None) for name in re.findall(r'`"?([^`"]+?)"?`', listed[1])]
    found += [(name, None) for name in re.findall(r"'([^']+)'", PAIRING_HELP)]
    return found


@pytest.fixture
def shipped() -> None:
    shipped_pairings_load()


def test_the_readme_and_help_examples_name_one_pairing(shipped: None) -> None:
    examples = _readme_examples()
    assert ("Shandong-Kashgar", None) in examples and ("Shandong-Xinjiang", 2009) in examples

    for name, year in examples:
        args = ["check", "--pairing", name] + (["--year", str(year)] if year else [])
        result = CliRunner().invoke(app, args)
        assert "error:" not in result.output, (name, result.output)


def test_without_a_year_the_pairing_in_force_now_is_taken_and_with_one_the_pairing_of_that_year(shipped: None) -> None:
    assert pairing_key(pairing_resolve(text="Shandong-Kashgar")) == "xj2010-shandong-kashi"
    assert pairing_key(pairing_resolve(text="Shandong-Kashgar", year=2005)) == "ew1996-shandong-xinjiang-kashi"
    assert pairing_key(pairing_resolve(text="山东-喀什", year=2012)) == "xj2010-shandong-kashi"


def test_a_name_that_stays_ambiguous_lists_keys_and_programmes_and_how_to_choose(shipped: None) -> None:
    with pytest.raises(AmbiguousPairing) as raised:
        pairing_resolve(text="Shandong")

    message = str(raised.value)
    assert "key ew1996-shandong-xinjiang (province, east_west, 1996–2010)" in message
    assert "key xj2010-shandong-xinjiang (province, xinjiang, 2010–)" in message
    assert "xj2010-shandong-kashi" not in message  # three listed, the rest counted
    assert f"; and {len(raised.value.candidates) - 3} more (give its key or id" in message
    assert message.endswith("(give its key or id, or a year (--year) to take the one in force then)")


@pytest.mark.parametrize("text", ["", "  "])
def test_an_empty_pairing_name_is_an_error(shipped: None, text: str) -> None:
    with pytest.raises(InputError, match="a pairing name is empty"):
        pairing_from_option(text)
    result = CliRunner().invoke(app, ["check", "--pairing", text])
    assert result.exit_code == 1 and result.output.startswith("error: a pairing name is empty")


def test_area_codes_name_areas_in_resolve_and_in_list_filters(shipped: None) -> None:
    resolved = CliRunner().invoke(app, ["areas", "resolve", "650500"])
    assert resolved.exit_code == 0 and "哈密" in resolved.output
    former = CliRunner().invoke(app, ["areas", "resolve", "652200"])
    assert former.exit_code == 0 and "650500" in former.output

    jishou = CliRunner().invoke(app, ["pairings", "list", "--recipient", "433101", "--json"])
    assert (jishou.exit_code, jishou.output.strip()) == (0, "[]")  # a known area, no pairing
    shule = CliRunner().invoke(app, ["pairings", "list", "--recipient", "653122", "--json"])
    keys = {p["key"] for p in json.loads(shule.output)}
    assert {"ew2005-shandong-shule", "xj2010-shandong-kashi-shule"} <= keys


def test_the_list_table_shows_each_line_s_source(shipped: None) -> None:
    result = CliRunner().invoke(
        app, ["pairings", "list", "--year", "2011", "--programme", "xinjiang", "--donor", "Shandong"]
    )

    assert result.exit_code == 0
    assert "source" in result.output and "xj.news.cn" in "".join(result.output.split())
