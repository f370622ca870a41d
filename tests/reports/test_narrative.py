"""The report's summary: a paragraph per theme from the headline totals, in English and Chinese,
edited before export (pairaid report --narrative-out, then --narrative)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.core.errors import InputError
from pairaid.reports.context import ReportValue
from pairaid.reports.narrative import narrative, narrative_read, narrative_text
from pairaid.reports.selectors import report_context
from pairaid.sample.loader import sample_load


def _total(code: str, value: str, unit: str, shown: str) -> ReportValue:
    return ReportValue(code=code, label=code, subject="", value=Decimal(value), unit=unit, shown=shown, period="")


@pytest.mark.django_db
def test_the_sample_s_summary_in_both_languages() -> None:
    root = sample_load().root
    en = report_context(pairing=root, year=2009, with_charts=False).narrative
    zh = report_context(pairing=root, year=2009, language="zh-hans", with_charts=False).narrative
    assert list(en) == ["funds", "economy", "people"]
    assert en["funds"] == (
        "In 2009, Shandong Province provided aid funds of 1.574 billion yuan (of which 75.8 million yuan in grants)"
        " and 39 projects of aid."
    )
    assert zh["funds"] == "2009年，山东省提供援助资金15.74亿元（其中无偿援助资金7580万元），实施援助项目39个。"
    assert "38,775 people were trained" in en["people"] and "培训38775人" in zh["people"]


def test_parts_larger_than_their_whole_are_said_alone() -> None:
    """Regression (issue 12): a part its whole does not hold was listed beside it ("aid funds of 650,000 yuan
    and 67.03 million yuan of government (fiscal) aid"), as if they added up: a sentence of its own."""
    headline = [
        _total("aid_funds", "650000", "CNY", "650,000 yuan"),
        _total("government_aid_funds", "67030000", "CNY", "67.03 million yuan"),
    ]
    text = narrative(headline=headline, year=2011, who=None, language="en")["funds"]
    assert text == (
        "In 2011, the donor provinces and cities provided aid funds of 650,000 yuan. "
        "In 2011, government (fiscal) aid came to 67.03 million yuan."
    )
    zh = [_total("aid_funds", "650000", "CNY", "65万元"), _total("government_aid_funds", "67030000", "CNY", "6703万元")]
    said = narrative(headline=zh, year=2011, who=None, language="zh-hans")["funds"]
    assert said == "2011年，各帮扶省市提供援助资金65万元。2011年财政援助资金6703万元。"


def _of(code: str, value: str, shown: str, pairings: set[int], reaches: list[set[int]]) -> ReportValue:
    found = _total(code, value, "CNY", shown)
    return replace(found, pairings=frozenset(pairings), reaches=tuple(frozenset(r) for r in reaches))


def test_parts_are_of_which_only_when_the_totals_say_they_are_parts() -> None:
    """Issue 12: grants, government aid and social donations were listed side by side after the aid funds as if
    they summed to it. Pairing 1 over 2; pairing 3 beside them. Grants stated by 2 are inside 1's aid funds
    ("of which"); government aid of pairing 3 and donations with no whole of theirs are sentences apart."""
    headline = [
        _of("aid_funds", "1000", "1,000 yuan", {1, 2}, [{1}]),
        _of("grant_funds", "300", "300 yuan", {2}, [{1, 2}]),
        _of("government_aid_funds", "500", "500 yuan", {3}, [{3}]),
        _of("social_donations", "40", "40 yuan", {3}, [{3}]),
    ]
    en = narrative(headline=headline, year=2012, who="Anhe", language="en")["funds"]
    assert en == (
        "In 2012, Anhe provided aid funds of 1,000 yuan (of which 300 yuan in grants). "
        "In 2012, government (fiscal) aid came to 500 yuan. In 2012, social donations came to 40 yuan."
    )
    zh = [replace(v, shown=v.shown.replace(" yuan", "元")) for v in headline]
    said = narrative(headline=zh, year=2012, who="安和", language="zh-hans")["funds"]
    assert said == (
        "2012年，安和提供援助资金1,000元（其中无偿援助资金300元）。2012年财政援助资金500元。2012年社会捐赠40元。"
    )
    # no whole at all: each part alone, none listed beside another
    alone = narrative(headline=headline[1:3], year=2012, who="Anhe", language="en")["funds"]
    assert alone == "In 2012, grants came to 300 yuan. In 2012, government (fiscal) aid came to 500 yuan."


def test_an_edited_file_replaces_drops_and_keeps_paragraphs() -> None:
    generated = {"funds": "F.", "economy": "E.", "people": "P."}
    text = narrative_text(generated)
    assert text.startswith("## Aid funds\nF.\n\n## Economic cooperation\n")
    edited = "## funds\nShandong gave\nmore than ever.\n\n## Exchanges and training\n\n"
    assert narrative_read(edited, generated) == {"funds": "Shandong gave more than ever.", "economy": "E."}
    with pytest.raises(InputError, match="unknown section 'money'"):
        narrative_read("## money\nx\n", generated)


def test_the_file_to_edit_has_headings_in_the_readers_language_and_is_read_back() -> None:
    """A Chinese report's file heads its paragraphs in Chinese, not with codes (issue 12), and reads back."""
    generated = {"funds": "甲。", "economy": "乙。", "people": "丙。"}
    text = narrative_text(generated, "zh-hans")
    assert text == "## 援助资金\n甲。\n\n## 经济合作\n乙。\n\n## 人才交流与培训\n丙。\n\n"
    edited = narrative_read(text.replace("乙。", "丁。"), generated)
    assert edited == {"funds": "甲。", "economy": "丁。", "people": "丙。"}


def test_numbers_of_an_edited_summary_that_no_figure_holds_are_named() -> None:
    from pairaid.reports.narrative import narrative_unknown_numbers

    generated = {"funds": "In 2012, Anhe provided aid funds of 1.25 million yuan."}
    edited = {"funds": "In 2012, Anhe provided aid funds of 1.25 million yuan, some 3,400 more than 17 schools."}
    assert narrative_unknown_numbers(edited, generated, ["17 schools"]) == ["3,400"]
    assert narrative_unknown_numbers(generated, generated, []) == []


@pytest.mark.django_db
def test_pairaid_report_writes_the_summary_to_edit_and_reads_it_back(tmp_path: Path) -> None:
    sample_load()
    paragraphs, out = tmp_path / "summary.txt", tmp_path / "report.md"
    args = ["report", "--pairing", "Shandong-Xinjiang", "--year", "2009", "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--narrative-out", str(paragraphs)])
    assert result.exit_code == 0, result.output
    assert "## Aid funds\nIn 2009, Shandong Province provided aid funds" in paragraphs.read_text(encoding="utf-8")
    paragraphs.write_text("## Aid funds\nA year of record aid.\n", encoding="utf-8")
    result = CliRunner().invoke(app, [*args, "--narrative", str(paragraphs)])
    assert result.exit_code == 0, result.output
    assert "edited summary" not in result.stderr  # the year and the figures' numbers only
    paragraphs.write_text("## Aid funds\nA year of record aid: 999 million yuan.\n", encoding="utf-8")
    warned = CliRunner().invoke(app, [*args, "--narrative", str(paragraphs)])
    assert warned.exit_code == 0
    assert "warning: " in warned.stderr
    assert "999 in the edited summary is among no figure of the report" in warned.stderr
    paragraphs.write_text("## Aid funds\nA year of record aid.\n", encoding="utf-8")
    result = CliRunner().invoke(app, [*args, "--narrative", str(paragraphs)])
    report = out.read_text(encoding="utf-8")
    assert "A year of record aid." in report and "In exchanges and training," in report
    assert "In 2009, Shandong Province provided" not in report


def test_visits_are_said_in_the_codelist_s_unit_with_words_that_fit_it() -> None:
    """Leaders' visits told in persons and in person-times: the summary says the codelist's person-times
    (issue 12: it said "leaders made 30 people of visits")."""
    headline = [
        _total("leader_visits", "30", "person", "30 people"),
        _total("leader_visits", "45", "person_time", "45 person-times"),
        _total("delegations", "10", "batch", "10 batches"),
    ]
    units = {"leader_visits": "person_time", "delegations": "batch"}
    en = narrative(headline=headline, year=2009, who="Shandong Province", language="en", units=units)
    assert en["people"] == (
        "In exchanges and training, leaders' exchange visits numbered 45 person-times and 10 batches of "
        "delegations visited."
    )
    zh = [_total("leader_visits", "30", "person", "30人"), _total("leader_visits", "45", "person_time", "45人次")]
    said = narrative(headline=zh, year=2009, who="山东省", language="zh-hans", units=units)
    assert "领导互访45人次" in said["people"]
    # without the codelist's units, the first as before
    assert "numbered 30 people" in narrative(headline=headline, year=2009, who="S", language="en")["people"]
