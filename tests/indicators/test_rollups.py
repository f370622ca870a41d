"""Roll-ups over the pairing tree, the area tree, years, sectors and channels."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.activities.models import Activity, Transaction
from pairaid.core.change import change_percent
from pairaid.core.errors import DataError
from pairaid.indicators.models import DataValue
from pairaid.indicators.money_rollups import rollup_by_channel, rollup_by_sector
from pairaid.indicators.rollups import rollup_by_area, rollup_by_pairing, rollup_by_year
from pairaid.indicators.services import DataValueSpec, datavalue_create
from tests.checks.factories import area, pairing, value

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree() -> dict[str, object]:
    """Shandong–Xinjiang with Shandong–Kashi under it and two county pairings under that."""
    top = pairing("370000", "650000", name="Shandong – Xinjiang")
    kashi = pairing("370000", "653100", level="prefecture", parent=top, name="Shandong – Kashi")
    shule = pairing("370000", "653122", level="county", parent=kashi, name="Shandong – Shule")
    shufu = pairing("370000", "653121", level="county", parent=kashi, name="Shandong – Shufu")
    return {"top": top, "kashi": kashi, "shule": shule, "shufu": shufu}


def _national(indicator: str, year: int, *, include_extracted: bool = False) -> dict[str, Decimal]:
    """The national total of ``indicator`` in ``year`` per unit, through the public roll-up service."""
    found = rollup_by_year(indicator=indicator, years=[year], include_extracted=include_extracted)
    return {unit: rows[0].value for unit, rows in found.items()}


def _totals(rows: list) -> dict[str, Decimal]:
    return {r.label: r.value for r in rows}


def test_a_stated_total_wins_over_the_sum_below_it(tree: dict) -> None:
    value("aid_funds", "30000000", pairing=tree["shule"])
    value("aid_funds", "20000000", pairing=tree["shufu"])
    value("aid_funds", "100000000", pairing=tree["top"])
    rows = rollup_by_pairing(indicator="aid_funds", year=2009, root=tree["top"])[("CNY", "year")]
    assert _totals(rows) == {
        "Shandong – Xinjiang": Decimal("100000000"),  # stated, not 50 million from below
        "Shandong – Kashi": Decimal("50000000"),  # states nothing: the sum of its counties
        "Shandong – Shule": Decimal("30000000"),
        "Shandong – Shufu": Decimal("20000000"),
    }
    assert rows[0].label == "Shandong – Xinjiang" and rows[0].value_count == 3


def test_planned_values_are_summed_apart_from_actuals(tree: dict) -> None:
    value("aid_funds", "30000000", pairing=tree["shule"])
    datavalue_create(
        DataValueSpec(
            indicator="aid_funds",
            value="45000000",
            period_kind="year",
            year=2009,
            pairing=tree["shule"],
            kind="planned",
        ),
    )
    value("aid_funds", "20000000", pairing=tree["shufu"])

    actual = rollup_by_pairing(indicator="aid_funds", year=2009, root=tree["top"])[("CNY", "year")]
    plan = rollup_by_pairing(indicator="aid_funds", year=2009, root=tree["top"], kind="planned")[("CNY", "year")]
    by_area = rollup_by_area(indicator="aid_funds", year=2009, level="county", kind="planned")[("CNY", "year")]

    assert _totals(actual)["Shandong – Xinjiang"] == Decimal("50000000")
    assert _totals(plan) == {
        "Shandong – Xinjiang": Decimal("45000000"),
        "Shandong – Kashi": Decimal("45000000"),
        "Shandong – Shule": Decimal("45000000"),
    }
    assert [(r.key, r.value) for r in by_area] == [("653122", Decimal("45000000"))]


def test_persons_and_person_times_stay_apart(tree: dict) -> None:
    value("people_trained", "500", pairing=tree["shule"], unit="person")
    value("people_trained", "1200", pairing=tree["shufu"], unit="person_time")
    result = rollup_by_pairing(indicator="people_trained", year=2009, root=tree["top"])
    assert _totals(result[("person", "year")])["Shandong – Xinjiang"] == 500
    assert _totals(result[("person_time", "year")])["Shandong – Xinjiang"] == 1200


def test_flows_and_cumulative_totals_stay_apart(tree: dict) -> None:
    value("schools", "6", pairing=tree["shule"])
    value("schools", "40", pairing=tree["shule"], kind="cumulative", start_year=2001)
    assert _totals(rollup_by_pairing(indicator="schools", year=2009, root=tree["top"])[("school", "year")]) == {
        "Shandong – Xinjiang": 6,
        "Shandong – Kashi": 6,
        "Shandong – Shule": 6,
    }
    cumulative = rollup_by_pairing(indicator="schools", year=2009, root=tree["top"], period_kind="cumulative")
    assert _totals(cumulative[("school", "cumulative")])["Shandong – Xinjiang"] == 40


def test_extracted_values_count_only_when_asked(tree: dict) -> None:
    value("aid_funds", "30000000", pairing=tree["shule"])
    value("aid_funds", "7000000", pairing=tree["shufu"], status="extracted")
    assert _national("aid_funds", 2009) == {"CNY": Decimal("30000000")}
    assert _national("aid_funds", 2009, include_extracted=True) == {"CNY": Decimal("37000000")}


def test_a_per_capita_figure_is_never_summed() -> None:
    with pytest.raises(DataError, match="not summed"):
        _national("income_increase_per_capita", 2009)


def test_area_tree_from_counties_to_the_province(tree: dict) -> None:
    value("aid_funds", "30000000", pairing=tree["shule"])
    value("aid_funds", "20000000", pairing=tree["shufu"])
    other = pairing("210000", "654200", name="Liaoning – Tacheng")  # another donor, another prefecture
    value("aid_funds", "8000000", pairing=other)
    counties = rollup_by_area(indicator="aid_funds", year=2009, level="county")[("CNY", "year")]
    assert {r.key: r.value for r in counties} == {"653121": 20000000, "653122": 30000000}
    prefectures = rollup_by_area(indicator="aid_funds", year=2009, level="prefecture")[("CNY", "year")]
    assert {r.key: r.value for r in prefectures} == {"653100": 50000000, "654200": 8000000}
    provinces = rollup_by_area(indicator="aid_funds", year=2009, level="province", language="zh-hans")
    (xinjiang,) = provinces[("CNY", "year")]
    assert (xinjiang.key, xinjiang.value, xinjiang.label) == ("650000", 58000000, area("650000").name_zh)


def test_years_and_change_on_last_year(tree: dict) -> None:
    value("aid_funds", "80000000", pairing=tree["top"], year=2008)
    value("aid_funds", "100000000", pairing=tree["top"], year=2009)
    series = rollup_by_year(indicator="aid_funds", years=[2008, 2009], root=tree["top"])["CNY"]
    assert [(r.key, r.value) for r in series] == [("2008", 80000000), ("2009", 100000000)]
    assert change_percent(series[1].value, series[0].value) == Decimal("25.0")
    assert change_percent(Decimal(1), None) is None


def test_money_by_sector_and_by_channel(tree: dict) -> None:
    school = Activity.objects.create(identifier="A1", title="School", sector="education", pairing=tree["shule"])
    park = Activity.objects.create(identifier="A2", title="Park", sector="industry", pairing=tree["shufu"])
    for activity, kind, finance, amount in [
        (school, "disbursement", "government_aid", "7000000"),
        (park, "disbursement", "government_aid", "20000000"),
        (park, "expenditure", "enterprise_investment", "300000000"),
        (park, "commitment", "contract", "900000000"),
    ]:
        Transaction.objects.create(
            activity=activity,
            transaction_type=kind,
            finance_type=finance,
            value=Decimal(amount),
            value_date="2009-12-31",
        )
    sectors = rollup_by_sector(year=2009, root=tree["top"], finance_types=["government_aid"])
    assert [(r.key, r.value) for r in sectors] == [("industry", 20000000), ("education", 7000000)]
    channels = rollup_by_channel(year=2009, root=tree["top"])
    assert [(r.key, r.value) for r in channels] == [
        ("contract:commitment", 900000000),
        ("enterprise_investment:expenditure", 300000000),
        ("government_aid:disbursement", 27000000),
    ]
    assert channels[0].label == "Signed contract (commitment)"


def test_a_figure_of_no_pairing_is_in_no_pairing_tree(tree: dict) -> None:
    # regression: an extracted figure with no pairing (an area's, or one whose subject was not
    # resolved) made `report --overview --extracted` crash on int(None)
    value("aid_funds", "30000000", pairing=tree["shule"], status="extracted")
    value("aid_funds", "5000000", subject_area=area("653122"), status="extracted")
    value("aid_funds", "7000000", status="extracted")
    assert _national("aid_funds", 2009, include_extracted=True) == {"CNY": Decimal("30000000")}


def test_the_economy_of_an_area_is_not_summed_to_the_area_above_it() -> None:
    """A county's GDP is not its prefecture's nor its province's (issue 12: Xinjiang's GDP was Shule's);
    the statement kept for the county's total is named by the area's names, not its code."""
    value("gdp", "3220000000", subject_area=area("653122"))
    value("aid_funds", "30000000", subject_area=area("653122"))  # aid does add up
    for level, gdp in (("county", {"653122": Decimal("3220000000")}), ("prefecture", {}), ("province", {})):
        assert _keyed(rollup_by_area(indicator="gdp", year=2009, level=level, pairings_only=False)) == gdp, level
    provinces = rollup_by_area(indicator="aid_funds", year=2009, level="province", pairings_only=False)
    assert _keyed(provinces) == {"650000": 30000000}
    (county,) = rollup_by_area(indicator="gdp", year=2009, level="county", pairings_only=False)[("CNY", "year")]
    assert [s.label for s in county.kept] == [f"{area('653122').name_en} ({area('653122').name_zh})"]


def _keyed(found: dict) -> dict[str, Decimal]:
    return {r.key: r.value for rows in found.values() for r in rows}


def test_an_entered_figure_and_its_extracted_copy_or_two_documents_telling_one_figure_count_once(tree: dict) -> None:
    park = Activity.objects.create(identifier="A1", title="Park", sector="industry", pairing=tree["top"])
    entered = value("contract_value", "100")
    DataValue.objects.filter(pk=entered.pk).update(activity=park)  # an output of the top pairing's activity
    value("contract_value", "100", pairing=tree["kashi"], status="extracted")  # the entered one, read again
    value("contracts_signed", "7", pairing=tree["shule"], status="extracted")
    value("contracts_signed", "7", pairing=tree["shule"], status="extracted")  # another document tells it
    value("contracts_signed", "7", pairing=pairing("210000", "654200"), status="extracted")  # another tree's

    def national(code: str) -> Decimal:
        (total,) = _national(code, 2009, include_extracted=True).values()
        return total

    assert national("contract_value") == 100 and national("contracts_signed") == 14
