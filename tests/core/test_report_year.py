"""The year a report covers, from its text and file name (pairaid.core.extract.report_year): made-up texts."""

from __future__ import annotations

import pytest

from pairaid.core.extract.report_year import report_year_of

CHAPTER = "Anhe - Baishan Pairing-off Aid\n\nIn 2019 Anhe gave 3 million yuan, against 2 million yuan in 2018.\n"
NEWS = (
    "Anhe and Baishan keep pace\n\n"
    "BAISHAN, Oct. 22 -- Anhe has given 3 million yuan this year, against 2 million yuan in 2019,"
    " officials said on Thursday.\n"
)


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        # a yearbook's chapter is named for the year it appeared in and covers the year before
        (CHAPTER, "2020_anhe-baishan.txt", 2019),
        # a news release, opened by its dateline, covers the year it appeared in (issue 11, blind set 5)
        (NEWS, "2020_anhe-baishan-news.txt", 2020),
        (NEWS.replace("BAISHAN, Oct. 22 --", "BAISHAN CITY, July 9 (staff reporter) --"), "2020_news.txt", 2020),
        # the dateline names the province after the city, and the year after the day (issue 11, blind set 7)
        (NEWS.replace("BAISHAN, Oct. 22 --", "BAISHAN, Eastshire, Oct. 22, 2020 --"), "2020_anhe-baishan.txt", 2020),
        (NEWS.replace("BAISHAN, Oct. 22 --", "BAISHAN, Inner Westland, May 3, 2020 —"), "2020_news.txt", 2020),
        # a dated dateline's year wins over a plan's later year and the file name
        (
            NEWS.replace("BAISHAN, Oct. 22 --", "BAISHAN, Eastshire, Dec. 30, 2020 --") + "It plans more in 2021.\n",
            "2021_anhe-baishan.txt",
            2020,
        ),
        # a capitalised heading with a date later in the text is no dateline
        (CHAPTER + "\nNOTES, May 3: compiled by the office.\n", "2020_anhe-baishan.txt", 2019),
    ],
)
def test_the_year_a_report_covers(text: str, filename: str, year: int) -> None:
    assert report_year_of(text, filename=filename) == year


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        # a release of January on the year before, named for the year it appeared in
        (
            "Anhe's year in Baishan\n\nBAISHAN, Jan. 9 -- Anhe spent 5 million yuan in 2030, and in 2030 it built"
            " 4 schools. It will spend more in 2031.\n",
            "2031_anhe-baishan.txt",
            2030,
        ),
        # a chapter named for the year it reports on, as a writer may name it
        ("A - B\n\nIn 2030 Anhe gave 3 million yuan. In 2030 it also built 2 clinics.\n", "2030_a-b.txt", 2030),
        # a plan's year and a compared year do not count; one year each is a tie, and the file name decides
        ("A - B\n\nIn 2030 Anhe gave 3 million yuan, against 2 million yuan in 2029.\n", "2031_a-b.txt", 2030),
        ("A - B\n\nIn 2030 Anhe gave 3 million yuan. Anhe plans to give more in 2031.\n", "2031_a-b.txt", 2030),
        ("A - B\n\nIn 2030 Anhe gave 3 million yuan. In 2031 it gave 4 million yuan.\n", "2031_a-b.txt", 2030),
    ],
)
def test_the_year_the_text_names_most_decides_between_the_two_a_file_name_may_mean(
    text: str, filename: str, year: int
) -> None:
    assert report_year_of(text, filename=filename) == year


LAST_YEAR = "Last year Anhe gave 5 million yuan to Baishan, and in 2030 it built 4 schools there.\n"


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        # a dateline of spring to autumn without its year: the year the release is named for, though the
        # text names only the year before (issue 11, blind set 8)
        ("Anhe gives more\n\nBAISHAN, April 6 (Agency) -- " + LAST_YEAR, "2031_anhe-baishan.txt", 2031),
        # a line of the opening that is a date, with the paper's or the page's words around it
        ("Anhe gives more\n\nBaishan Daily, 18 December 2031\n\n" + LAST_YEAR, "2031_anhe-baishan.txt", 2031),
        ("Anhe gives more\n\nUpdated: 2031-08-28  Source: Baishan portal\n\n" + LAST_YEAR, "2031_a-b.txt", 2031),
        # a date in the opening's prose of the file name's year: an interview recorded that year
        (
            "Interview: Anhe in Baishan\n\nIn June 2030 a team came. On July 11, 2031, we talked with its leader.\n\n"
            + LAST_YEAR,
            "2031_anhe-baishan.txt",
            2031,
        ),
        # published in January: on the year before; a communiqué of March titled for the year before
        ("Anhe gives more\n\nUpdated: 2032-01-20 08:31\n\nIn 2031 Anhe gave 5 million yuan.\n", "2032_a-b.txt", 2031),
        (
            "Communique of Baishan on its 2030 Economy\n\nBaishan Bureau of Statistics\nMarch 28, 2031\n\n" + LAST_YEAR,
            "2031_baishan.txt",
            2030,
        ),
    ],
)
def test_the_date_a_report_was_published_tells_its_year(text: str, filename: str, year: int) -> None:
    assert report_year_of(text, filename=filename) == year


