"""Chinese mentions (gold-format.md Z1-Z4): tables of made-up sentences, each with the mentions it holds.

Each row is a sentence and its mentions as ``(text, value, unit, qualifier)`` (with ``value_high`` after a
``-`` for ranges); the span text is checked against the original, so Traditional and garbled rows show
that spans land on the text as written.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from pairaid.core.numbers import format_decimal


def _mentions(text: str) -> list[tuple[str, str, str, str]]:
    extraction = read_report(text, report_year=2019)
    out = []
    for m in extraction.mentions:
        value = format_decimal(m.value)
        if m.value_high is not None:
            value += "-" + format_decimal(m.value_high)
        assert text[m.start : m.end] == m.text
        out.append((m.text, value, m.unit, m.qualifier))
    return out


NUMBERS = [  # Z1: digits and scale, numerals, mixed forms, ranges
    ("甲市投入资金7580万元。", [("7580万元", "75800000", "CNY", "exact")]),
    ("共落实资金1亿3500万元。", [("1亿3500万元", "135000000", "CNY", "exact")]),
    ("援助资金4.5亿元。", [("4.5亿元", "450000000", "CNY", "exact")]),
    ("培训干部12.1万人次。", [("12.1万人次", "121000", "person_time", "exact")]),
    ("新建住房三千二百套。", [("三千二百套", "3200", "count", "exact")]),
    ("新建两所学校。", [("两所", "2", "count", "exact")]),
    ("共投入八千六百万元。", [("八千六百万元", "86000000", "CNY", "exact")]),
    ("贫困发生率下降到百分之十一点五。", [("百分之十一点五", "11.5", "percent", "exact")]),
    ("八成资金用于民生。", [("八成", "80", "percent", "exact")]),
    ("每户补助3至5万元。", [("3至5万元", "30000-50000", "CNY", "exact")]),
    ("引进企业三四十家。", [("三四十家", "30-40", "count", "exact")]),
    ("每期培训500-800人。", [("500-800人", "500-800", "person", "exact")]),
    ("共有七八个项目。", [("七八个", "7-8", "count", "exact")]),
    ("全年接待游客1,250人次。", [("1,250人次", "1250", "person_time", "exact")]),
    ("建成二十三座桥梁。", [("二十三座", "23", "count", "exact")]),
    ("捐款一百零五万元。", [("一百零五万元", "1050000", "CNY", "exact")]),
    ("甲县获得5千万元支持。", [("5千万元", "50000000", "CNY", "exact")]),
    ("甲市共派出百名教师。", [("百名", "100", "person", "exact")]),
    ("修建道路12.5公里。", [("12.5公里", "12.5", "km", "exact")]),
    ("年产饲料3.6万吨。", [("3.6万吨", "36000", "t", "exact")]),
]

UNITS = [  # Z2: money, people, person-times, households, areas, lengths, weights, counters
    ("捐赠物资折合人民币200万元人民币。", [("200万元人民币", "2000000", "CNY", "exact")]),
    ("资助学生360名。", [("360名", "360", "person", "exact")]),
    ("选派教师36人、医生12位。", [("36人", "36", "person", "exact"), ("12位", "12", "person", "exact")]),
    ("开展义诊580人次。", [("580人次", "580", "person_time", "exact")]),
    ("帮助贫困户1200户脱贫。", [("1200户", "1200", "household", "exact")]),
    ("种植茶叶800亩。", [("800亩", "800", "mu", "exact")]),
    ("造林120公顷。", [("120公顷", "120", "ha", "exact")]),
    ("园区占地3平方公里。", [("3平方公里", "300", "ha", "exact")]),
    ("新建校舍1.2万平方米。", [("1.2万平方米", "12000", "m2", "exact")]),
    ("铺设管道800米。", [("800米", "800", "m", "exact")]),
    ("销售蔬菜2000公斤、大米30千克。", [("2000公斤", "2000", "kg", "exact"), ("30千克", "30", "kg", "exact")]),
    ("实施项目87个。", [("87个", "87", "count", "exact")]),
    ("完成手术197例。", [("197例", "197", "count", "exact")]),
    ("开通专列21车次。", [("21车次", "21", "count", "exact")]),
    ("举办培训班45期。", [("45期", "45", "count", "exact")]),
    ("覆盖8市33个贫困县。", [("8市", "8", "count", "exact"), ("33个", "33", "count", "exact")]),
    ("涉及教育、卫生等七大领域。", [("七大领域", "7", "count", "exact")]),
    ("吸引客商47.8万老乡受益。", [("47.8万", "478000", "person", "exact")]),
    ("甲乙两市签下扶贫投资订单242亿。", [("242亿", "24200000000", "CNY", "exact")]),
    ("网站总浏览量7万余次。", [("7万余次", "70000", "count", "more_than")]),
    ("销售额增长3个百分点。", [("3个百分点", "3", "percent", "exact")]),
]

QUALIFIERS = [  # Z3: before, after and inside the number
    ("累计援助7亿多元。", [("7亿多元", "700000000", "CNY", "more_than")]),
    ("投入3.2余万元。", [("3.2余万元", "32000", "CNY", "more_than")]),
    ("转移劳动力4万多名。", [("4万多名", "40000", "person", "more_than")]),
    ("带动群众超过5000人。", [("5000人", "5000", "person", "more_than")]),
    ("总投资超3亿元。", [("3亿元", "300000000", "CNY", "more_than")]),
    ("受益人口逾万人。", [("万人", "10000", "person", "more_than")]),  # a qualifier glued to a bare 万 (逾, 近, 上)
    ("万人大会召开。", []),  # a bare 万 with no qualifier is no number
    ("接待上万人次。", [("万人次", "10000", "person_time", "more_than")]),
    ("建成上百个项目。", [("百个", "100", "count", "more_than")]),
    ("投入近1亿元。", [("1亿元", "100000000", "CNY", "nearly")]),
    ("共有将近300名志愿者。", [("300名", "300", "person", "nearly")]),
    ("援建学校约40所。", [("40所", "40", "count", "about")]),
    ("约有10万左右农民工在外务工。", [("10万左右", "100000", "person", "about")]),
    ("资金80%以上用于民生。", [("80%", "80", "percent", "more_than")]),
    ("不足500人参加。", [("500人", "500", "person", "less_than")]),
    ("每年至少开展两次活动。", [("两次", "2", "count", "more_than")]),
    ("总投资达600多亿元。", [("600多亿元", "60000000000", "CNY", "more_than")]),
    ("销售额达1.2亿元。", [("1.2亿元", "120000000", "CNY", "exact")]),
    ("最近3个项目已开工。", [("3个", "3", "count", "exact")]),
]

EXCLUSIONS = [  # Z4: dates, times, years, ordinals, plan periods, anniversaries, durations, names, lists
    ("2020年10月23日10:31,甲市捐款。", []),
    ("9月28-30日举办博览会。", []),
    ("2016至2020年,甲市援建学校12所。", [("12所", "12", "count", "exact")]),
    ("第十一批援疆干部到岗。", []),
    ("第3届博览会开幕。", []),
    ("“十三五”期间成效显著。", []),
    ("十二五以来,两地合作加深。", []),
    ("庆祝结对两周年。", []),
    ("迎来70周年。", []),
    ("援建三年多来,成效明显。", []),
    ("每天工作8小时。", []),
    ("上线3个月,访客增加。", []),
    ("聚焦三区三州深度贫困地区。", []),
    ("解决两不愁三保障问题。", []),
    ("推广“1+1”结对模式。", []),
    ("一、加大资金投入\n(二)强化人才支援\n3.深化产业合作", []),
    ("占外出务工农民的1/6。", []),
    ("资金增加近四分之一。", []),
    ("年劳务收入数十亿元。", []),
    ("共培训数百人。", []),
    ("甲乙两省区签订协议。", []),
    ("两地干部交流。", []),
    ("建成一批示范村。", []),
    ("这是一个美丽的地方。", []),
    ("一是加大投入,二是强化人才。", []),
    ("该院创建二甲医院。", []),
    ("贯彻党的十九大精神。", []),
    ("价格是2019年的1.3倍。", []),
    ("期货价格下跌15.6美元。", []),
    ("甲市连续18年对口帮扶乙市。", []),
    ("国发〔2016〕12号文件下发。", []),
    ("30年来,甲省累计投入资金61.8亿元。", [("61.8亿元", "6180000000", "CNY", "exact")]),
]

PAGES = [  # text that is not the report yields nothing
    ("来源:某某日报\n责任编辑:王某\n京ICP备12345678号\n", []),
    ("首页 | 新闻 | 政务 | 服务\n您的位置:首页 >要闻 >\n", []),
    ("原标题 [甲市3年投入5亿元帮扶乙县]\n甲市投入资金5亿元。", [("5亿元", "500000000", "CNY", "exact")]),
    ("联系电话:0531-12345678 邮编:250000\n", []),
    ("http://www.example.cn/2019/0302/123.html\n", []),
    ('<i id="abcd"></i>甲县新建卫生院12所。', [("12所", "12", "count", "exact")]),
    ("当天,期货价格下跌15.6美元,收于每盎司22.9美元,跌幅为0.7%。\n甲市投入资金3亿元。",
     [("3亿元", "300000000", "CNY", "exact")]),
    ("某某娱乐城 注册送38元彩金\n", []),
]

TRADITIONAL_AND_GARBLED = [  # Traditional characters, pinyin garble and mojibake: spans on the text as written
    ("投入資金600萬(wàn)元。", [("600萬(wàn)元", "6000000", "CNY", "exact")]),
    ("實施項目87個(gè),新建學校3所。", [("87個(gè)", "87", "count", "exact"), ("3所", "3", "count", "exact")]),
    (
        "援助資金4.71億元,受益群眾逾3萬人。",
        [("4.71億元", "471000000", "CNY", "exact"), ("3萬人", "30000", "person", "more_than")],
    ),
    ("共建成1869戶(hù)住房。", [("1869戶(hù)", "1869", "household", "exact")]),
    ("選派干部２９８名。", [("２９８名", "298", "person", "exact")]),
    ("建成上百個(gè)項目。", [("百個(gè)", "100", "count", "more_than")]),
    ("種植3.6萬畝。", [("3.6萬畝", "36000", "mu", "exact")]),
    ("轉移勞動力1.2萬餘人。", [("1.2萬餘人", "12000", "person", "more_than")]),
    ("帶動當?地群眾2000人就業。", [("2000人", "2000", "person", "exact")]),
    ("兩岸交流頻繁,接待游客約5萬人次。", [("5萬人次", "50000", "person_time", "about")]),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS + UNITS)
def test_numbers_and_units(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _mentions(text) == expected


@pytest.mark.parametrize(("text", "expected"), QUALIFIERS)
def test_qualifiers(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _mentions(text) == expected


@pytest.mark.parametrize(("text", "expected"), EXCLUSIONS)
def test_exclusions(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _mentions(text) == expected


@pytest.mark.parametrize(("text", "expected"), PAGES)
def test_page_text_that_is_not_the_report(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _mentions(text) == expected


@pytest.mark.parametrize(("text", "expected"), TRADITIONAL_AND_GARBLED)
def test_traditional_and_garbled(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _mentions(text) == expected


def test_a_page_of_only_navigation_gives_no_mentions_and_no_error() -> None:
    page = "首页 | 新闻 | 图片 | 视频\n2019-03-02 08:10 来源: 某某网\n京ICP备12345678号-1\n"
    assert read_report(page, report_year=2019).mentions == ()


def test_a_report_mixing_english_and_chinese_reads_both() -> None:
    text = "In 2019, City A sent 12 teachers to County B.\n2019年,甲市向乙县捐赠资金300万元。\n"
    found = [(m.text, format_decimal(m.value), m.unit) for m in read_report(text, report_year=2019).mentions]
    assert found == [("12 teachers", "12", "person"), ("300万元", "3000000", "CNY")]


REGRESSIONS = [  # the smallest inputs that showed a bug
    ("培训干部两万一千余人次。", [("两万一千余人次", "21000", "person_time", "more_than")]),  # a numeral after 万
    ("引导企业投资四点六亿元。", [("四点六亿元", "460000000", "CNY", "exact")]),  # 点 before a scale
    ("累计投入逾百亿元。", [("百亿元", "10000000000", "CNY", "more_than")]),  # a bare 百 before a scale
    ("同比增长百分之二十一。", [("百分之二十一", "21", "percent", "exact")]),  # 百分之 is no fraction
    ("资金“八成”投向基层。", [("八成", "80", "percent", "exact")]),  # a figure quoted for emphasis
    ("表二 人才和劳务", []),  # a table's number and a counter after a space
    ("惠及逾20万脱贫群众。", [("20万", "200000", "person", "more_than")]),  # people named by a longer noun
    ("相关阅读:\n甲县已有60多个村脱贫\n乙县销售额突破50亿元\n", []),  # titles of related articles
    ("【广告】某某课堂,首课仅需9.9元\n", []),
]


@pytest.mark.parametrize(("text", "expected"), REGRESSIONS)
def test_regressions(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _mentions(text) == expected
