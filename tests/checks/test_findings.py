"""Findings stored from data values, and ``pairaid check``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from typer.testing import CliRunner

from pairaid.checks.models import Finding
from pairaid.checks.services import findings_refresh
from pairaid.cli.main import app
from tests.checks.factories import document, pairing, value

pytestmark = pytest.mark.django_db

TEXT = (
    "In 2009 the province gave aid funds of 46.9 million yuan, of which 30.2 million yuan to Shule and "
    "17.9 million yuan to Shufu. It built 111 projects: 22 roads, 21 schools, 10 parks, 1 clinic, 2 farms "
    "and 57 wells."
)


@pytest.fixture
def xinjiang() -> object:
    return pairing(name="Shandong – Xinjiang")


def _seed(p: object, *, status: str = "entered") -> None:
    doc = document(TEXT)
    whole = value("aid_funds", "46900000", pairing=p, doc=doc, written="46.9 million yuan", status=status)
    value(
        "aid_funds",
        "30200000",
        pairing=p,
        subject_area=None,
        doc=doc,
        written="30.2 million yuan",
        part_of=whole,
        status=status,
        disaggregation="Shule",
    )
    value(
        "aid_funds",
        "17900000",
        pairing=p,
        doc=doc,
        written="17.9 million yuan",
        part_of=whole,
        status=status,
        disaggregation="Shufu",
    )
    projects = value("aid_projects", "111", pairing=p, doc=doc, written="111 projects", status=status)
    for written in ("22 roads", "21 schools", "10 parks", "1 clinic", "2 farms", "57 wells"):
        value(
            "aid_projects",
            written.split()[0],
            pairing=p,
            doc=doc,
            written=written,
            part_of=projects,
            status=status,
            disaggregation=written.split()[1],
        )


def test_it_stores_a_count_against_its_list_with_values_and_evidence(xinjiang: object) -> None:
    _seed(xinjiang)
    result = findings_refresh(pairing=xinjiang, year=2009)
    assert (result.errors, result.warnings) == (2, 0)
    counted = Finding.objects.get(rule="count_against_list")
    assert counted.values == [["whole", "111"], ["sum of parts", "113"]]  # exact, not at the column's scale
    assert counted.data_values.count() == 7
    assert counted.evidence is not None and counted.evidence.text == "111 projects"
    assert (counted.pairing, counted.year) == (xinjiang, 2009)
    parts = Finding.objects.get(rule="parts_exceed_whole")
    assert "48.1 million yuan" in parts.message  # 30.2 + 17.9, more than 46.9 ± 0.05


def test_refreshing_again_gives_the_same_findings(xinjiang: object) -> None:
    _seed(xinjiang)
    findings_refresh(pairing=xinjiang, year=2009)
    findings_refresh(pairing=xinjiang, year=2009)
    assert Finding.objects.count() == 2


def test_extracted_values_are_checked_only_when_asked(xinjiang: object) -> None:
    _seed(xinjiang, status="extracted")
    assert findings_refresh(pairing=xinjiang, year=2009).total == 0
    assert findings_refresh(pairing=xinjiang, year=2009, include_extracted=True).errors == 2


def test_a_correction_stands_for_the_extracted_value_it_corrects(xinjiang: object) -> None:
    value("contract_value", "412500000", pairing=xinjiang, status="extracted")
    value("contract_value", "420000000", pairing=xinjiang, status="corrected")
    assert findings_refresh(pairing=xinjiang, include_extracted=True).total == 0


def test_a_growth_rate_against_the_stored_year_before(xinjiang: object) -> None:
    value("aid_funds", "100000000", pairing=xinjiang, year=2008)
    value("aid_funds", "150000000", pairing=xinjiang, year=2009, change_percent="21.8", change_base_year=2008)
    findings_refresh(pairing=xinjiang, year=2009)
    finding = Finding.objects.get()
    assert finding.rule == "growth_rate_mismatch"
    assert ["rate from stored values", "50"] in finding.values


def test_pairaid_check_prints_the_findings_and_fails_under_strict(xinjiang: object) -> None:
    _seed(xinjiang)
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--pairing", "Shandong-Xinjiang", "--year", "2009", "--strict"])
    assert result.exit_code == 1, result.output
    assert "a count against the list of its parts" in result.output and "count_against_list" not in result.output
    assert "Findings — errors: 2, warnings: 0, notes: 0" in result.output
    relaxed = runner.invoke(app, ["check", "--pairing", str(xinjiang.pk), "--year", "2009"])  # type: ignore[attr-defined]
    assert relaxed.exit_code == 0
    assert Decimal(Finding.objects.get(rule="count_against_list").values[1][1]) == 113


def test_pairaid_check_counts_in_the_severity_column_words_and_plurals(xinjiang: object) -> None:
    value("aid_funds", "100000000", pairing=xinjiang, year=2008)
    value("aid_funds", "150000000", pairing=xinjiang, year=2009, change_percent="21.8", change_base_year=2008)

    result = CliRunner().invoke(app, ["check", "--year", "2009", "--extracted"])

    assert result.output.splitlines()[:2] == ["Findings — errors: 0, warnings: 1, notes: 0", "Warning"]


def test_pairaid_check_speaks_chinese_with_labels_not_codes(xinjiang: object) -> None:
    """Issue 12: the findings came out in English with the checks' codes whatever the language."""
    _seed(xinjiang)
    runner = CliRunner()
    for args, env in ((["--lang", "zh-hans"], {}), ([], {"LANG": "zh_CN.UTF-8", "LC_ALL": ""})):
        result = runner.invoke(app, ["check", "--year", "2009", *args], env=env)
        text = "".join(result.output.split())  # a table or paragraphs, however wide the terminal
        assert result.exit_code == 0, result.output
        assert text.startswith("核查发现：错误2项，警告0项，提示0项")
        assert "错误" in text and "总数与所列分项个数不符" in text and "分项之和超过总数" in text
        assert not any(code in text for code in ("count_against_list", "parts_exceed_whole", "error", "rule"))
        assert "山东省" in text  # the pairing by its Chinese name
    bad = runner.invoke(app, ["check", "--lang", "fr"])
    assert bad.exit_code == 1 and "error: --lang: 'fr' is not a language of pairaid" in bad.output


def test_findings_stored_at_the_column_s_scale_are_made_exact(xinjiang: object) -> None:
    """Findings stored before the checks wrote exact values ('111.0000') are rewritten by the migration."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("pairaid.checks.migrations.0002_exact_finding_values")
    old = Finding.objects.create(
        rule="count_against_list",
        severity="error",
        message="made up",
        values=[["whole", "111.0000"], ["implied", "2510000000.000"], ["rate", "28.2000"], ["note", "n/a"]],
    )
    migration.exact_values(apps, None)
    old.refresh_from_db()
    assert old.values == [["whole", "111"], ["implied", "2510000000"], ["rate", "28.2"], ["note", "n/a"]]
