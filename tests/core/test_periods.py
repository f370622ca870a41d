"""Periods: a data value's first and last day (core.period_dates, no database) and the period each mention of a
text is read to cover (core.extract.mention_periods)."""

from __future__ import annotations

from datetime import date

import pytest

from pairaid.core.errors import DataError
from pairaid.core.period_dates import Period, period_from_dates, period_from_years


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("In the 12 years to 2012 Anhe sent 300 teachers in all and invested aid funds of 90 million yuan.", 2001),
        (
            "Over the ten years up to the end of 2012 Anhe sent 300 teachers and invested 90 million yuan of aid"
            " funds.",
            2003,
        ),
    ],
)
def test_the_n_years_to_a_year_sum_the_n_years_ending_in_it(sentence: str, start: int) -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        f"Anhe - Baishan Pairing-off Poverty Alleviation\n{sentence} In 2012 it built 6 schools.", report_year=2012
    )
    periods = {ex.mentions[f.mention].text: (f.period.kind, f.period.start_year, f.period.end_year) for f in ex.facts}
    assert periods == {
        "300 teachers": ("cumulative", start, 2012),
        "90 million yuan": ("cumulative", start, 2012),
        "6 schools": ("year", None, None),
    }


@pytest.mark.parametrize(
    ("kind", "years", "start", "end", "label"),
    [
        ("year", {"year": 2009}, date(2009, 1, 1), date(2009, 12, 31), "2009"),
        ("cumulative", {"start_year": 1996, "end_year": 2009}, date(1996, 1, 1), date(2009, 12, 31), "1996–2009"),
        ("cumulative", {"start_year": 2009, "year": 2009}, date(2009, 1, 1), date(2009, 12, 31), "2009"),
        ("as_of", {"year": 2009}, date(2009, 12, 31), date(2009, 12, 31), "end of 2009"),
    ],
)
def test_years_give_the_first_and_last_day(
    kind: str, years: dict[str, int], start: date, end: date, label: str
) -> None:
    period = period_from_years(kind, **years)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)


@pytest.mark.parametrize(
    ("kind", "years", "message"),
    [
        ("year", {}, "needs a year"),
        ("cumulative", {"start_year": 2009, "end_year": 1996}, "cannot start in 2009 after it ends in 1996"),
        ("cumulative", {"end_year": 2009}, "needs a start year and an end year"),
        ("quarter", {"year": 2009}, "unknown period kind 'quarter'"),
        ("year", {"year": 209}, "outside 1900–2100"),
    ],
)
def test_bad_years_are_refused(kind: str, years: dict[str, int], message: str) -> None:
    with pytest.raises(DataError, match=message):
        period_from_years(kind, **years)


def test_dates_must_be_in_order() -> None:
    assert period_from_dates("as_of", start=date(2010, 6, 30), end=date(2010, 6, 30)).label == "as of 2010-06-30"
    with pytest.raises(DataError, match="cannot start on 2009-12-31 after it ends on 2009-01-01"):
        period_from_dates("year", start=date(2009, 12, 31), end=date(2009, 1, 1))


def test_a_period_is_immutable() -> None:
    period = Period("year", date(2009, 1, 1), date(2009, 12, 31))
    with pytest.raises(AttributeError):
        period.kind = "as_of"  # type: ignore[misc]


def test_a_stock_at_a_year_end_does_not_date_a_later_event_of_a_day() -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "By the end of 2012, 40 firms of Anhe had settled in the park. At a fair held on May 8, the two sides signed"
        " 12 contracts.",
        report_year=2012,
    )
    periods = {ex.mentions[f.mention].text: (f.period.kind, f.period.year) for f in ex.facts}
    assert periods == {"40 firms": ("as_of", 2012), "12 contracts": ("year", 2012)}


def test_a_part_with_no_period_of_its_own_covers_its_whole_s() -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        "Anhe - Baishan Pairing-off Poverty Alleviation\nOf the 30 schools built since 2005, 12 were funded by Anhe.",
        report_year=2012,
    )
    periods = {ex.mentions[f.mention].text: (f.period.start_year, f.period.end_year) for f in ex.facts}
    assert periods == {"30 schools": (2005, 2012), "12": (2005, 2012)}


