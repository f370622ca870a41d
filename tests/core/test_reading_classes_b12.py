"""Classes of reading error of the blind sets (issue 11), each fixed as a general rule and tested here on
made-up text (no sentence of any report): coordinated figures sharing one verb, figures given for an
earlier year in brackets or after "from", and the year of such a figure dating nothing after it."""

from __future__ import annotations

from pairaid.core.extract import read_report
from tests.core.fact_views import period_key


def _facts(text: str, year: int = 2012) -> dict[str, list[tuple[str, str]]]:
    ex = read_report(text, report_year=year, donor="Anhe", recipient="Baishan")
    out: dict[str, list[tuple[str, str]]] = {}
    for f in ex.facts:
        out.setdefault(ex.mentions[f.mention].text, []).append((f.indicator, period_key(f.period)))
    return out


def test_a_figure_coordinated_with_the_one_before_reads_as_it() -> None:
    facts = _facts(
        "Anhe put 12 million yuan into Linxi County and 5 million yuan into Heping County. "
        "Anhe companies invested 30 million yuan in Linxi and 20 million yuan in Heping."
    )
    assert facts["5 million yuan"] == [("aid_funds", "year:2012")]
    assert facts["20 million yuan"] == [("enterprise_investment", "year:2012")]


def test_a_range_written_between_two_sums_is_no_coordination() -> None:
    facts = _facts("Each Anhe district gave its county between 12 million and 26 million yuan.")
    assert "26 million yuan" not in facts


def test_earlier_year_values_in_brackets_and_after_from_are_facts_of_their_year() -> None:
    facts = _facts(
        "In 2012 Anhe gave Baishan aid funds of 60 million yuan (2011: 45 million yuan). "
        "Anhe sent 35 cadres (30 in 2011). "
        "The number of teachers Anhe sent rose to 120 from 90 in 2011. "
        "Anhe trained 2,000 herders, compared to 1,500 last year. "
        "Labour income was 400 million yuan, up from 320 million yuan the previous year."
    )
    assert facts["45 million yuan"] == [("aid_funds", "year:2011")]
    assert facts["30"] == [("cadres_seconded", "year:2011")]
    assert facts["90"] == [("professionals_sent", "year:2011")]
    assert facts["1,500"] == [("people_trained", "year:2011")]
    assert facts["320 million yuan"] == [("labour_income", "year:2011")]
    assert facts["2,000 herders"] == [("people_trained", "year:2012")]


def test_the_year_of_an_earlier_value_dates_nothing_after_it() -> None:
    facts = _facts(
        "Anhe trained 3,200 people, up from 2,400 in 2011. Anhe built 40 schools. "
        "Aid funds reached 80 million yuan."
    )
    assert facts["2,400"] == [("people_trained", "year:2011")]
    assert facts["40 schools"] == [("schools", "year:2012")]
    assert facts["80 million yuan"] == [("aid_funds", "year:2012")]


def test_aid_money_named_by_a_noun_of_giving_or_a_passive_verb() -> None:
    facts = _facts(
        "Anhe made an allocation of 12 million yuan to Baishan. A total of 18 million yuan was channelled to "
        "Baishan. Aid to Baishan was 30 million yuan. Jobs were created for 420 young people."
    )
    assert facts["12 million yuan"] == [("aid_funds", "year:2012")]
    assert facts["18 million yuan"] == [("aid_funds", "year:2012")]
    assert facts["30 million yuan"] == [("aid_funds", "year:2012")]
    assert facts["420 young people"] == [("jobs", "year:2012")]


def test_in_a_round_up_of_pairings_each_sentence_s_acting_donor_gives_its_figures() -> None:
    text = (
        "Counterpart Support for Xinjiang\n\n"
        "In 2012 Shandong provided 300 million yuan of aid funds to Kashgar. Jiangsu gave Yili 200 million yuan and"
        " trained 3,000 people. Beijing sent 80 doctors to Hotan. Kashgar sent 900 workers to jobs in Shandong.\n"
    )
    ex = read_report(text, report_year=2012)
    sides = {ex.mentions[f.mention].text: (f.donor, f.recipient) for f in ex.facts}
    assert sides["300 million yuan"] == ("Shandong", "Kashgar")
    assert sides["200 million yuan"] == ("Jiangsu", "Yili")
    assert sides["3,000 people"] == ("Jiangsu", "Yili")
    assert sides["80 doctors"] == ("Beijing", "Hotan")
    assert sides["900 workers"][0] != "Kashgar"


def test_a_county_named_anywhere_in_its_sentence_takes_the_figures_of_a_province_level_pairing() -> None:
    text = (
        "Jiangsu Aid to Shaanxi\n\n"
        "In 2012 Jiangsu provided 80 million yuan of aid funds to Shaanxi. Jiangsu helped Ziyang County build 12"
        " schools. Langao County's 300 farmers were trained by Jiangsu. Jiangsu firms bought Shaanxi tea worth"
        " 3 million yuan.\n"
    )
    ex = read_report(text, report_year=2012)
    sides = {ex.mentions[f.mention].text: f.recipient for f in ex.facts}
    assert sides["80 million yuan"] == "Shaanxi"
    assert sides["12 schools"] == "Ziyang County"
    assert sides["300 farmers"] == "Langao County"
    assert sides["3 million yuan"] == "Langao County"  # the scene: "Shaanxi tea" names a product, no place


def test_a_figure_written_after_the_noun_it_counts_counts_that_noun() -> None:
    ex = read_report(
        "Anhe implemented aid projects 46 in Baishan, among them road projects 21. Anhe doctors did operations 412"
        " and the county trained farmers 1,200.",
        report_year=2012,
        donor="Anhe",
        recipient="Baishan",
    )
    read = {m.text: (m.unit, m.noun) for m in ex.mentions}
    assert read["46"] == ("count", "project")
    assert read["412"] == ("count", "operation")
    assert read["1,200"] == ("person", "farmer")
    facts = {ex.mentions[f.mention].text: f.indicator for f in ex.facts}
    assert facts["46"] == "aid_projects"
    assert facts["21"] == "aid_projects"
    assert facts["412"] == "surgeries"


def test_places_of_the_donor_s_side_listed_each_giving_are_the_givers() -> None:
    text = (
        "Guangdong's Pairings in 2018\n\n"
        "Guangdong's cities kept up their aid in 2018. "
        "Zhongshan and Dongguan each seconded 7 cadres to Zhaotong in the autumn.\n"
    )
    ex = read_report(text, report_year=2018)
    assert sorted((f.donor, f.recipient) for f in ex.facts) == [("Dongguan", "Zhaotong"), ("Zhongshan", "Zhaotong")]
