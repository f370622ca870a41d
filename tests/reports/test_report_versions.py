"""A report's key in the shared cache carries the version of the code that builds it (issue 12): a change
to the code, a template or a translation gives new keys, so no report built by older code is read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pairaid
from pairaid.reports.versions import code_version, source_digest


def test_a_changed_line_of_the_report_code_gives_another_version(tmp_path: Path) -> None:
    root = Path(pairaid.__file__).parent
    for package in ("reports", "indicators"):
        shutil.copytree(root / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    packages = ("reports", "indicators")
    first = source_digest(tmp_path, packages)
    assert first == source_digest(root, packages)  # the contents decide, not where they lie
    assert len(first) == 16
    template = tmp_path / "reports" / "templates" / "reports" / "report.md"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = source_digest(tmp_path, packages)
    assert second != first
    (tmp_path / "indicators" / "totals.py").write_text("# another way to count\n", encoding="utf-8")
    assert source_digest(tmp_path, packages) not in (first, second)
    third = source_digest(tmp_path, packages)
    (tmp_path / "indicators" / "migrations" / "9999_any.py").write_text("# not read\n", encoding="utf-8")
    assert source_digest(tmp_path, packages) == third  # migrations are not what a report is built by


def test_the_report_key_holds_the_code_version() -> None:
    from pairaid.reports.selectors import _key

    key = _key("overview", 2009, "en", False, True)
    assert key.startswith(f"report:{code_version()}:overview:2009:en:False:True:")
    assert code_version() == source_digest(Path(pairaid.__file__).parent)
