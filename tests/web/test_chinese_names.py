"""Chinese pages name things, not codes (issue 13): a review card's reading rule by what it reads and gives,
the figure form's pairings and the events page's areas by their Chinese names; English pages keep English."""

from __future__ import annotations

import re
from decimal import Decimal

from django.test import Client

from pairaid.events.services import event_create
from tests.web.factories import World, area, make_report


def _page(user: object, language: str, url: str) -> str:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_review_card_names_its_reading_rule_in_the_readers_language(world: World) -> None:
    report = make_report(world.kashi)
    report.aid.rule = "funds.grant_named"
    report.aid.save()
    report.trained.rule = "people.trained"
    report.trained.save()
    zh = _page(world.admin, "zh-hans", "/review/")
    en = _page(world.admin, "en", "/review/")
    assert "援助资金规则：无偿援助资金" in zh and "人员规则：培训人数" in zh
    assert "rule on aid money: Grants (free aid)" in en and "rule on people: People trained" in en
    assert 'title="money called grants, granted, free aid or given free of charge (F2.1)"' in en
    for page in (zh, en):  # the id stays only in an attribute, never among the words
        assert ">funds.grant_named<" not in page and "<code>funds.grant_named</code>" not in page
    options = dict(re.findall(r'<option value="([a-z_]+\.[a-z_]+)"[^>]*>([^<]*)</option>', zh))
    assert options == {"funds.grant_named": "援助资金规则：无偿援助资金", "people.trained": "人员规则：培训人数"}
    detail = _page(world.admin, "zh-hans", f"/figures/{report.aid.pk}/")
    assert "援助资金规则：无偿援助资金" in detail and "<code>funds.grant_named</code>" not in detail


def test_the_figure_form_lists_pairings_by_their_chinese_names(world: World) -> None:
    zh = _page(world.owner, "zh-hans", "/figures/new/")
    en = _page(world.owner, "en", "/figures/new/")
    select = re.search(r'<select name="pairing"[^>]*>(.*?)</select>', zh, re.S)
    assert select is not None
    names = dict(re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select.group(1)))
    assert names == {str(world.shandong.pk): "山东省—新疆维吾尔自治区", str(world.kashi.pk): "山东省—喀什地区"}
    assert f'<option value="{world.kashi.pk}">{world.kashi}</option>' in en


def test_the_events_page_names_a_cadre_batchs_area_in_the_readers_language(world: World) -> None:
    data = {"year": 2009, "number": 3, "persons": 12, "area": area("653122")}
    event_create(user=world.admin, kind="cadre_batch", pairing=world.kashi, data=data)
    zh = _page(world.owner, "zh-hans", f"/events/{world.kashi.pk}/2009/")
    en = _page(world.owner, "en", f"/events/{world.kashi.pk}/2009/")
    assert "地区: 疏勒县" in zh or "地区：疏勒县" in zh, re.findall(r"<td>[^<]*12[^<]*</td>", zh)
    assert "Shule" not in zh
    assert "area: Shule" in en


def test_chinese_pages_give_activities_titles_disaggregations_and_totals_sources_in_chinese(world: World) -> None:
    """An activity's Chinese title, a disaggregation's codelist name and the pairing a total counts are
    shown on Chinese pages (they showed the English title, the code ``kind:lecture`` and "Shandong
    Province (山东省) – Kashi Prefecture (喀什地区)"); English pages keep English."""
    from tests.web.factories import make_activity, make_figure

    activity = make_activity(world.kashi, "T-1", title="Shule bilingual kindergarten")
    activity.title_zh = "疏勒县双语幼儿园"
    activity.save()
    lectures = make_figure("lectures", "120", pairing=world.kashi, status="accepted")
    lectures.disaggregation = "kind:lecture"
    lectures.save()
    zh = _page(world.owner, "zh-hans", f"/pairings/{world.kashi.pk}/")
    en = _page(world.owner, "en", f"/pairings/{world.kashi.pk}/")
    assert "疏勒县双语幼儿园" in zh and "Shule bilingual kindergarten" not in zh
    assert "讲座" in zh and "kind:lecture" not in zh
    assert "Shule bilingual kindergarten" in en and "· lectures" in en and "kind:lecture" not in en
    # a total's kept statements (the "Counted" column) by the pairing's or area's name in the reader's language
    from django.utils import translation

    from pairaid.core.tree_sums import Statement
    from pairaid.indicators.statements import AreaTree
    from pairaid.web.templatetags.pairaid_web import kept_name

    of_pairing = Statement(world.kashi.pk, Decimal(120), 1, False, str(world.kashi))
    of_area = Statement(area("653122").pk, Decimal(5), 1, False, AreaTree.load().label(area("653122").pk), of_area=True)
    with translation.override("zh-hans"):
        assert (kept_name(of_pairing), kept_name(of_area)) == ("山东省—喀什地区", "疏勒县")
    with translation.override("en"):
        assert kept_name(of_pairing) == "Shandong Province (山东省) – Kashi Prefecture (喀什地区)"
        assert kept_name(of_area) == "Shule County (疏勒县)"
    detail = _page(world.owner, "zh-hans", f"/figures/{lectures.pk}/")
    assert "<td>专题讲座</td>" in detail  # the part (lectures) by its codelist name, beside the indicator's 讲座
    activity.recipient_areas.add(area("653122"))
    assert "疏勒县双语幼儿园" in _page(world.owner, "zh-hans", "/areas/653122/")
