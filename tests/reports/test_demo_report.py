"""``pairaid demo`` ends by writing the sample's annual report, HTML and PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app


@pytest.mark.django_db
def test_demo_writes_the_annual_report_and_prints_its_paths(settings: object, tmp_path: Path) -> None:
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    result = CliRunner().invoke(app, ["demo"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    html, pdf = sorted((tmp_path / "reports").iterdir())
    assert f"Annual report: {html}" in result.output and f"Annual report: {pdf}" in result.output
    text = html.read_text(encoding="utf-8")
    assert "1.574 billion yuan" in text and "75.80 million yuan" in text
    assert pdf.read_bytes().startswith(b"%PDF")
