"""Classes of reading error found on blind sets 8 and 9 (issue 11), each fixed as a general rule and tested
here on made-up text (no sentence of any report): date lines above a title, headline and title-case
figures, datelines, donors as the subject of staff figures, sums received "each", groups of donors,
"since YEAR" at a sentence's end, table headers over several lines and a figure at the very end of a text."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from pairaid.core.extract.sections import title_line
from tests.core.fact_views import period_key


def _facts(text: str, year: int = 2012, **parties: str) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
    ex = read_report(text, report_year=year, **parties)
    out: dict[str, list[tuple[str, str, str | None, str | None]]] = {}
    for f in ex.facts:
        fact = (f.indicator, period_key(f.period), f.donor, f.recipient)
        out.setdefault(ex.mentions[f.mention].text, []).append(fact)
    return out


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("2012-11-20  Baishan Evening News\nAnhe doctors reach Baishan\n\nText.", "Anhe doctors reach Baishan"),
        ("Updated: 2012-11-20 | Source: Anhe Daily\nAnhe aid to Baishan\n\nText.", "Anhe aid to Baishan"),
        ("November 20, 2012\nAnhe aid to Baishan\n\nText.", "Anhe aid to Baishan"),
        ("Anhe aid team wraps up 2012 in Baishan\n\nText.", "Anhe aid team wraps up 2012 in Baishan"),
    ],
)
def test_a_date_or_byline_line_above_the_title_is_not_the_title(text: str, title: str) -> None:
    span = title_line(text)
    assert span is not None and text[span[0] : span[1]] == title


def test_a_dated_headline_still_names_the_pairing_and_its_date_is_no_mention() -> None:
    text = (
        "2012-11-20  Kashgar Evening News\nShandong doctors reach Shule\n\n"
        "KASHGAR, Nov 20 -- Twenty-six construction projects funded by Shandong were completed in Shule County"
        " this year.\n"
    )
    ex = read_report(text, report_year=2012)
    assert [m.text for m in ex.mentions] == ["Twenty-six construction projects"]
    assert [(f.indicator, f.donor) for f in ex.facts] == [("aid_projects", "Shandong")]


def test_title_case_number_words_of_headings_are_no_mentions_and_a_headline_figure_no_fact() -> None:
    text = (
        "300 Anhe Teachers Arrive in Baishan\n\nEight Pairings, One Goal\n"
        "In 2012 Anhe sent 300 teachers to Baishan.\n\nThree Thousand Farmers Trained\n"
        "Anhe trained 3,000 farmers in Baishan.\n"
    )
    ex = read_report(text, report_year=2012, donor="Anhe", recipient="Baishan")
    assert [m.text for m in ex.mentions] == ["300 Anhe Teachers", "300 teachers", "3,000 farmers"]
    assert sorted(ex.mentions[f.mention].text for f in ex.facts) == ["3,000 farmers", "300 teachers"]


def test_staff_figures_whose_subject_is_the_donors_firms_keep_the_donor() -> None:
    text = (
        "Shandong's Aid to Shule County in 2012\n\n"
        "Industry. The county attracted 14 enterprises in 2012. Shandong's enterprises in the county now employ 1,250"
        " local workers. Companies from Shandong in the county created 510 jobs for local people.\n"
    )
    got = _facts(text)
    assert got["14 enterprises"] == [("enterprises", "year:2012", None, "Shule County")]
    assert [f[2] for f in got["1,250 local workers"]] == ["Shandong"]
    assert [f[2] for f in got["510 jobs"]] == ["Shandong"]


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("In 2012 Liuhe Township and Qingshi Township received 520,000 yuan each for roads.", ["Liuhe", "Qingshi"]),
        ("Dongpo, Xiba and Nanshan villages each received 230,000 yuan.", ["Dongpo", "Xiba", "Nanshan"]),
        ("Anhe gave Liuhe and Qingshi 310,000 yuan each.", ["Liuhe", "Qingshi"]),
        ("Anhe allocated 1.5 million yuan each to Liuhe and Qingshi.", ["Liuhe", "Qingshi"]),
    ],
)
def test_a_sum_each_of_listed_places_received_is_one_fact_per_place(sentence: str, places: list[str]) -> None:
    got = _facts(f"Anhe's Aid to Baishan in 2012\n\n{sentence}\n", donor="Anhe", recipient="Baishan")
    [(_, facts)] = got.items()
    assert [f[0] for f in facts] == ["aid_funds"] * len(places)
    assert [(f[3] or "").split()[0] for f in facts] == places


@pytest.mark.parametrize(
    "sentence",
    [
        "Poor households received 2,000 yuan each.",
        "The hospital and the school received 2 million yuan each.",
        "Two clinics were given 1 million yuan each.",
    ],
)
def test_a_sum_each_of_things_or_people_received_is_a_rate_and_no_fact(sentence: str) -> None:
    assert _facts(f"Anhe's Aid to Baishan in 2012\n\n{sentence}\n", donor="Anhe", recipient="Baishan") == {}


@pytest.mark.parametrize(
    ("paragraph", "figure", "period"),
    [
        (
            "Anhe has paired with Baishan since 2004. Altogether 1,120 teachers have been sent.",
            "1,120 teachers",
            "cumulative:2004-2012",
        ),
        (
            "Baishan has received doctors from Anhe since 2005. A total of 380 doctors have worked there.",
            "380 doctors",
            "cumulative:2005-2012",
        ),
        (
            "Cooperation has grown steadily since 2006. Over this period Anhe enterprises invested 2.4 billion yuan in"
            " Baishan.",
            "2.4 billion yuan",
            "cumulative:2006-2012",
        ),
        (
            "Anhe has supported Baishan since 2007. In 2012 it provided 45 million yuan of aid funds.",
            "45 million yuan",
            "year:2012",
        ),
        (
            "Anhe has supported Baishan since 2007. It provided 45 million yuan of aid funds this year.",
            "45 million yuan",
            "year:2012",
        ),
    ],
)
def test_since_year_ending_a_sentence_starts_the_sums_of_the_next(paragraph: str, figure: str, period: str) -> None:
    text = f"Anhe's Aid to Baishan in 2012\n\nThe pairing began in 1998.\n\n{paragraph}\n"
    got = _facts(text, donor="Anhe", recipient="Baishan")
    assert [f[1] for f in got[figure]] == [period]


_BOTTOM_ALIGNED = """Shandong's Aid to Shule County in 2012

