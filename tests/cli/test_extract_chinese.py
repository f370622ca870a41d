"""``pairaid extract`` on Chinese pages as found: GBK, GB18030 and Big5 files, a page that is only
page furniture, and a file mixing English and Chinese paragraphs (issue 9, bad input).

Every page here is made up for the test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app

SIMPLIFIED = (
    "安和市对口帮扶白山县工作综述\n"
    "2019年,安和市向白山县投入财政援助资金1.2亿元,援建学校12所,培训教师3600人次。\n"
    "社会各界捐款捐物折合800多万元,惠及群众4.5万人。\n"
)
TRADITIONAL = (
    "安和市對口幫扶白山縣工作綜述\n"
    "2019年,安和市向白山縣投入財政援助資金1.2億元,援建學校12所,培訓教師3600人次。\n"
    "社會各界捐款捐物折合800多萬元,惠及群眾4.5萬人。\n"
)
# value, unit and qualifier of each figure of both pages, in order
FIGURES = [
    ("120000000", "CNY", "exact"),
    ("12", "count", "exact"),
    ("3600", "person_time", "exact"),
    ("8000000", "CNY", "more_than"),
    ("45000", "person", "exact"),
]


def _extract(tmp_path: Path, name: str, data: bytes, *args: str) -> dict[str, Any]:
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(path), "--out", str(out), "--year", "2019", *args])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))
    return found


def _figures(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(m["value"], m["unit"], m["qualifier"]) for m in data["mentions"]]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(SIMPLIFIED, "gbk"), (SIMPLIFIED, "gb18030"), (TRADITIONAL, "big5"), (TRADITIONAL, "gb18030")],
    ids=["gbk", "gb18030", "big5", "traditional-in-gb18030"],
)
def test_a_chinese_page_in_a_legacy_encoding_is_read_like_utf8(tmp_path: Path, text: str, encoding: str) -> None:
    data = _extract(tmp_path, "page.txt", text.encode(encoding))
    assert _figures(data) == FIGURES
    # spans index the text as read: each mention's text is the page's own characters
    assert [m["text"] for m in data["mentions"]][:2] == (
        ["1.2亿元", "12所"] if text is SIMPLIFIED else ["1.2億元", "12所"]
    )
    assert [m["text"] for m in data["mentions"]] == [text[m["start"] : m["end"]] for m in data["mentions"]]
    facts = {(data["mentions"][f["mention"]]["value"], f["indicator"]) for f in data["facts"]}
    assert ("120000000", "government_aid_funds") in facts
    assert ("8000000", "social_donations") in facts


def test_the_same_page_in_utf8_gives_the_same_figures_and_facts(tmp_path: Path) -> None:
    legacy = _extract(tmp_path, "gbk.txt", SIMPLIFIED.encode("gbk"))
    utf8 = _extract(tmp_path, "utf8.txt", SIMPLIFIED.encode("utf-8"))
    assert legacy["mentions"] == utf8["mentions"] and legacy["facts"] == utf8["facts"]


SPAM_ONLY = (
    "首页 | 新闻中心 | 图片 | 视频 | 专题\n"
    "您的位置:首页 > 要闻 > 正文\n"
    "2019-03-02 08:10 来源: 某某网 责任编辑: 王某\n"
    "【字体:大 中 小】 打印本页 关闭窗口\n"
    "某某娱乐城 注册送38元彩金,首存返水1.5%\n"
    "扫码下载APP,领取100元红包\n"
    "相关阅读:\n甲县今年新增就业3000人\n乙市销售额突破50亿元\n\n"
    "联系电话:010-12345678 传真:010-87654321\n"
    "京ICP备12345678号-1 京公网安备11010502030143号\n"
    "http://www.example.cn/2019/0302/123.html\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_page_that_is_only_furniture_gives_no_figures_and_no_error(tmp_path: Path, encoding: str) -> None:
    data = _extract(tmp_path, "spam.txt", SPAM_ONLY.encode(encoding))
    assert (data["mentions"], data["facts"]) == ([], [])


MIXED = (
    "Anhe - Baishan Pairing Assistance\n"
    "In 2019, Anhe provided aid funds of 6.5 million yuan to Baishan and trained 420 teachers.\n"
    "\n"
    "2019年,安和市向白山县捐赠资金300万元,援建卫生院两所。\n"
    "Baishan also received 1,200 tons of relief materials.\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_file_mixing_english_and_chinese_paragraphs_reads_both(tmp_path: Path, encoding: str) -> None:
    data = _extract(tmp_path, "mixed.txt", MIXED.encode(encoding), "--recipient", "Baishan")
    assert [(m["text"], m["value"], m["unit"]) for m in data["mentions"]] == [
        ("6.5 million yuan", "6500000", "CNY"),
        ("420 teachers", "420", "person"),
        ("300万元", "3000000", "CNY"),
        ("两所", "2", "count"),
        ("1,200 tons", "1200", "t"),
    ]
    assert {(data["mentions"][f["mention"]]["value"], f["indicator"]) for f in data["facts"]} >= {
        ("6500000", "aid_funds"),
        ("3000000", "aid_funds"),
    }
