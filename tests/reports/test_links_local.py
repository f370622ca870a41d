"""A report whose evidence links lead to this computer's address says so (issue 12: links to
http://127.0.0.1:8000 were written into reports to be emailed without a word)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from pairaid.reports.selectors import report_context
from pairaid.reports.services import report_markdown
from pairaid.reports.xlsx_docx import report_xlsx
from tests.checks.factories import pairing, value


@pytest.mark.django_db
def test_the_report_warns_when_the_sites_address_is_the_default() -> None:
    top = pairing()
    value("aid_funds", "5000000", pairing=top)
    with override_settings(SITE_URL="http://127.0.0.1:8000"):
        context = report_context(pairing=top, year=2009, with_charts=False)
        assert context.links_note.startswith("The links to the evidence lead to http://127.0.0.1:8000, the address")
        assert f"> {context.links_note}" in report_markdown(context=context)
        assert b"The links to the evidence lead to http://127.0.0.1:8000" in _xlsx_text(report_xlsx(context=context))
        zh = report_context(pairing=top, year=2009, language="zh-hans", with_charts=False)
        assert zh.links_note.startswith("出处链接指向生成本报告的计算机的地址 http://127.0.0.1:8000")
    with override_settings(SITE_URL="https://aid.example.org"):
        assert report_context(pairing=top, year=2009, with_charts=False).links_note == ""


def _xlsx_text(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return b"".join(book.read(name) for name in book.namelist() if name.startswith("xl/"))
