"""A pairing's page names things in the reader's language: disaggregations in words, never their codes;
activity titles and the pairings a total adds in Chinese on a Chinese page (issue 12). Made-up values."""

from __future__ import annotations

import pytest
from django.test import Client

from pairaid.activities.models import Activity
from tests.checks.factories import pairing, value


@pytest.mark.django_db
def test_the_pairing_page_gives_words_and_names_in_the_readers_language() -> None:
    top = pairing("370000", "650000")
    kashi = pairing("370000", "653100", level="prefecture", parent=top)
    Activity.objects.create(identifier="A1", title="Qilu park", title_zh="齐鲁工业园", sector="industry", pairing=top)
    value("lectures", "159", pairing=top, disaggregation="kind:seminar")
    value("people_trained", "20", pairing=top)
    value("people_trained", "38755", pairing=kashi)
    en = Client().get(f"/pairings/{top.pk}/?year=2009").content.decode()
    zh = Client(headers={"accept-language": "zh-hans"}).get(f"/pairings/{top.pk}/?year=2009").content.decode()
    assert "kind:seminar" not in en and "kind:seminar" not in zh
    assert " · seminars</td>" in en and " · 学术研讨</td>" in zh
    assert ">Qilu park</a>" in en and ">齐鲁工业园</a>" in zh and "Qilu park" not in zh
    totals = zh.split('id="totals"', 1)[1].split("</table>", 1)[0]
    assert "山东省—喀什地区" in totals and "山东省—新疆维吾尔自治区" in totals and "Shandong" not in totals
