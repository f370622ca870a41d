"""Every report format, in both languages, over what an office has after ``pairaid demo`` and
``pairaid ingest ../shared/corpus/reports/*.txt``: the overview of every year 2009–2014 and the
report of every pairing with figures, counting extracted figures (and their findings), are
written in words: no code of the codelists (snake_case), no ``kind:``/``stage:``/``zone:``, no
"batchs"; the Chinese ones have no English word but names typed in Latin letters (of areas,
organisations, documents, activities) and the sentences quoted from the sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reports.test_report_language import _text, names_in_latin

#: Codes and code words that must never reach a reader.
CODE_WORDS = re.compile(r"more_than|kind:|stage:|zone:|batchs|person_time|\bNone\b(?! recorded)|\bnan\b|\{|\}")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
YEARS = range(2009, 2015)


def _unquoted(text: str) -> str:
    """``text`` without what stands between “ and its closing ” (quotes inside quotes included)."""
    out, depth = [], 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


@pytest.fixture(scope="module")
def corpus_reports(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest, shared_dir: Path
) -> Iterator[tuple[dict[tuple[object, ...], str], set[str]]]:
    """The texts of every report, keyed by (kind, language, year, pairing, format); and the names."""
    from django.db import transaction

    from pairaid.checks.services import findings_refresh
    from pairaid.core.documents import read_document
    from pairaid.indicators.models import DataValue
    from pairaid.ingest.services import document_ingest
    from pairaid.registry.imports import shipped_pairings_load
    from pairaid.registry.models import Pairing
    from pairaid.reports.selectors import overview_context, report_context
    from pairaid.reports.services import report_bytes
    from pairaid.sample.evidence import sample_document_ingest, sample_link_evidence
    from pairaid.sample.loader import sample_load

    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        shipped_pairings_load()  # what pairaid demo does
        summary = sample_load()
        ingested = sample_document_ingest()
        assert ingested is not None
        sample_link_evidence(value_ids=summary.data_value_ids, document=ingested.document)
        for path in sorted((shared_dir / "corpus" / "reports").glob("*.txt")):
            document_ingest(document=read_document(path), report_year=None)
        findings_refresh(include_extracted=True)
        texts: dict[tuple[object, ...], str] = {}
        for year in YEARS:
            ids = set(DataValue.objects.filter(period_end__year=year).values_list("pairing", flat=True)) - {None}
            for lang in ("en", "zh-hans"):
                overview = overview_context(year=year, language=lang, include_extracted=True)
                if overview.has_values:
                    for fmt in ("html", "md", "xlsx", "docx", "pdf"):
                        data = report_bytes(context=overview, fmt=fmt)
                        texts[("overview", lang, year, 0, fmt)] = _text(fmt, data)
                for pairing in Pairing.objects.filter(pk__in=ids).order_by("pk"):
                    ctx = report_context(pairing=pairing, year=year, language=lang, include_extracted=True)
                    for fmt in ("html", "md", "xlsx", "docx"):
                        data = report_bytes(context=ctx, fmt=fmt)
                        texts[("pairing", lang, year, pairing.pk, fmt)] = _text(fmt, data)
        names = names_in_latin()
        transaction.set_rollback(True)
    yield texts, names


@pytest.mark.django_db
def test_every_year_every_pairing_every_format_was_written(
    corpus_reports: tuple[dict[tuple[object, ...], str], set[str]],
) -> None:
    texts, _ = corpus_reports
    years = {key[2] for key in texts if key[0] == "overview"}
    assert {2009, 2010, 2011, 2014} <= years  # 2012 and 2013: no figure stored, the command refuses
    assert len({key[3] for key in texts if key[0] == "pairing"}) >= 5
    assert {key[4] for key in texts} == {"html", "md", "xlsx", "docx", "pdf"}


@pytest.mark.django_db
def test_no_report_shows_a_code(corpus_reports: tuple[dict[tuple[object, ...], str], set[str]]) -> None:
    texts, _ = corpus_reports
    problems = []
    for key, text in texts.items():
        own = re.sub(r"https?://\S+", " ", _unquoted(text))
        problems += [(key, word) for word in sorted(set(CODE_WORDS.findall(own)))]
        problems += [(key, code) for code in sorted(set(SNAKE.findall(own)))]
    assert not problems, problems[:20]


@pytest.mark.django_db
def test_the_chinese_reports_have_no_english_but_names(
    corpus_reports: tuple[dict[tuple[object, ...], str], set[str]],
) -> None:
    texts, names = corpus_reports
    problems = []
    for key, text in texts.items():
        if key[1] != "zh-hans":
            continue
        own = re.sub(r"https?://\S+", " ", _unquoted(text))
        found = set(re.findall(r"[A-Za-z]+", own)) - names
        if found:
            problems.append((key, sorted(found)))
        assert "百万元" not in own, key
    assert not problems, problems[:10]
