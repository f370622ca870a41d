"""``pairaid init`` loads the shipped pairing registry, once: the acceptance lists of issue 10 hold after it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.cli.setup_commands import initialise
from pairaid.core.registry import shipped_registry
from pairaid.registry.models import Pairing
from tests.core.test_registry_data import GUIDANCE_2016_PREFECTURES, GUIDANCE_2016_PROVINCES

pytestmark = pytest.mark.django_db


def listed(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["pairings", "list", *args, "--json"])
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.output)
    return found


def test_init_stores_every_shipped_line_once_with_its_key_and_source() -> None:
    initialise(verbose=False, registry=True)
    shipped = {r.key: r for r in shipped_registry()}
    stored = {p.key: p for p in Pairing.objects.select_related("parent")}
    assert set(stored) == set(shipped)
    kashi = stored["xj2010-shandong-kashi-shule"]
    assert (kashi.recipient_area.code, kashi.level, kashi.programme, kashi.start_year, kashi.end_year) == (
        "653122",
        "county",
        "xinjiang",
        2010,
        None,
    )
    assert kashi.parent.key == "xj2010-shandong-kashi"
    assert kashi.source_url == shipped["xj2010-shandong-kashi-shule"].source_url
    baosteel = stored["tb2002-baosteel-shigatse"]
    assert (baosteel.donor_organisation.name, baosteel.recipient_area.code) == ("宝钢集团", "540200")
    histories = Pairing.history.count()

    initialise(verbose=False, registry=True)

    assert Pairing.objects.count() == len(shipped)
    assert Pairing.history.count() == histories  # the second run changed nothing


def test_after_init_the_lists_of_the_issue_hold_and_every_line_has_its_source() -> None:
    initialise(verbose=False, registry=True)
    east_west = listed("--year", "2017", "--programme", "east_west")
    provinces = {(p["donor_code"], p["recipient_code"]) for p in east_west if p["level"] == "province"}
    assert provinces == GUIDANCE_2016_PROVINCES
    cities = {(p["donor_code"], p["recipient_code"]) for p in east_west if p["level"] == "prefecture"}
    assert cities >= GUIDANCE_2016_PREFECTURES
    dalian = next(p for p in east_west if p["key"] == "ew2016-dalian-liupanshui")
    assert (dalian["donor"], dalian["recipient"], dalian["start_year"]) == ("Dalian City", "Liupanshui City", 2016)
    assert dalian["source"] == "http://daily.cnnb.com.cn/nbrb/html/2016-12/08/content_1015203.htm"
    xinjiang = listed("--year", "2011", "--programme", "xinjiang")
    donors = {p["donor_code"] for p in xinjiang if p["level"] == "province"}
    assert len(donors) == 19
    assert all({p["recipient_code"] for p in xinjiang if p["donor_code"] == d} - {"650000"} for d in donors)
    assert all(str(p["source"]).startswith("http") for p in east_west + xinjiang)


def test_the_sample_loaded_after_init_joins_the_shipped_pairings() -> None:
    from pairaid.sample.loader import sample_load

    initialise(verbose=False, registry=True)
    summary = sample_load()
    assert summary.root.key == "ew1996-shandong-xinjiang"
    # only the sample's own 'ten counties with ten counties' pairing is new
    assert Pairing.objects.count() == len(shipped_registry()) + 1
    shule = Pairing.objects.get(donor_area__code="370000", recipient_area__code="653122", programme="east_west")
    assert shule.key == "ew2005-shandong-shule"


def test_init_again_keeps_what_an_office_changed_in_a_shipped_pairing() -> None:
    from pairaid.registry.services import pairing_end

    initialise(verbose=False, registry=True)
    pairing_end(pairing=Pairing.objects.get(key="ew1996-beijing-innermongolia"), end_year=2025)

    initialise(verbose=False, registry=True)

    assert Pairing.objects.get(key="ew1996-beijing-innermongolia").end_year == 2025


def test_the_sample_loaded_before_init_is_adopted_by_the_shipped_lines() -> None:
    from pairaid.sample.loader import sample_load

    root = sample_load().root
    assert root.key == ""
    initialise(verbose=False, registry=True)
    root.refresh_from_db()
    assert (root.key, root.start_year, root.end_year) == ("ew1996-shandong-xinjiang", 1996, 2010)
    assert Pairing.objects.count() == len(shipped_registry()) + 1


def test_commands_other_than_init_and_demo_do_not_load_the_registry() -> None:
    initialise(verbose=False)
    assert not Pairing.objects.exists()