REVIEW = "Westland overview\n\nIn 2030, the eastern cities gave 8 billion yuan, up 5% over 2029 (7 billion yuan).\n"


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        # a review released in the spring with its year written, naming only the year before as its own: that year
        (REVIEW + "\n(Source: Westland office; released 12 April 2031.)\n", "2030_westland.txt", 2030),
        # released in the autumn, or naming its own year too: the year it is dated
        (REVIEW + "\n(Source: Westland office; released 12 October 2031.)\n", "2030_westland.txt", 2031),
        (REVIEW + "In 2031 it gave more.\n\n(Source: Westland office; released 12 April 2031.)\n", "x.txt", 2031),
        # the year something began is history: a December dateline without its year takes the file name's
        (
            "Anhe gives more\n\nBAISHAN, Dec. 18 -- Anhe gave 5 million yuan this year, up 9 percent from 2030."
            " Since the pairing began in 2030, it has given 9 million yuan.\n",
            "2031_anhe-baishan.txt",
            2031,
        ),
        # a yearbook chapter whose title names the year before its file's alone, with a plan for the next year
        (
            "Anhe's Pairings: City Round-up, 2030\n\nAnhe's cities reported their 2030 results. Linxi gave"
            " 5 million yuan to Baishan.\n\nIn 2031 the province intends to give more.\n",
            "2031_anhe-roundup.txt",
            2030,
        ),
    ],
)
def test_history_and_the_years_compared_with_are_not_the_year_reported(text: str, filename: str, year: int) -> None:
    assert report_year_of(text, filename=filename) == year