def test_the_figures_of_a_sentence_of_the_total_cover_the_total_s_period_paragraphs_back() -> None:
    """Issue 11 (blind set 8): "Of the total, N1 went to build M1 schools" after a sum since a year, a paragraph
    back: N1 and M1 cover the sum's years and N1 is its part; "over the same period" then means them too."""
    from pairaid.core.extract import read_report

    ex = read_report(
        "Anhe - Baishan Pairing-off Poverty Alleviation\n\nSince 2008 Anhe has given Baishan aid funds of 90 million"
        " yuan.\n\nMost of the money went to villages. Of the total, 30 million yuan went to build 12 schools and"
        " 20 million yuan to 400 houses.\n\nOver the same period, Anhe firms invested 50 million yuan in Baishan.",
        report_year=2012,
    )
    periods = {ex.mentions[f.mention].text: (f.period.start_year, f.period.end_year) for f in ex.facts}
    assert set(periods.values()) == {(2008, 2012)}, periods
    assert len(periods) == 6, periods
    parts = {ex.mentions[f.mention].text for f in ex.facts if f.part_of is not None}
    assert parts == {"30 million yuan", "20 million yuan"}


def test_over_the_years_sums_from_the_year_the_text_says_the_help_began() -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Anhe began helping Baishan County in 2003. Over the years it has provided aid funds of 80 million yuan in all."
        " In 2012 it built 6 schools.",
        report_year=2012,
    )
    periods = {ex.mentions[f.mention].text: f.period for f in ex.facts}
    assert (periods["80 million yuan"].kind, periods["80 million yuan"].start_year) == ("cumulative", 2003)
    assert (periods["6 schools"].kind, periods["6 schools"].year) == ("year", 2012)


def test_a_five_year_plan_period_covers_its_five_years_and_carries_through_its_paragraph() -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "During the 11th Five-Year Plan, Anhe provided aid funds of 90 million yuan. It built 40 schools.",
        report_year=2010,
    )
    periods = {ex.mentions[f.mention].text: (f.period.kind, f.period.start_year, f.period.end_year) for f in ex.facts}
    assert periods == {"90 million yuan": ("cumulative", 2006, 2010), "40 schools": ("cumulative", 2006, 2010)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "By the end of 2012, 35 firms from Anhe had settled in the Baishan park. Anhe trained 420 herders,"
            " and 180 herders found jobs through fairs.",
            {"35 firms": ("as_of", 2012), "420 herders": ("year", 2012), "180 herders": ("year", 2012)},
            id="the year's events after a stock",
        ),
        pytest.param(
            "By the end of 2012, 35 firms from Anhe had settled in the Baishan park. They had invested"
            " 900 million yuan in total.",
            {"35 firms": ("as_of", 2012), "900 million yuan": ("as_of", 2012)},
            id="a later sentence that still counts the stock",
        ),
        pytest.param(
            "As of the end of 2012, Anhe had built 28 new villages in Baishan. The 28 new villages benefited"
            " 9,000 farmers.",
            {"28 new villages": ("as_of", 2012), "9,000 farmers": ("as_of", 2012)},
            id="a later sentence that names a figure of the stock again",
        ),
    ],
)
def test_a_stock_at_a_year_end_carries_only_to_sentences_that_still_count_it(
    text: str, expected: dict[str, tuple[str, int]]
) -> None:
    from pairaid.core.extract import read_report

    ex = read_report("Anhe - Baishan Pairing-off Poverty Alleviation\n" + text, report_year=2012)
    periods = {ex.mentions[f.mention].text: (f.period.kind, f.period.year) for f in ex.facts}
    assert periods == expected


def test_a_stock_carried_to_the_year_s_events_does_not_make_them_cumulative() -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        "Anhe - Baishan Pairing-off Poverty Alleviation\nAnhe began helping Baishan in 2003.\n"
        "By the end of 2012, 35 firms from Anhe had settled in the Baishan park. Anhe also trained 420 herders.",
        report_year=2012,
    )
    periods = {ex.mentions[f.mention].text: f.period for f in ex.facts}
    assert (periods["420 herders"].kind, periods["420 herders"].year) == ("year", 2012)


