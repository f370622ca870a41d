"""A Chinese report through ingest to the pages and the open-data export: its figures' spans and sentences are
those of the text as stored (Traditional, garble and all), so the document page marks them, the figure page
quotes them and the CSV points at them."""

from __future__ import annotations

import csv
from pathlib import Path

from django.test import Client

from pairaid.core.documents import read_document_bytes
from pairaid.indicators.models import DataValue
from pairaid.ingest.services import document_ingest
from pairaid.interop.opendata import datavalues_csv_export
from pairaid.sources.models import Evidence
from tests.web.factories import World

# made up: Traditional characters, a pinyin garble inside an amount, a byline that is not the report
REPORT = (
    "山東省對口支援新疆疏勒縣\n"
    "來源:某某日報\n"
    "2019年,山東省向疏勒縣投入援疆資金600萬(wàn)元,新建學校12所。\n"
    "全年選派支教教師36名。\n"
)


def _client(user: object) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_chinese_figure_is_marked_and_quoted_in_the_text_as_stored(world: World, tmp_path: Path) -> None:
    result = document_ingest(document=read_document_bytes(REPORT.encode("utf-8"), filename="2019_sd-shule.txt"))
    assert result.document.language == "zh" and result.document.report_year == 2019
    aid = DataValue.objects.get(indicator__code="aid_funds")
    assert aid.value == 6_000_000
    evidence = aid.evidence
    assert evidence is not None
    assert REPORT[evidence.start : evidence.end] == "600萬(wàn)元"
    assert evidence.sentence == "2019年,山東省向疏勒縣投入援疆資金600萬(wàn)元,新建學校12所。"
    assert sorted(e.text for e in Evidence.objects.filter(document=result.document)) == ["12所", "36名", "600萬(wàn)元"]

    page = _client(world.national).get(f"/documents/{result.document.pk}/").content.decode()
    assert f'<mark id="span-{evidence.start}-{evidence.end}" class="status-extracted">600萬(wàn)元</mark>' in page
    detail = _client(world.national).get(f"/figures/{aid.pk}/").content.decode()
    assert "“2019年,山東省向疏勒縣投入援疆資金600萬(wàn)元,新建學校12所。”" in detail

    datavalues_csv_export(path=tmp_path / "values.csv", include_extracted=True)
    with (tmp_path / "values.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["document_sha256"] == result.document.sha256]
    exported = {(r["indicator"], r["value"], r["span_start"], r["span_end"]) for r in rows}
    assert ("aid_funds", "6000000", str(evidence.start), str(evidence.end)) in exported
