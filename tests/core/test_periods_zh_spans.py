"""Periods of Chinese figures from the page's frame (gold-format.md F5, Z6), as made-up pages: a work report heading
its review with the year before; "每年" (each year) that speaks of no year of its own; "两年多来" (more than two
years) after a start the page states with its month; a noun before a verb of completion ("项目已竣工N个").

Each row is a page, its report year and figures ``(span text, indicator, period)``; ``period`` is ``("year", Y)``,
``("as_of", Y)`` or ``("cumulative", A, B)``.  Every page and figure is made up.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report

Figure = tuple[str, str | None, tuple[object, ...] | None]


def _figures(text: str, year: int) -> dict[str, list[Figure]]:
    extraction = read_report(text, report_year=year)
    out: dict[str, list[Figure]] = {}
    bound = {f.mention for f in extraction.facts}
    for f in extraction.facts:
        p = f.period
        period = (p.kind, p.start_year, p.end_year) if p.kind == "cumulative" else (p.kind, p.year)
        out.setdefault(extraction.mentions[f.mention].text, []).append(
            (extraction.mentions[f.mention].text, f.indicator, period)
        )
    for i, m in enumerate(extraction.mentions):
        if i not in bound:
            out.setdefault(m.text, []).append((m.text, None, None))
    return out


PAGES = [
    # a work report delivered early in 2032 whose review is headed "一、2031年工作回顾": its figures are of 2031
    (
        "政府工作报告\n——2032年1月12日在白山县第八届人民代表大会第四次会议上\n\n各位代表:\n\n一、2031年工作回顾\n\n"
        "(一)援疆工作成效明显。全年到位安和市援疆资金2.35亿元,实施援疆项目26个。截至年底,安和市援疆干部人才84名在岗履职。\n\n"
        "二、2032年主要任务\n\n今年将争取援疆资金2.5亿元。\n",
        2032,
        [
            ("2.35亿元", "aid_funds", ("year", 2031)),
            ("26个", "aid_projects", ("year", 2031)),
            ("84名", "cadres_seconded", ("as_of", 2031)),
            ("2.5亿元", None, None),
        ],
    ),
    # ... but a heading of the report year's own plans is no review of the year before
    (
        "政府工作报告\n——2032年1月12日在白山县第八届人民代表大会第四次会议上\n\n一、2032年工作安排\n\n全年到位安和市援疆资金2.35亿元。\n",
        2032,
        [("2.35亿元", "aid_funds", ("year", 2032))],
    ),
    # "每年" in a clause of its own does not end the sum the page opened ("五年来"): 先后 after it still sums since 2027
    (
        "安白协作五年回顾\n\n2027年以来,安和市认真落实协作部署,五年来共向白山州提供援助资金2.3亿元。\n\n"
        "五年来,安和帮助白山建成希望小学41所;这些学校每年招收学生上千人。\n\n"
        "干部交流方面,安和先后派出两批36名干部到白山挂职。\n",
        2031,
        [("41所", "schools", ("cumulative", 2027, 2031)), ("36名", "cadres_seconded", ("cumulative", 2027, 2031))],
    ),
    # "两年多来": the span from the start the page states, a month after its year ("从2029年6月起"); a sum by a date
    # after that start is cumulative from it; the projects completed so far are a stock
    (
        "安和援建白山纪实\n\n安和市从2029年6月起对口支援白山县灾后重建。截至2031年9月底,安和援建项目已竣工120个,"
        "累计完成援建投资31.5亿元。\n\n两年多来,安和在白山援建学校18所、乡镇卫生院11所。\n",
        2031,
        [
            ("120个", "aid_projects", ("as_of", 2031)),
            ("31.5亿元", "aid_funds", ("cumulative", 2029, 2031)),
            ("18所", "schools", ("cumulative", 2029, 2031)),
            ("11所", "health_facilities", ("cumulative", 2029, 2031)),
        ],
    ),
    # a count listed right after a stock now ("目前,…干部88名,专业技术人才610名") is a stock too; a later flow is not
    (
        "安和对口帮扶白山工作\n\n人才帮扶\n目前,安和在白山挂职干部88名,专业技术人才610名,分布在全州各地的学校和医院。"
        "全年安和为白山培训干部1200人次。\n",
        2030,
        [
            ("88名", "cadres_seconded", ("as_of", 2030)),
            ("610名", "professionals_sent", ("as_of", 2030)),
            ("1200人次", "people_trained", ("year", 2030)),
        ],
    ),
]


# cues: kinds of a count of projects (其中…类N个) are its parts; houses listed after a hospital; projects of schools;
# workers the donor took in; model villages built jointly (F2, F3, F7)
CUES = [
    (
        "安和市对口支援白山州工作\n\n2031年,安和援建寄宿制学校4所、乡镇卫生院9所、牧民定居房760套。安和接收白山劳务人员5200人。"
        "实施援建项目52个,其中产业发展类17个,教育类12个。全年241个项目开工建设,其中新建续建学校项目15个。"
        "两地共建“安白协作”乡村振兴示范村5个。\n",
        2031,
        [
            ("4所", "schools", ("year", 2031)),
            ("760套", "houses", ("year", 2031)),
            ("5200人", "labour_transferred", ("year", 2031)),
            ("17个", "aid_projects", ("year", 2031)),
            ("12个", "aid_projects", ("year", 2031)),
            ("15个", "aid_projects", ("year", 2031)),
            ("5个", "villages", ("year", 2031)),
        ],
    ),
    # a verb right after the counter: the counted noun is the one before the number
    (
        "安和帮扶白山\n\n2031年,安和资助白山失学儿童730名重返校园。\n",
        2031,
        [("730名", "students_supported", ("year", 2031))],
    ),
    # a part in brackets right after a figure ("社会捐赠182万元(含物资折款57万元)") is of that figure, and takes its
    # indicator
    (
        "安和对口帮扶白山\n\n2031年,安和对口帮扶白山资金512万元,其中无偿援助资金330万元,社会捐赠182万元(含物资折款57万元)。\n",
        2031,
        [("182万元", "social_donations", ("year", 2031)), ("57万元", "social_donations", ("year", 2031))],
    ),
]


@pytest.mark.parametrize(("text", "year", "expected"), PAGES + CUES)
def test_periods_from_the_page_frame(text: str, year: int, expected: list[Figure]) -> None:
    found = _figures(text, year)
    for figure in expected:
        assert figure in found.get(figure[0], []), (figure, found.get(figure[0]))