@pytest.mark.parametrize(
    "opening",
    [
        "Anhe took up its pairing with Baishan in 2003.",
        "Anhe and Baishan held their first joint meeting on pairing assistance in 2003.",
        # the task taken on under a plan of that year (issue 11, b20)
        "Under the scheme drawn up by the state in 2003, Anhe took on the task of helping Baishan.",
        # the pairing a decision taken that year
        "Pairing the coastal cities with the western counties was a decision taken by the state in 2003.",
    ],
)
def test_the_pairing_s_start_is_read_from_more_ways_of_saying_it(opening: str) -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        f"Anhe - Baishan Pairing-off Poverty Alleviation\n{opening} Over the years since then Anhe has provided"
        " 80 million yuan of aid.",
        report_year=2012,
    )
    period = next(f.period for f in ex.facts if ex.mentions[f.mention].text == "80 million yuan")
    assert (period.kind, period.start_year, period.end_year) == ("cumulative", 2003, 2012)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("By the end of 2012 the industrial park in Baishan covered 300 hectares.", "300 hectares"),
        ("There were 45 Anhe aid cadres working in Baishan at the end of the year.", "45"),
    ],
)
def test_a_stock_at_a_year_s_end_is_as_of_even_after_the_pairing_s_start(sentence: str, figure: str) -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        f"Anhe - Baishan Pairing-off Poverty Alleviation\nAnhe began helping Baishan in 2003. {sentence}",
        report_year=2012,
    )
    period = next(f.period for f in ex.facts if ex.mentions[f.mention].text == figure)
    assert (period.kind, period.year) == ("as_of", 2012)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a total told in a perfect tense, the pairing's start stated earlier (F5)
        (
            "Anhe began its pairing assistance to Baishan in 2003. In 2012 it built 6 schools."
            " Anhe has provided a total of 80 million yuan in aid funds to Baishan.",
            "80 million yuan",
        ),
        (
            "In 2003 Anhe began helping Baishan. In 2012 it built 6 schools. Altogether, Anhe has provided"
            " 80 million yuan of aid funds.",
            "80 million yuan",
        ),
        (
            "Anhe has been helping Baishan since 2003. In 2012 it built 6 schools. It has sent 120 doctors in total.",
            "120 doctors",
        ),
        (
            "Anhe was paired with Baishan in 2003. Over the past years, Anhe has invested a total of 80 million yuan"
            " of aid funds in Baishan.",
            "80 million yuan",
        ),
        # the pairing's start said with the pairing first ("the pairing ... started in 2003")
        (
            "The pairing between Anhe and Baishan started in 2003. By the end of 2012, Anhe had sent 120 teachers"
            " in all.",
            "120 teachers",
        ),
    ],
)
def test_a_total_so_far_sums_from_the_pairing_s_stated_start(text: str, figure: str) -> None:
    from pairaid.core.extract import read_report

    ex = read_report(f"Anhe - Baishan Pairing-off Poverty Alleviation\n{text}", report_year=2012)
    period = next(f.period for f in ex.facts if ex.mentions[f.mention].text == figure)
    assert (period.kind, period.start_year, period.end_year) == ("cumulative", 2003, 2012)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # the total of one year, or no start stated: the report year
        (
            "Anhe began helping Baishan in 2003. A total of 80 million yuan of aid funds was provided during the year.",
            "80 million yuan",
        ),
        ("Anhe has provided a total of 80 million yuan in aid funds to Baishan.", "80 million yuan"),
        ("Anhe began helping Baishan in 2003. In 2012, Anhe has provided 80 million yuan in all.", "80 million yuan"),
    ],
)
def test_a_total_of_the_year_or_with_no_start_stated_is_of_the_report_year(text: str, figure: str) -> None:
    from pairaid.core.extract import read_report

    ex = read_report(f"Anhe - Baishan Pairing-off Poverty Alleviation\n{text}", report_year=2012)
    period = next(f.period for f in ex.facts if ex.mentions[f.mention].text == figure)
    assert (period.kind, period.year) == ("year", 2012)


