"""``pairaid extract``: gold-format JSON per report, one line per failed file, no database."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pairaid.cli.main import app

REPORT = "Anhe – Baishan Pairing-off Poverty Alleviation\nIn 2013, Anhe provided aid funds of 6.5 million yuan.\n"


def test_it_writes_one_json_per_report_and_reports_failures(tmp_path: Path) -> None:
    good = tmp_path / "2014_anhe-baishan.txt"
    good.write_text("\ufeff" + REPORT, encoding="utf-8")
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(bad), str(good), "--out", str(out)])
    assert result.exit_code == 1
    data = json.loads((out / "2014_anhe-baishan.json").read_text(encoding="utf-8"))
    assert data["report_year"] == 2013
    assert [m["value"] for m in data["mentions"]] == ["6500000"]
    assert data["facts"][0]["indicator"] == "aid_funds"
    assert data["facts"][0]["period"] == {"kind": "year", "year": 2013}
    assert not (out / "broken.json").exists()


def test_the_year_option_wins_and_a_report_without_a_year_fails(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("Anhe built 4 schools.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["extract", str(plain), "--out", str(out)]).exit_code == 1
    result = CliRunner().invoke(app, ["extract", str(plain), "--out", str(out), "--year", "2011"])
    assert result.exit_code == 0
    assert json.loads((out / "notes.json").read_text(encoding="utf-8"))["report_year"] == 2011


def test_a_missing_or_unreadable_input_stops_the_run_before_anything_is_written(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(REPORT, encoding="utf-8")
    second = tmp_path / "a.html"
    second.write_text(f"<p>{REPORT}</p>", encoding="utf-8")
    missing = tmp_path / "a.TXT"
    out = tmp_path / "out"
    arguments = ["extract", str(first), str(second), str(missing), str(tmp_path), "--out", str(out)]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 1
    assert result.output == f"error: {missing}: no such file\nerror: {tmp_path}: is a directory, not a file\n"
    assert not out.exists()


def test_an_unknown_donor_or_recipient_is_refused_with_the_nearest_names(tmp_path: Path) -> None:
    report = tmp_path / "y.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(report), "--out", str(out), "--recipient", "Atlantis"])
    assert result.exit_code == 1
    nearest = "Lantian County, Tiantai County, Awati County"
    assert result.output == f"error: --recipient 'Atlantis': no area has that name (nearest: {nearest})\n"
    result = CliRunner().invoke(app, ["extract", str(report), "--out", str(out), "--donor", "山东x"])
    assert result.exit_code == 1
    assert result.output == "error: --donor '山东x': no area has that name (nearest: 山东省, 邵东县, 山丹县)\n"
    assert not out.exists()
    listed = ["--recipient", "Yingjisha and Yuepuhu", "--donor", "Shandong Province"]
    result = CliRunner().invoke(app, ["extract", str(report), "--out", str(out), *listed])
    assert result.exit_code == 0 and (out / "y.json").exists()
