"""The verbs given bad input: one line on stderr, a non-zero exit, nothing stored, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.config.environment import SettingError, env_database
from pairaid.registry.models import Pairing
from pairaid.sample.loader import sample_load


@pytest.fixture
def sample_root(db: None) -> Pairing:
    """The built-in Shandong–Xinjiang 2009 sample, loaded; its top pairing."""
    return sample_load().root


REPORT = "In 2013, Anhe provided aid funds of 6.5 million yuan.\n"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output  # stdout and stderr, as printed


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("foo://bar", "PAIRAID_DATABASE_URL: 'foo' is not a database URL"),
        ("mysql://u@h/db", "PAIRAID_DATABASE_URL: mysql:// is not supported"),
    ],
)
def test_a_database_url_pairaid_cannot_use_is_one_setting_error(
    monkeypatch: pytest.MonkeyPatch, url: str, message: str
) -> None:
    monkeypatch.setenv("PAIRAID_DATABASE_URL", url)
    with pytest.raises(SettingError, match=message):
        env_database("DATABASE_URL", "sqlite:///x.sqlite3")


def test_a_sqlite_folder_that_cannot_be_made_is_one_setting_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(SettingError, match="cannot make the folder"):
        env_database("UNSET_FOR_THIS_TEST", f"sqlite:///{tmp_path}/file/db.sqlite3")


def test_extract_to_a_file_or_below_one_is_one_line(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    code, output = _run("extract", str(report), "--out", str(report))
    assert code == 1 and output == f"error: {report}: --out must be a folder, not a file\n"
    code, output = _run("extract", str(report), "--out", str(report / "sub"))
    assert code == 1 and output == f"error: {report / 'sub'}: Not a directory\n"


def test_a_year_outside_1949_2100_is_refused(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    code, output = _run("extract", str(report), "--out", str(tmp_path), "--year", "1800")
    words = " ".join(output.replace("│", " ").split())  # the message as words, whatever the box width
    assert code == 2 and "Invalid value for '--year'" in words and "1949" in words
    assert not (tmp_path / "r.json").exists()


def test_areas_resolve_prints_markup_in_a_name_as_typed() -> None:
    code, output = _run("areas", "resolve", "[red]Nowhere[/red]" + "x" * 100)
    assert code == 1 and output == "error: no area matches '[red]Nowhere[/red]" + "x" * 42 + "…'\n"


def test_report_refuses_a_format_its_file_contradicts_and_an_unknown_language(
    sample_root: Pairing, tmp_path: Path
) -> None:
    out = tmp_path / "r.pdf"
    code, output = _run("report", "-p", str(sample_root.pk), "-y", "2009", "-f", "html", "-o", str(out))
    assert code == 1 and output == f"error: --out {out} ends in .pdf but --format is html; make them agree\n"
    code, output = _run("report", "-p", str(sample_root.pk), "-y", "2009", "--lang", "fr", "-o", str(out))
    assert code == 1 and output == "error: unknown language 'fr' (use one of en, zh-hans)\n"
    assert not out.exists()


def test_report_refuses_a_file_name_of_no_report_format_and_says_when_it_makes_a_folder(
    sample_root: Pairing, tmp_path: Path
) -> None:
    out = tmp_path / "r5.txt"
    code, output = _run("report", "-p", str(sample_root.pk), "-y", "2009", "-o", str(out))
    assert code == 1
    formats = ".html, .pdf, .md, .xlsx, .docx"
    assert output == f"error: --out {out}: .txt is not a report format; end the name in {formats}, or give --format\n"
    assert not out.exists()
    deeper = tmp_path / "new" / "folder" / "r.md"
    code, output = _run("report", "-p", str(sample_root.pk), "-y", "2009", "-o", str(deeper))
    assert code == 0 and output.startswith(f"created the folder {deeper.parent}\nwrote {deeper}\n")
    # the site's address is the default: the report's links open on this computer only, and it says so
    warning = "warning: its evidence links lead to http://127.0.0.1:8000, this computer's address: set PAIRAID_SITE_URL"
    assert output.endswith("\n") and output.splitlines()[-1].startswith(warning)


@pytest.mark.parametrize(
    ("name", "dotfile"), [("r", ""), ("r.", ""), (".pdf", " (a name that starts with a dot has none)")]
)
def test_report_refuses_a_file_name_of_no_suffix_unless_the_format_is_given(
    sample_root: Pairing, tmp_path: Path, name: str, dotfile: str
) -> None:
    out = tmp_path / name
    code, output = _run("report", "-p", str(sample_root.pk), "-y", "2009", "-o", str(out))
    formats = ".html, .pdf, .md, .xlsx, .docx"
    expected = f"error: --out {out}: the name has no report suffix{dotfile}; end it in {formats}, or give --format\n"
    assert code == 1 and output == expected
    assert list(tmp_path.iterdir()) == []
    code, output = _run("report", "-p", str(sample_root.pk), "-y", "2009", "-f", "md", "-o", str(out))
    assert code == 0 and out.read_text(encoding="utf-8").startswith("# Shandong – Xinjiang: Annual report 2009")


def test_report_into_a_folder_is_one_line_and_the_format_follows_the_suffix(
    sample_root: Pairing, tmp_path: Path
) -> None:
    code, output = _run("report", "-p", str(sample_root.pk), "-y", "2009", "-o", str(tmp_path))
    assert code == 1 and output == f"error: {tmp_path}: is a folder; --out names the file to write\n"
    out = tmp_path / "r.md"
    code, output = _run("report", "-p", str(sample_root.pk), "-y", "2009", "-o", str(out))
    assert code == 0 and out.read_text(encoding="utf-8").startswith("# Shandong – Xinjiang: Annual report 2009")


def test_export_into_a_folder_and_a_form_not_named_xlsx_are_one_line(sample_root: Pairing, tmp_path: Path) -> None:
    code, output = _run("export", "-f", "csv", "-o", str(tmp_path))
    assert code == 1 and output == f"error: {tmp_path}: is a folder; --out names the file to write\n"
    code, output = _run("export-form", str(tmp_path / "f.csv"), "-p", str(sample_root.pk), "-y", "2009")
    assert code == 1 and output == f"error: {tmp_path / 'f.csv'}: the form is an Excel workbook; name it ….xlsx\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_user_create_with_a_bad_role_weak_password_or_no_name_stores_no_user() -> None:
    good = "Kashgar-Shule-2009!"
    code, output = _run("user", "create", "bob", "--role", "god", "--password", good)
    assert code == 1 and output.startswith("error: unknown role 'god'")
    code, output = _run("user", "create", "carl", "--password", "1")
    assert code == 1 and output.startswith("error: password: This password is too short.")
    code, output = _run("user", "create", "", "--password", good)
    assert code == 1 and output == "error: a user needs a name\n"
    assert not get_user_model().objects.exists()
    code, output = _run("user", "create", "bob", "--role", "viewer", "--password", good)
    assert code == 0 and output == "user bob: viewer\n"


@pytest.mark.django_db
def test_serve_on_an_address_it_cannot_listen_on_is_one_line() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        in_use = _run("serve", f"127.0.0.1:{port}", "--no-worker")
    assert in_use == (1, f"error: cannot listen on 127.0.0.1:{port}: Address already in use\n")
    assert _run("serve", "notanaddress", "--no-worker") == (
        1,
        "error: 'notanaddress' is not host:port or a port number (such as 127.0.0.1:8000)\n",
    )
    assert _run("serve", "127.0.0.1:99999", "--no-worker") == (
        1,
        "error: 127.0.0.1:99999: port 99999 is not between 1 and 65535\n",
    )


@pytest.mark.django_db
def test_token_revoke_of_a_prefix_no_token_in_use_has_is_refused() -> None:
    from pairaid.accounts.services import token_create

    get_user_model().objects.create_user("ann")
    prefix = token_create(username="ann").token[:12]

    assert _run("token", "revoke", prefix) == (0, "revoked: 1\n")
    refused = f"error: no token in use starts with '{prefix}' (give a token's first 12 characters)\n"
    assert _run("token", "revoke", prefix) == (1, refused)
    assert _run("token", "revoke", "zzzzzzzzzzzz")[0] == 1


@pytest.mark.django_db
def test_import_form_of_a_file_that_is_no_workbook_says_so_in_our_words(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("a", encoding="utf-8")

    assert _run("import-form", str(text)) == (1, f"error: {text} is not an Excel workbook (.xlsx)\n")