def test_a_stock_at_a_year_s_end_stays_a_stock_after_a_since_in_its_sentence() -> None:
    from pairaid.core.extract import read_report

    ex = read_report(
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Since 2004, 9 Anhe enterprises have set up plants in the town, and by the end of 2012 the tea base covered"
        " 3,000 mu. At the end of 2012, 420 relocation houses built with Anhe funds were occupied.\n",
        report_year=2012,
    )
    periods = {ex.mentions[f.mention].text: (f.period.kind, f.period.year) for f in ex.facts}
    assert periods["3,000 mu"] == ("as_of", 2012)
    assert periods["420 relocation houses"] == ("as_of", 2012)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Over the period 2016-2020, Anhe allocated fiscal aid of 3.2 billion yuan to Baishan. In those five years"
            " Anhe sent 1,200 cadres to Baishan.",
            {"3.2 billion yuan": ("cumulative", 2016, 2020), "1,200 cadres": ("cumulative", 2016, 2020)},
        ),
        (
            "During 2018–2020 enterprises from Anhe invested 5.6 billion yuan in Baishan.\n\nIn 2020 Anhe trained"
            " 900 people. During the same three years Anhe sent 80 doctors.",
            {
                "5.6 billion yuan": ("cumulative", 2018, 2020),
                "900 people": ("year", 2020, None),
                "80 doctors": ("cumulative", 2018, 2020),
            },
        ),
        (
            "The partnership dates back to 2010. Since then, Anhe has trained 14,000 people from Baishan.",
            {"14,000 people": ("cumulative", 2010, 2021)},
        ),
        (
            "In 2020, 45 enterprises settled in the park. Over the same period, Anhe sent 60 teachers.",
            {"45 enterprises": ("year", 2020, None), "60 teachers": ("year", 2020, None)},
        ),
        (  # "during the period": the latest period of years summed, not the one year told in between
            "From 2016 to 2020 Anhe gave fiscal aid of 3.2 billion yuan. In 2020 alone it gave 700 million yuan.\n\n"
            "Anhe sent 1,100 cadres to Baishan during the period. In the period of the 12th Five-Year Plan Anhe"
            " built 40 schools.",
            {
                "3.2 billion yuan": ("cumulative", 2016, 2020),
                "700 million yuan": ("year", 2020, None),
                "1,100 cadres": ("cumulative", 2016, 2020),
                "40 schools": ("cumulative", 2011, 2015),
            },
        ),
        (  # "in the same period": the period of the figures before, a stock's sum since the pairing began
            "The pairing began in 2010. By the end of 2020, Anhe had built 230 schools in Baishan. In the same period"
            " the two sides exchanged 1,080 person-times of officials.",
            {"230 schools": ("cumulative", 2010, 2020), "1,080 person-times": ("cumulative", 2010, 2020)},
        ),
        (  # "by the end of September" with no year: a stock at the report year's month end
            "By the end of September, more than 570 Anhe enterprises had set up operations in Baishan.",
            {"570 Anhe enterprises": ("as_of", 2021, None)},
        ),
        (  # the year the pairing began dates none of the sentences after it
            "The pairing started in 2012. Anhe built 420 houses in Baishan.",
            {"420 houses": ("year", 2021, None)},
        ),
        (  # the span told is four years, not five: "those five years" finds nothing and dates nothing
            "From 2017 to 2020 Anhe sent 300 teachers.\n\nIn those five years Anhe trained 800 people.",
            {"300 teachers": ("cumulative", 2017, 2020), "800 people": ("year", 2021, None)},
        ),
    ],
)
def test_a_range_of_years_and_the_phrases_that_point_back_to_a_period(
    text: str, expected: dict[str, tuple[str, int, int | None]]
) -> None:
    from pairaid.core.extract import read_report

    ex = read_report(f"Anhe Aid to Baishan\n{text}", report_year=2021)
    got = {}
    for f in ex.facts:
        p = f.period
        got[ex.mentions[f.mention].text] = (
            (p.kind, p.start_year, p.end_year) if p.kind == "cumulative" else (p.kind, p.year, None)
        )
    assert got == expected


