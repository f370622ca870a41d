"""The review queue on the demo's data (issue 13: the README's review step answered 409): the sample's 2009
dataset is approved, so the figures of the summary report it holds say so in the queue, with a link to the
dataset and no Accept, Correct or Reject, in the queue and on the document's page; the others are reviewed;
returned, every figure is reviewed."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pairaid.core.errors import LockedError
from pairaid.indicators.models import DataValue
from tests.web.factories import make_user, sample_dataset_returned

pytestmark = pytest.mark.django_db


def _cards(page: str) -> dict[int, str]:
    """Each figure's review actions by figure id."""
    found = re.findall(r'<div class="review-actions" data-figure="(\d+)">(.*?)</div>', page, re.S)
    return {int(pk): body for pk, body in found}


def test_the_queue_says_which_figures_an_approved_dataset_locks(settings: pytest.FixtureRequest) -> None:
    from pairaid.core.documents import read_document
    from pairaid.datasets.locks import require_datavalue_unlocked
    from pairaid.ingest.services import document_ingest
    from pairaid.sample.loader import sample_load, sample_path

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    root = sample_load().root
    report = sample_path().with_name("shandong_xinjiang_2009_summary.txt")
    document = document_ingest(
        document=read_document(report), report_year=2009, donor="Shandong", recipient="Xinjiang"
    ).document
    national = make_user("reviewer", "national_office")
    locked, open_ = [], []
    for figure in DataValue.objects.filter(status="extracted").order_by("pk"):
        try:
            require_datavalue_unlocked(figure)
        except LockedError:
            locked.append(figure.pk)
        else:
            open_.append(figure.pk)
    assert locked and open_
    zh = "已锁定：山东省—新疆维吾尔自治区 2009年数据集"
    for language, words in (("en", "Locked: the 2009 dataset of"), ("zh-hans", zh)):
        client = Client(headers={"Accept-Language": language})
        client.force_login(national)
        client.get("/review/")
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/review/?order=&page=1").content.decode()
        assert len(queries) <= 20, len(queries)
        cards = _cards(page)
        shown_locked = [pk for pk in locked if pk in cards]
        shown_open = [pk for pk in open_ if pk in cards]
        assert shown_locked and shown_open
        for pk in shown_locked:
            assert words in cards[pk] and f"/datasets/{root.pk}/2009/" in cards[pk]
            assert 'name="accept"' not in cards[pk] and 'name="reject"' not in cards[pk]
        for pk in shown_open:
            assert "data-locked" not in cards[pk] and 'name="reject"' in cards[pk]
    client = Client()
    client.force_login(national)
    cards = _cards(client.get(f"/documents/{document.pk}/").content.decode())  # the document's page alike
    assert all("data-locked" in cards[pk] and 'name="accept"' not in cards[pk] for pk in locked if pk in cards)
    assert any(pk in cards for pk in locked) and all('name="reject"' in cards[pk] for pk in open_ if pk in cards)
    assert client.post(f"/figures/{locked[0]}/accept/").status_code == 409  # the rule stands
    sample_dataset_returned(root)
    cards = _cards(client.get("/review/").content.decode())
    assert not any("data-locked" in body for body in cards.values())
    assert client.post(f"/figures/{locked[0]}/reject/").status_code == 302
    assert DataValue.objects.get(pk=locked[0]).status == "rejected"
