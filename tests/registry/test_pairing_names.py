"""Naming a pairing: ids, keys, donor and recipient in English, pinyin or Chinese; ambiguity lists the candidates.

The registry here is made up for the tests (real area codes, invented pairings).
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.core.errors import InputError
from pairaid.geo.models import Area
from pairaid.registry.models import Pairing
from pairaid.registry.pairing_names import AmbiguousPairing, pairing_description, pairing_matches, pairing_resolve
from pairaid.registry.services import PairingSpec, organisation_get_or_create, pairing_create
from tests.registry.sources import SOURCE

pytestmark = pytest.mark.django_db


def area(code: str) -> Area:
    return Area.objects.get(code=code)


@pytest.fixture
def registry() -> dict[str, Pairing]:
    def pair(donor: str, recipient: str, level: str, **kw: object) -> Pairing:
        return pairing_create(
            PairingSpec(
                **SOURCE,
                donor_area=area(donor),
                recipient_area=area(recipient),
                level=level,
                **kw,  # type: ignore[arg-type]
            )
        )

    sd_xj = pair("370000", "650000", "province", start_year=1996, end_year=2009, key="ew-shandong-xinjiang")
    sd_kashi = pair("370000", "653100", "prefecture", start_year=1996, end_year=2009, parent=sd_xj)
    sd_shule = pair("370000", "653122", "county", start_year=1996, end_year=2009, parent=sd_kashi)
    ten = pair("370000", "650000", "county", start_year=1996, end_year=2009, pair_count=10, parent=sd_xj)
    jinan_shufu = pair("370100", "653121", "county", start_year=1996, end_year=2009, parent=sd_kashi)
    sh_kashi = pair("310000", "653100", "prefecture", start_year=2010, programme="xinjiang")
    sd_xj_2010 = pair("370000", "650000", "province", start_year=2010, programme="xinjiang")
    mining, _ = organisation_get_or_create(name="Xinwen Mining Group", name_zh="新汶矿业集团", kind="enterprise")
    mining_shule = pairing_create(
        PairingSpec(
            **SOURCE,
            donor_organisation=mining,
            recipient_area=area("653122"),
            level="county",
            start_year=2005,
        )
    )
    return {
        "sd_xj": sd_xj,
        "sd_kashi": sd_kashi,
        "sd_shule": sd_shule,
        "ten": ten,
        "jinan_shufu": jinan_shufu,
        "sh_kashi": sh_kashi,
        "sd_xj_2010": sd_xj_2010,
        "mining_shule": mining_shule,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shandong-Kashgar", "sd_kashi"),
        ("Shandong Kashgar", "sd_kashi"),
        ("Shandong – Kashi Prefecture", "sd_kashi"),
        ("shandong to kashi", "sd_kashi"),
        ("Shandong > Kashgar", "sd_kashi"),
        ("山东-喀什", "sd_kashi"),
        ("山东—喀什地区", "sd_kashi"),
        ("山东喀什", "sd_kashi"),
        ("Shandong Shule County", "sd_shule"),
        ("山东省 疏勒县", "sd_shule"),
        # a donor within the area named: Jinan is a city of Shandong
        ("Shandong-Shufu", "jinan_shufu"),
        ("Jinan-Shufu", "jinan_shufu"),
        ("Xinwen Mining Group - Shule", "mining_shule"),
        ("新汶矿业集团-疏勒", "mining_shule"),
        ("ew-shandong-xinjiang", "sd_xj"),
    ],
)
def test_a_pairing_is_named_by_its_donor_and_recipient_in_any_script(
    registry: dict[str, Pairing], text: str, expected: str
) -> None:
    assert pairing_resolve(text=text) == registry[expected]


def test_a_pairing_is_named_by_its_id(registry: dict[str, Pairing]) -> None:
    assert pairing_resolve(text=str(registry["sh_kashi"].pk)) == registry["sh_kashi"]


def test_the_pairing_of_the_two_areas_stands_for_them_not_the_pairs_given_as_a_count(
    registry: dict[str, Pairing],
) -> None:
    assert pairing_resolve(text="Shandong-Xinjiang", year=2009) == registry["sd_xj"]
    assert pairing_resolve(text="Shandong Xinjiang", year=2012) == registry["sd_xj_2010"]
    assert pairing_resolve(text="山东 新疆", year=2009) == registry["sd_xj"]


def test_without_a_year_the_period_of_one_pair_in_force_now_is_taken(registry: dict[str, Pairing]) -> None:
    assert pairing_resolve(text="Shandong-Xinjiang") == registry["sd_xj_2010"]


def test_two_periods_of_one_pair_both_in_force_are_listed_with_keys_and_how_to_choose(
    registry: dict[str, Pairing],
) -> None:
    Pairing.objects.filter(pk=registry["sd_xj"].pk).update(end_year=None, programme="tibet")

    with pytest.raises(AmbiguousPairing) as raised:
        pairing_resolve(text="Shandong-Xinjiang")

    assert raised.value.candidates == [registry["sd_xj"], registry["sd_xj_2010"]]
    message = str(raised.value)
    assert (
        f"{registry['sd_xj'].pk} Shandong" in message and "key ew-shandong-xinjiang (province, tibet, 1996–)" in message
    )
    assert "(province, xinjiang, 2010–)" in message
    assert message.endswith("(give its key or id, or a year (--year) to take the one in force then)")


def test_one_side_alone_lists_every_pairing_of_that_side(registry: dict[str, Pairing]) -> None:
    with pytest.raises(AmbiguousPairing) as raised:
        pairing_resolve(text="Shandong")

    assert raised.value.candidates == [registry[k] for k in ("sd_xj", "sd_xj_2010", "sd_kashi", "sd_shule", "ten")]
    message = str(raised.value)
    shown = [pairing_description(registry[k]) for k in ("sd_xj", "sd_xj_2010", "sd_kashi")]
    assert message.startswith(f"'Shandong' names 5 pairings: {'; '.join(shown)}; and 2 more (give its key or id")


def test_a_recipient_alone_lists_its_donors(registry: dict[str, Pairing]) -> None:
    assert pairing_matches(text="Kashgar") == [registry["sd_kashi"], registry["sh_kashi"]]
    assert pairing_matches(text="喀什", year=2012) == [registry["sh_kashi"]]
    assert pairing_resolve(text="Kashi", year=2012) == registry["sh_kashi"]


@pytest.mark.parametrize("text", ["Guangdong-Guangxi", "Shandong-Nowhere", "", "   ", "99999999"])
def test_a_name_no_pairing_fits_is_refused(registry: dict[str, Pairing], text: str) -> None:
    with pytest.raises(InputError):
        pairing_resolve(text=text)


def test_the_cli_names_the_candidates_on_one_error_line(registry: dict[str, Pairing]) -> None:
    result = CliRunner().invoke(app, ["check", "--pairing", "Kashgar"])

    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: 'Kashgar' names 2 pairings: ")
    assert f"{registry['sd_kashi'].pk} Shandong" in lines[0] and f"{registry['sh_kashi'].pk} Shanghai" in lines[0]