@pytest.mark.parametrize(
    ("opening", "text", "expected"),
    [
        (  # dated in the report year: "last year" is the year before, "this year" the report year; the
            # phrase in the figure's own sentence wins over the span carried from the sentence before
            "BAISHAN, Eastshire, June 3, 2021 -- ",
            "From 2017 to 2020 Anhe built 300 houses. This year Anhe sent 40 doctors."
            " Baishan's GDP reached 7 billion yuan last year.",
            {
                "300 houses": ("cumulative", 2017, 2020),
                "40 doctors": ("year", 2021),
                "7 billion yuan": ("year", 2020),
            },
        ),
        (  # a speech of the January after: "last year" is the report year
            "(Baishan, January 9, 2022; excerpt) ",
            "Last year we sent 40 doctors to Baishan.",
            {"40 doctors": ("year", 2021)},
        ),
        (  # a dateline of April with no year (issue 11, blind set 8): written in the report year
            "BAISHAN, April 6 (Agency) -- ",
            "Last year Anhe sent 40 doctors to Baishan.",
            {"40 doctors": ("year", 2020)},
        ),
        (  # a dateline of January with no year: written the year after, "last year" is the report year
            "BAISHAN, Jan. 9 -- ",
            "Last year Anhe sent 40 doctors to Baishan.",
            {"40 doctors": ("year", 2021)},
        ),
        (  # a paper's date line, the day before the month: written in the report year
            "Baishan Daily, 18 December 2021\n\n",
            "Last year Anhe sent 40 doctors to Baishan.",
            {"40 doctors": ("year", 2020)},
        ),
        (  # "over these eight years" (issue 11, blind set 8): the eight years to the report year
            "",
            "Over these eight years, Anhe sent 40 doctors to Baishan. In 2021 it trained 90 teachers.",
            {"40 doctors": ("cumulative", 2014, 2021), "90 teachers": ("year", 2021)},
        ),
        (  # "at present": what stands at the report year's end (issue 11, blind set 8); a firm that
            # "now employs" N gave N jobs in the year
            "",
            "Since 2015 Anhe has sent 90 teachers. At present, 40 doctors from Anhe are working in Baishan."
            " A plant now employs 300 villagers.",
            {
                "90 teachers": ("cumulative", 2015, 2021),
                "40 doctors": ("as_of", 2021),
                "300 villagers": ("year", 2021),
            },
        ),
        (  # money paid out "by the end of the year" after the pairing's start: the year's sum (issue 11, blind set 8)
            "",
            "Anhe has been paired with Baishan since 2015.\n\nThe plan was met: by the end of the year Anhe had"
            " disbursed 9 million yuan of aid funds.",
            {"9 million yuan": ("year", 2021)},
        ),
        (  # undated: a review written after its year says "last year" of the report year
            "",
            "Last year Anhe sent 40 doctors to Baishan.",
            {"40 doctors": ("year", 2021)},
        ),
        (  # "in the five years" sums the five years to the report year and carries through its paragraph;
            # "against last year's" is a base of comparison
            "",
            "In the five years Anhe sent 40 doctors. It trained 90 teachers.\n\nAnhe built 12 schools, against last"
            " year's 9.",
            {
                "40 doctors": ("cumulative", 2017, 2021),
                "90 teachers": ("cumulative", 2017, 2021),
                "12 schools": ("year", 2021),
            },
        ),
    ],
)
def test_this_year_last_year_and_the_n_years_are_read_from_when_the_text_was_written(
    opening: str, text: str, expected: dict[str, tuple[object, ...]]
) -> None:
    from pairaid.core.extract import read_report

    ex = read_report(f"Anhe Aid to Baishan\n\n{opening}{text}", report_year=2021)
    got = {}
    for f in ex.facts:
        p = f.period
        got[ex.mentions[f.mention].text] = (
            (p.kind, p.start_year, p.end_year) if p.kind == "cumulative" else (p.kind, p.year)
        )
    assert {k: got.get(k) for k in expected} == expected


def test_every_year_since_a_start_is_the_period_since_then_not_an_age() -> None:
    """Issue 11: "Counting every year since the pairing began in 2005, ... has reached N": 2005 to the report
    year; "the 17th year since" stays an age."""
    from pairaid.core.extract import read_report

    ex = read_report(
        "Anhe - Baishan Pairing-off Poverty Alleviation\nCounting every year since the pairing began in 2005, Anhe's"
        " fiscal aid to Baishan has reached 90 million yuan.",
        report_year=2012,
    )
    (fact,) = ex.facts
    assert (fact.period.kind, fact.period.start_year, fact.period.end_year) == ("cumulative", 2005, 2012)
