"""Issue 11, units read by their context (classes of error of earlier blind sets, made-up examples only): a bare "m"
after a number is metres ("a 850 m road", "1,200 m of pipes") unless money stands around it ("invested 12.5m",
"RMB 3m", "8m yuan": a million yuan); roads measured in metres are road length, pipes, widths and bridges not."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.extract import read_report

TITLE = "Anhe Province's Aid to Baishan County in 2012\n\n"


def _read(body: str) -> list[tuple[str, Decimal, str, str | None]]:
    ex = read_report(TITLE + body, report_year=2012)
    bound = {f.mention: f.indicator for f in ex.facts}
    return [(m.text, m.value, m.unit, bound.get(i)) for i, m in enumerate(ex.mentions)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Anhe paved a 850 m road to Linxi village.", ("850 m", Decimal(850), "m", "road_length")),
        ("Anhe hardened 3,600 metres of village roads.", ("3,600 metres", Decimal(3600), "m", "road_length")),
        ("Roads with a total length of 2,400m were paved.", ("2,400m", Decimal(2400), "m", "road_length")),
        ("Anhe laid 1,200 m of water pipes.", ("1,200 m", Decimal(1200), "m", None)),
        ("Anhe built a bridge 120 m long.", ("120 m", Decimal(120), "m", None)),
        ("The school stands 3,200m above sea level.", ("3,200m", Decimal(3200), "m", None)),
        ("Anhe dug a 400-m canal.", ("400-m", Decimal(400), "m", None)),
        ("Anhe built 36.5 km of rural roads.", ("36.5 km", Decimal("36.5"), "km", "road_length")),
    ],
)
def test_a_bare_m_after_a_number_is_metres_and_roads_in_metres_are_road_length(
    sentence: str, expected: tuple[str, Decimal, str, str | None]
) -> None:
    assert _read(sentence) == [expected]


def test_a_road_s_width_in_metres_is_no_length() -> None:
    assert _read("Anhe paved a road 8 m wide.") == [("8 m", Decimal(8), "m", None)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Anhe invested 12.5m in Baishan.", "12.5m", Decimal(12_500_000)),
        ("Aid funds of 3 m reached Baishan.", "3 m", Decimal(3_000_000)),
        ("Anhe donated more than 2.5m to Baishan.", "2.5m", Decimal(2_500_000)),
        ("Anhe gave RMB 3m to Baishan.", "RMB 3m", Decimal(3_000_000)),
        ("Anhe gave 8m yuan to Baishan.", "8m yuan", Decimal(8_000_000)),
        ("Donations worth 450k reached Baishan.", "450k", Decimal(450_000)),
    ],
)
def test_a_one_letter_scale_after_words_of_money_is_a_million_yuan(sentence: str, text: str, value: Decimal) -> None:
    [(found, amount, unit, _)] = _read(sentence)
    assert (found, amount, unit) == (text, value, "CNY")


def test_a_length_after_an_investment_in_its_clause_stays_metres() -> None:
    assert _read("The investment paid for a 500 m road in Linxi.")[0][:3] == ("500 m", Decimal(500), "m")
