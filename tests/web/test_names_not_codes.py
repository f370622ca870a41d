"""Names in the reader's language where a name exists, never a code (issue 13): the correction form showed a
figure's pairing by its key ('tb1994-beijing-lhasa'), and a plan's card on /plans/N/YEAR/ was titled with the
pairing's English name first ('Shandong Province (山东省) – … 2008') on Chinese pages."""

from __future__ import annotations

from django.test import Client
from django.utils import translation

from pairaid.plans.services import plan_get_or_create
from pairaid.web.review_forms import CorrectionForm
from tests.web.factories import World, make_figure


def test_the_correction_form_shows_the_pairing_by_name_and_takes_it_back(world: World) -> None:
    world.kashi.key = "tb1994-shandong-kashi"
    world.kashi.save()
    figure = make_figure("schools", "3", pairing=world.kashi, status="extracted")
    with translation.override("zh-hans"):
        form = CorrectionForm(data_value=figure)
        shown = form.initial["pairing"]
        assert shown == "山东省—喀什地区" and "tb1994" not in str(form["pairing"])
        posted = CorrectionForm({"pairing": shown, "value": "4"}, data_value=figure)
        assert posted.is_valid(), posted.errors
        assert posted.changes()["pairing"] == world.kashi
    with translation.override("en"):
        assert "tb1994" not in CorrectionForm(data_value=figure).initial["pairing"]


def test_a_plans_card_is_titled_in_chinese(world: World) -> None:
    plan_get_or_create(user=world.owner, pairing=world.kashi, year=2012)
    client = Client()
    client.force_login(world.owner)
    client.cookies["django_language"] = "zh-hans"
    page = client.get(f"/plans/{world.kashi.pk}/2012/").content.decode()
    card = page[page.index('class="card plan"') :]
    assert "<h3>山东省—喀什地区 2012" in card and "Shandong" not in card[:200]