AID = "Kelan's Aid to Dongpo\n\n"


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        # a yearbook's edition named in its opening reports on the year before (issue 11, blind set 13)
        ("Kelan Yearbook 2027\n" + AID + "In the past year Kelan gave 8 million yuan.\n", "kelan-yearbook.txt", 2026),
        ("2027 Kelan Statistical Yearbook\n" + AID + "Kelan gave 8 million yuan.\n", "kelan.txt", 2026),
        ("Yearbook (2027)\n" + AID + "Kelan gave 8 million yuan. 2027 is the plan's last year.\n", "k.txt", 2026),
        # ... or its file name does, wherever the year stands in it
        (AID + "Over the past year Kelan gave 8 million yuan.\n", "kelan-dongpo-yearbook-2027.txt", 2026),
        # a plan for the edition's year, or for the file's, is not the year covered
        (
            AID + "In the past year Kelan gave 8 million yuan. By the end of 2027 Kelan aims to build 9 roads.\n",
            "2027_kelan-dongpo.txt",
            2026,
        ),
        (
            AID + "Kelan gave 8 million yuan last year. In 2027, Kelan plans to train 900 people.\n",
            "2027_kelan-dongpo.txt",
            2026,
        ),
        # a heading that is a year alone ("2026年", "Work in 2026") names the year the figures below are for
        (AID + "2026年\nKelan gave 8 million yuan. The 2027 budget was set in December.\n", "2027_kelan.txt", 2026),
        (
            AID + "Work in 2026\nKelan gave 8 million yuan.\nOutlook\nIn 2027, Kelan will give more.\n",
            "2027_kelan.txt",
            2026,
        ),
        # an edition whose chapter names the edition's own year most, and not the past year, covers its own year
        (
            "Kelan Yearbook 2027\n" + AID + "In 2027 Kelan gave 8 million yuan. In 2027 it sent 9 cadres.\n",
            "kelan.txt",
            2027,
        ),
    ],
)
def test_a_yearbook_edition_reports_on_the_year_before_unless_its_text_says(
    text: str, filename: str, year: int
) -> None:
    assert report_year_of(text, filename=filename) == year


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        # a yearbook appears the year after the one it reports on: its edition's year in the breadcrumb or title
        ("白山州年鉴2031 > 对口支援 > 安和\n\n【概况】 2030年，安和市投入援助资金3亿元。\n", "2031_a-b.txt", 2030),
        ("白山州年鉴（2031） 第九篇 对口支援\n\n【概况】 全年安和市投入援助资金3亿元。\n", "2031_a-b.txt", 2030),
        ("白山州年鑑·2031　對口支援\n\n【概況】 2030年，安和市投入援助資金3億元。\n", "2031_a-b.txt", 2030),
        # held-out copies are named for the year they report on: the edition still decides
        ("白山州年鉴（2031） 第九篇 对口支援\n\n【概况】 2030年，安和市投入援助资金3亿元。\n", "2030_a-b.txt", 2030),
        # a yearbook whose text names its edition's year more reports on it
        ("白山州年鉴（2031）\n\n2031年，安和市投入3亿元。2031年还建成学校2所。2030年开工。\n", "2031_a-b.txt", 2031),
        # a statistical communiqué or a table of results published the year after: the year its title names
        (
            "白山市2030年国民经济和社会发展统计公报\n\n白山市统计局\n2031年4月2日\n\n全年安和市投入帮扶资金3亿元。\n",
            "2031_a-b.txt",
            2030,
        ),
        (
            "首页 > 数据发布\n\n安和市对口帮扶白山州2030年主要指标完成情况\n发布日期：2031-01-20\n\n"
            "指标名称\t单位\t完成\n财政帮扶资金\t万元\t4170\n",
            "2031_a-b.txt",
            2030,
        ),
        # a title naming a plan's year, a span or a date does not move the file name's year
        ("安和白山协作2031年工作要点印发\n\n今年安和将安排资金3亿元。\n", "2031_a-b.txt", 2031),
        ("安和援白山：2026至2030年累计投入12亿元\n\n2031年，安和投入资金3亿元。\n", "2031_a-b.txt", 2031),
        ("安和市对口帮扶白山州2031年1—10月工作进展\n\n全年安和投入3亿元。\n", "2031_a-b.txt", 2031),
        # a title's year is the file name's: as before
        ("安和市对口支援白山州2031年工作情况\n（2032年1月）\n\n2031年，安和投入资金3亿元。\n", "2031_a-b.txt", 2031),
    ],
)
def test_a_chinese_page_reports_on_its_yearbook_edition_s_year_before_or_its_title_s_year(
    text: str, filename: str, year: int
) -> None:
    assert report_year_of(text, filename=filename) == year


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        # the title's one year, the file name's own: a key-figures page, a work summary, a half-year report
        # (issue 11, b20)
        (
            "Kelan in Dongpo: 2031 at a Glance\n\nFigures from the Kelan office, February 2032\n\n"
            "- Aid funds: 6 million yuan\n- Schools built: 4\n",
            "2031_kelan.txt",
            2031,
        ),
        (
            "Kelan-Dongpo Aid: Work Summary for 2031\n\nSince Kelan was paired with Dongpo in 2029, it has sent"
            " cadres. Kelan gave 6 million yuan. In 2032 Kelan will give 7 million yuan.\n",
            "2031_kelan.txt",
            2031,
        ),
        (
            "Kelan-Dongpo: Progress Report, January-June 2031\n\nKelan Office, July 2031\n\nKelan gave 3 million"
            " yuan. Since the start of the pairing in 2026 Kelan has given 40 million yuan.\n",
            "2031_kelan.txt",
            2031,
        ),
        # a table whose years run to the file name's year: its figures reach that year
        (
            "Kelan's Aid to Dongpo over the Period\n\nTable 2  Aid by year, 2027-2031\n\nItem  2027  2028  2029"
            "  2030  2031\nFunds  1  2  3  4  5\n\nThe 2031 figure was higher than in 2030.\n",
            "2031_kelan.txt",
            2031,
        ),
        # a title naming a plan's year is not the year covered
        (
            "Kelan's Plan for 2031\n\nIn 2030 Kelan gave 3 million yuan. In 2030 it built 2 clinics.\n",
            "2031_k.txt",
            2030,
        ),
    ],
)
def test_a_title_s_one_year_or_a_span_s_end_names_the_year_covered(text: str, filename: str, year: int) -> None:
    assert report_year_of(text, filename=filename) == year