Table 1  Shandong aid to Shule by township, 2012
                              Aid
                              funds          Aid        Cadres
Township                      (10,000 yuan)  projects   sent
Hanerik                       1,250          14         6
Yengisar                      980            11         4
Total                         2,230          25         10
"""


def test_a_header_bottom_aligned_over_several_lines_names_its_columns() -> None:
    got = _facts(_BOTTOM_ALIGNED)
    assert "10,000 yuan" not in got
    assert got["1,250"] == [("aid_funds", "year:2012", "Shandong", "Hanerik")]
    assert got["6"] == [("cadres_seconded", "year:2012", "Shandong", "Hanerik")]
    assert [f[0] for f in got["2,230"]] == ["aid_funds"]


def test_a_total_row_of_a_table_of_givers_is_no_giver() -> None:
    text = (
        "Aid to Shule County in 2012\n\nTable 2  Aid funds by donor (10,000 yuan)\n"
        "Donor      Funds   Projects\nShandong   3,200   40\nJinan      1,800   22\nTotal      5,000   62\n"
    )
    got = _facts(text, donor="Shandong", recipient="Shule County")
    assert got["1,800"][0][2] == "Jinan"
    assert got["5,000"][0][2] == "Shandong"


@pytest.mark.parametrize("last", ["Local cadres trained: 1,200", "Cadres trained  1,200"])
def test_a_label_s_value_ending_the_text_is_a_mention(last: str) -> None:
    ex = read_report(f"Anhe's Aid to Baishan in 2012\n\nAnhe built 12 schools.\n\n{last}", report_year=2012)
    assert [m.text for m in ex.mentions][-1] == "1,200"


def test_a_number_cut_from_its_unit_at_the_text_s_end_is_still_dropped() -> None:
    ex = read_report("Anhe's Aid to Baishan in 2012\n\nAnhe built 12 schools and trained 1,200", report_year=2012)
    assert [m.text for m in ex.mentions] == ["12 schools"]


@pytest.mark.parametrize(
    ("sentence", "donor"),
    [
        ("The 19 provinces and cities provided aid funds of 3.2 billion yuan.", "The 19 provinces and cities"),
        ("In 2012, Beijing, Tianjin and Shanghai together invested 800 million yuan.", "Beijing, Tianjin and Shanghai"),
        (
            "TIANSHUI, May 3 -- Five partner cities in the Delta have given 1.1 billion yuan.",
            "Five partner cities in the Delta",
        ),
        ("Both cities invested 5.2 million yuan in new clinics.", "Anhe"),
    ],
)
def test_a_group_of_givers_acting_is_the_donor_as_written(sentence: str, donor: str) -> None:
    got = _facts(f"Anhe's Aid to Baishan in 2012\n\n{sentence}\n", donor="Anhe", recipient="Baishan")
    [(_, facts)] = [(k, v) for k, v in got.items() if "yuan" in k]
    assert [f[2] for f in facts] == [donor]


def test_a_label_s_count_of_visits_is_no_page_counter() -> None:
    ex = read_report("Anhe's Aid to Baishan in 2012\n\nDelegation visits: 28 person-times\n", report_year=2012)
    assert [m.text for m in ex.mentions] == ["28 person-times"]


def test_the_parts_of_a_sum_disbursed_by_the_year_s_end_are_the_year_s_too() -> None:
    text = (
        "Anhe's Aid to Baishan in 2012\n\nBy the end of the year Anhe had disbursed 47.5 million yuan, of which"
        " 41 million yuan came from the city budget and 6.5 million yuan from social donations. Of the total, Linxi"
        " and Heping counties received 9 million yuan each.\n"
    )
    got = _facts(text, donor="Anhe", recipient="Baishan")
    assert {k: sorted({f[1] for f in v}) for k, v in got.items()} == {
        "47.5 million yuan": ["year:2012"],
        "41 million yuan": ["year:2012"],
        "6.5 million yuan": ["year:2012"],
        "9 million yuan": ["year:2012"],
    }


@pytest.mark.parametrize(
    ("sentence", "mentions"),
    [
        ("In 2012 products of Baishan worth 13.7 million yuan were sold to Anhe.", ["13.7 million yuan"]),
        ("By 2012 villages of Baishan had 40 clinics.", ["40 clinics"]),
        ("Anhe built roads for 2012 villages.", ["2012 villages"]),
    ],
)
def test_a_year_after_a_sentence_opening_in_is_no_count_of_the_noun_after_it(
    sentence: str, mentions: list[str]
) -> None:
    ex = read_report(f"Anhe's Aid to Baishan in 2012\n\n{sentence}\n", report_year=2012)
    assert [m.text for m in ex.mentions] == mentions
