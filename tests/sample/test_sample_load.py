"""The built-in sample: exact money, the pairing tree, idempotence, agreement with the gold answers."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pairaid.activities.models import Activity, Transaction
from pairaid.activities.selectors import transaction_total
from pairaid.core.errors import CodelistError, DataError, InputError
from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_list
from pairaid.sample.loader import SampleSummary, database_counts, sample_load, sample_path
from tests.registry.sources import SOURCE


def test_it_loads_the_aid_funds_and_the_grant_as_exact_decimals(sample: SampleSummary) -> None:
    aid = DataValue.objects.get(indicator__code="aid_funds", pairing=sample.root, activity=None, area=None)
    grant = DataValue.objects.get(indicator__code="grant_funds", pairing=sample.root)

    assert aid.value == Decimal("1574000000")
    assert grant.value == Decimal("75800000")
    assert grant.part_of == aid
    assert (aid.unit, aid.status, aid.period_kind) == ("CNY", "entered", "year")
    assert (aid.period_start, aid.period_end) == (date(2009, 1, 1), date(2009, 12, 31))


def test_the_root_is_shandong_with_xinjiang_at_province_level(sample: SampleSummary) -> None:
    root = sample.root
    assert (root.donor_area.code, root.recipient_area.code, root.level, root.parent) == (
        "370000",
        "650000",
        "province",
        None,
    )


def test_the_three_twinned_counties_sit_under_shandong_kashi(sample: SampleSummary) -> None:
    kashi = Pairing.objects.get(recipient_area__code="653100")
    counties = Pairing.objects.filter(parent=kashi)

    assert kashi.parent == sample.root
    assert kashi.level == "prefecture"
    assert sorted(p.recipient_area.code for p in counties) == ["653122", "653123", "653128"]
    assert {p.recipient_area.name_zh for p in counties} == {"疏勒县", "英吉沙县", "岳普湖县"}
    assert all(p.level == "county" and p.donor_area.code == "370000" for p in counties)


def test_a_pairing_given_only_as_a_count_keeps_the_count_and_no_invented_names(sample: SampleSummary) -> None:
    ten = Pairing.objects.get(pair_count=10)
    assert (ten.level, ten.donor_area.code, ten.recipient_area.code, ten.parent) == (
        "county",
        "370000",
        "650000",
        sample.root,
    )


def test_the_ten_east_west_county_pairs_end_with_the_2010_adjustment(sample: SampleSummary) -> None:
    """Regression: the ten pairs had no end year and were listed among the 2017 East–West pairings."""
    ten = Pairing.objects.get(pair_count=10)

    assert (ten.programme, ten.start_year, ten.end_year) == ("east_west", 2009, 2010)
    assert not pairing_list(year=2017, programme="east_west").filter(pk=ten.pk).exists()


def test_loading_twice_creates_nothing(sample: SampleSummary) -> None:
    before = database_counts()
    again = sample_load()

    assert again.already_loaded
    assert again.created.total == 0
    assert again.in_sample == sample.in_sample == sample.created
    assert database_counts() == before
    assert before["pairings"] == 7
    assert before["activities"] == 14


def test_the_three_park_grants_add_up_to_thirty_million(sample: SampleSummary) -> None:
    parks = Activity.objects.filter(identifier__in=["SDXJ-2009-03", "SDXJ-2009-04", "SDXJ-2009-05"])
    values = sorted(transaction_total(activity=a) for a in parks)

    assert values == [Decimal("5000000"), Decimal("5000000"), Decimal("20000000")]
    assert sum(values) == Decimal("30000000")


def test_activity_outputs_are_data_values_of_the_activity(sample: SampleSummary) -> None:
    qilu = Activity.objects.get(identifier="SDXJ-2009-03")
    houses = DataValue.objects.get(indicator__code="houses")

    assert DataValue.objects.get(activity=qilu, indicator__code="road_length").value == Decimal("7.01")
    assert sorted(
        DataValue.objects.filter(activity=qilu, indicator__code="land_area").values_list("value", flat=True)
    ) == [
        Decimal("350"),
        Decimal("360"),
    ]
    assert houses.activity.identifier == "SDXJ-2009-07"
    assert (houses.value, houses.period_kind) == (Decimal("110"), "as_of")
    assert houses.period_start == houses.period_end == date(2009, 12, 31)


def test_shule_gdp_carries_its_growth_over_2008(sample: SampleSummary) -> None:
    gdp = DataValue.objects.get(indicator__code="gdp", area__code="653122")

    assert gdp.value == Decimal("3220000000")
    assert (gdp.change_percent, gdp.change_base_year) == (Decimal("28.2"), 2008)


def test_enterprise_money_is_an_expenditure_of_the_enterprise(sample: SampleSummary) -> None:
    coal_gas = Transaction.objects.get(activity__identifier="SDXJ-2009-12")

    assert (coal_gas.transaction_type, coal_gas.finance_type) == ("expenditure", "enterprise_investment")
    assert coal_gas.value == Decimal("2000000000")
    assert coal_gas.provider_organisation.name == "Xinwen Mining Group"


@pytest.mark.shared
def test_every_gold_figure_of_the_report_is_in_the_sample(sample: SampleSummary, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "gold" / "2010_shandong-xinjiang_seed.json").read_text(encoding="utf-8"))
    wanted = {Decimal(gold["mentions"][f["mention"]]["value"]) for f in gold["facts"]}
    stored = set(DataValue.objects.values_list("value", flat=True))
    stored |= set(Transaction.objects.values_list("value", flat=True))

    # The 30 million for the three parks is kept as its three parts (20 + 5 + 5), not as a total.
    assert wanted - stored == {Decimal("30000000")}


def test_a_sample_with_an_unknown_sector_is_refused_with_its_code(db: None, tmp_path: Path) -> None:
    text = sample_path().read_text(encoding="utf-8").replace("sector: housing", "sector: housin")
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")

    with pytest.raises(CodelistError, match="housin"):
        sample_load(path=tmp_path / "bad.yaml")
    assert not Activity.objects.exists()


def test_a_sample_with_negative_money_is_refused(db: None, tmp_path: Path) -> None:
    text = sample_path().read_text(encoding="utf-8").replace('value: "16000000"', 'value: "-16000000"')
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")

    with pytest.raises(DataError, match="negative"):
        sample_load(path=tmp_path / "bad.yaml")


def test_a_missing_sample_file_is_an_input_error(db: None, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        sample_load(path=tmp_path / "nowhere.yaml")


def test_a_pairing_stored_before_without_a_parent_is_nested_by_the_sample(db: None) -> None:
    from pairaid.geo.models import Area
    from pairaid.registry.services import PairingSpec, pairing_create

    shule = pairing_create(
        PairingSpec(
            **SOURCE,
            donor_area=Area.objects.get(code="370000"),
            recipient_area=Area.objects.get(code="653122"),
            level="county",
            start_year=2009,
        )
    )
    summary = sample_load()
    shule.refresh_from_db()

    assert summary.created.pairings == 6
    assert shule.parent.recipient_area.code == "653100"


def test_leaders_counted_in_persons_keep_their_unit_and_are_not_relabelled_person_times(
    sample: SampleSummary,
) -> None:
    """The summary counts leaders who visited (persons), while the indicator counts person-times: the figure is
    stored as stated, in persons (issue 12: it was entered as 'more than 30 person-times')."""
    visits = DataValue.objects.get(indicator__code="leader_visits", status="entered")

    assert (visits.value, visits.unit, visits.qualifier) == (Decimal("30"), "person", "more_than")
    assert visits.indicator.unit == "person_time"
