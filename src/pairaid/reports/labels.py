"""Report labels in English and Simplified Chinese, and how figures are written in each.

Money: "1.574 billion yuan" / "75.8 million yuan" in English, "15.74亿元" / "7580万元"
in Chinese. Units, plurals, qualifiers and disaggregations come from the codelists
(``pairaid/core/data``: units.csv, qualifier_words.csv, disaggregations.csv).
Languages: ``en`` and ``zh-hans`` (anything starting ``zh``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pairaid.core.codelists import qualifier_words, units

LANGUAGES = ("en", "zh-hans")

_LABELS: dict[str, tuple[str, str]] = {
    "report_title": ("{name}: Annual report {year}", "{name}{year}年度对口帮扶工作报告"),
    "overview_title": ("National overview of pairing-off assistance, {year}", "{year}年全国对口帮扶工作概况"),
    "activities_of": ("activities", "项目"),
    "and_more": (" and {n} more", "等{n}项"),
    "counting": ("How the totals were counted", "合计口径说明"),
    "counting_intro": (
        "Each stored figure is counted once: a total stated for a pairing holds the totals stated for the "
        "pairings under it when it is not smaller, and the figures of the activities under it too when it is not "
        "smaller than all of them together (the statement kept is named, those it holds follow it); a smaller one, "
        "and the figures of activities no total holds, are added. Of figures read from documents, one document's "
        "distinct figures of one thing are added, unless its largest is not smaller than the others together (a "
        "total it states, holding them); two documents' accounts of one thing are rival statements: the largest is "
        "counted and the others set aside; one value in several documents is one figure, counted once.",
        "每个数据只计一次：上级结对填报的合计不小于下级合计时，视为已包含下级；不小于下级合计与所属项目数据之和时，"
        "项目数据也视为已包含（列出所采用的数据，其后为其已含的数据）；较小的上级数据和未被包含的项目数据另行相加。"
        "从文件读取的数据：同一文件对同一事项的不同数据相加，但其中最大者不小于其余之和时视为该文件所述合计，已含其余；"
        "不同文件对同一事项的说法互为异说，采用最大者，舍弃其余；多份文件所述相同数值为同一数据，只计一次。",
    ),
    "set_aside": (
        "{label}, {subject}, {period}, told with {n} different values in {docs} documents (each document's account "
        "a rival of the others'): {kept} kept; {dropped} set aside",
        "{label}（{subject}，{period}）在{docs}份文件中有{n}个不同数值（各文件所述互为异说）："
        "采用{kept}；舍弃{dropped}",
    ),
    "stated_total": (
        "{label}, {subject}, {period}: {kept}, a total stated beside smaller figures of the same document{holding}",
        "{label}（{subject}，{period}）：{kept}为同一文件所述合计{holding}",
    ),
    "holding": (" (holding {held}, not added)", "（已含{held}，不另计）"),
    "channels_sum": (
        "{label}: a pairing whose channels stated (government (fiscal) aid funds and social donations) add up to "
        "more than the all-channels total it states, which is incomplete, or that states none, counts the "
        "channels' sum: {value} in all, against {stated} stated as all-channels totals",
        "{label}：结对各渠道（财政援助资金、社会捐赠）合计大于所报总额（所报总额不完整）或未报总额的，合计采用各渠道之和，"
        "共{value}；所报总额合计{stated}",
    ),
    "channels_sum_unstated": (
        "{label}: no all-channels total is stated; the channels stated (government (fiscal) aid funds and social "
        "donations) add up to {value}, the total shown",
        "{label}：未报总额，合计采用各渠道（财政援助资金、社会捐赠）之和，共{value}",
    ),
    "told_again": (
        "{label}, {subject}, {period}: {kept}, told in {docs} documents ({sources}), counted once",
        "{label}（{subject}，{period}）：{kept}，见于{docs}份文件（{sources}），只计一次",
    ),
    "from_source": ("{value} (from {source})", "{value}（来源：{source}）"),
    "no_source": ("no document", "无出处"),
    "tree": ("The pairing tree", "结对层级"),
    "level": ("Level", "层级"),
    "recipient_economy": ("The recipient's economy", "受援地经济社会发展"),
    "notes": ("Notes: the sentences the figures were read from", "注释：数据出处原文"),
    "narrative": ("Summary", "综述"),
    "qualifier": ("Qualifier", "限定"),
    "disaggregation": ("Breakdown", "分项"),
    "sheet_overview": ("Overview", "概况"),
    "sheet_pairings": ("Pairings", "结对"),
    "sheet_channels": ("Channels", "资金渠道"),
    "sheet_sectors": ("Sectors", "行业"),
    "sheet_activities": ("Activities", "项目"),
    "sheet_economy": ("Economy", "经济合作"),
    "sheet_people": ("People", "人才交流"),
    "sheet_results": ("Results", "成效"),
    "sheet_recipient": ("Recipient", "受援地"),
    "sheet_findings": ("Findings", "核查"),
    "sheet_notes": ("Notes", "注释"),
    "sheet_sources": ("Sources", "来源"),
    "sheet_charts": ("Charts", "图表"),
    "overview": ("Overview", "概况"),
    "headline": ("Headline figures", "主要数字"),
    "funds": ("Funds by channel and sector", "资金渠道与行业分布"),
    "by_channel": ("By funding channel", "按资金渠道"),
    "by_sector": ("By sector", "按行业"),
    "activities": ("Activities", "援助项目"),
    "economy": ("Economic cooperation", "经济合作"),
    "people": ("People exchanges and training", "人才交流与培训"),
    "results": ("Results", "成效"),
    "findings": ("Findings of the checks", "数据核查发现"),
    "sources": ("Sources", "资料来源"),
    "pairings": ("Pairings", "结对关系"),
    "indicator": ("Indicator", "指标"),
    "code": ("Code", "代码"),
    "subject": ("Subject", "对象"),
    "value": ("Value", "数值"),
    "unit": ("Unit", "单位"),
    "period": ("Period", "期间"),
    "change": ("Change on last year", "比上年增减"),
    "change_withheld": (
        "no change on last year: that year's total rests on other figures (of other pairings or areas, or of "
        "other funding channels)",
        "不计比上年增减：上年合计所依据的数字不同（结对、地区或资金渠道不同）",
    ),
    "change_no_figure": ("no change on last year: no figure for {year}", "不计比上年增减：{year}年无数据"),
    "change_from_zero": ("no change on last year: that year's figure is 0", "不计比上年增减：上年数值为0"),
    "evidence": ("Evidence", "出处"),
    "title": ("Title", "名称"),
    "sector": ("Sector", "行业"),
    "place": ("Place", "地点"),
    "money": ("Money", "资金"),
    "outputs": ("Outputs", "产出"),
    "status": ("Status", "状态"),
    "severity": ("Severity", "级别"),
    "rule": ("Rule", "规则"),
    "message": ("Message", "说明"),
    "document": ("Document", "文档"),
    "year_column": ("Year", "年份"),
    "address": ("Address", "地址"),
    "channel": ("Channel", "渠道"),
    "pairing": ("Pairing", "结对"),
    "donor": ("Donor", "帮扶方"),
    "recipient": ("Recipient", "受援方"),
    "none": ("None recorded.", "无记录。"),
    "no_findings": ("The checks found nothing.", "核查未发现问题。"),
    "findings_counted": (
        "Findings — errors: {errors}, warnings: {warnings}, notes: {infos}",
        "核查发现：错误{errors}项，警告{warnings}项，提示{infos}项",
    ),
    "chart_sector": ("Funds by sector", "分行业资金"),
    "chart_years": ("Aid funds over the years", "历年援助资金"),
    "chart_recipients": ("Pairings compared: aid funds", "各结对援助资金比较"),
    "year_axis": ("Year", "年份"),
    "map_title": ("Aid funds by recipient province, and the pairings, {year}", "{year}年各受援省份援助资金与结对关系"),
    "map_arrows": ("pairing: donor → recipient", "结对：帮扶方 → 受援方"),
    "map_inset": ("South China Sea Islands", "南海诸岛"),
    "unpaired": ("Figures no pairing states", "未对应结对的数据"),
    "unpaired_note": (
        "Not in the totals above: no registered pairing fits these figures (who gave and who received as the "
        "document writes them), so they are listed as stated, each once, and never added.",
        "以下数据未计入上列合计：没有已登记的结对与之相符（帮扶方、受援方按原文），按原文逐条列出，不作加总。",
    ),
    "sheet_unpaired": ("No pairing", "未对应结对"),
    "sheet_links": ("Links", "链接说明"),
    "links_local": (
        "The links to the evidence lead to {url}, the address of the computer that wrote this report (the "
        "site's address is not set): a reader elsewhere cannot open them; the notes quote each sentence.",
        "出处链接指向生成本报告的计算机的地址 {url}（未设置网站地址），他处读者无法打开；各注释已引用原句。",
    ),
    "year_of": ("{year}", "{year}年"),
    "end_of_year": ("end of {year}", "{year}年末"),
    "yuan": ("yuan", "元"),
    "generated": ("Built by pairaid from the figures stored", "由 pairaid 根据已存数据生成"),
    "transactions": ("Transactions", "资金往来"),
    "type": ("Type", "类型"),
    "date": ("Date", "日期"),
    "identifier": ("Identifier", "编号"),
    "plan_actual": ("Plan against actual", "计划执行情况"),
    "promised": ("Promised against arrived, by recipient", "各受援地计划与到位情况"),
    "planned": ("Planned", "计划"),
    "actual": ("Actual", "实际"),
    "executed": ("Executed", "完成率"),
    "for": ("For", "受援地"),
    "nothing_done": ("nothing recorded", "未填报"),
    "no_plan": ("No plan for this year.", "本年度无计划。"),
    "events": ("Events and exchanges", "年度活动与交流"),
    "event": ("Event", "活动"),
    "details": ("Details", "详情"),
    "colon": (": ", "："),
    "no_events": ("No events recorded for this year.", "本年度无活动记录。"),
    "assessment": ("Assessment", "年度考核"),
    "criterion": ("Criterion", "考核指标"),
    "points": ("Points", "得分"),
    "weight": ("Weight", "分值"),
    "score": ("Score", "总分"),
    "score_line": ("Score: {score} of 100", "总分：{score}分（满分100分）"),
    "sheet_plan": ("Plan", "计划执行"),
    "sheet_events": ("Events", "活动"),
    "sheet_assessment": ("Assessment", "考核"),
    "sheet_tree": ("Pairing tree", "结对层级"),
    "by_commitment": ("Signed, by funding channel (commitments, not money moved)", "签约金额（承诺，非到位资金）"),
    "signed": ("Signed", "签约金额"),
    "whole_scope": ("All pairings", "全部结对"),
    "total_status": ("total", "合计"),
    "sides_unstated": ("— (its document names neither side)", "—（原文未写明帮扶方和受援方）"),
}


def is_zh(language: str) -> bool:
    """Whether ``language`` asks for Chinese."""
    return language.lower().startswith("zh")


@cache
def wording(name: str) -> dict[str, Any]:
    """The words of ``reports/data/<name>.yaml``: each entry an ``en`` and a ``zh`` text, read once."""
    with (Path(__file__).with_name("data") / f"{name}.yaml").open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


def say(entry: dict[str, str], language: str) -> str:
    """The text of a :func:`wording` entry in ``language``."""
    return entry["zh"] if is_zh(language) else entry["en"]


def labels(language: str) -> dict[str, str]:
    """Every label in ``language``."""
    index = 1 if is_zh(language) else 0
    return {key: pair[index] for key, pair in _LABELS.items()}


def figure_label(name: str, part: str, language: str) -> str:
    """An indicator's name with the part a figure is of ("Enterprises (settled in parks)", "企业（入驻园区）"):
    full-width brackets in Chinese; a part named as its indicator is written once (no "讲座（讲座）")."""
    if not part or part == name:
        return name
    return f"{name}（{part}）" if is_zh(language) else f"{name} ({part})"


@dataclass(frozen=True)
class ChangeNotes:
    """Why a change on last year is not shown, the one wording of the reports and the pages: ``withheld`` (last
    year's total rests on other pairings' figures), ``missing`` (no figure for last year), ``from_zero`` (last
    year's is 0). Passed whole to what writes figures with their change (:func:`change_notes`)."""

    withheld: str = ""
    missing: str = ""
    from_zero: str = ""

    def why(self, change: object, previous: object, *, withheld: bool = False) -> str:
        """Why ``change`` (on ``previous``, last year's) is not shown, "" when it is: ``withheld`` (the totals
        rest on other pairings' figures) when so, else ``missing`` when last year has no figure, else
        ``from_zero`` (last year's is 0)."""
        if change is not None:
            return ""
        if withheld and self.withheld:
            return self.withheld
        return self.missing if previous is None else self.from_zero


#: No wording: a change not shown says nothing (what a table without last year's figures gives).
NO_CHANGE_NOTES = ChangeNotes()


def change_notes(year: int, language: str) -> ChangeNotes:
    """Why a change on ``year``'s last year is not shown, in ``language`` (:class:`ChangeNotes`)."""
    lab = labels(language)
    return ChangeNotes(
        withheld=lab["change_withheld"],
        missing=lab["change_no_figure"].format(year=year - 1),
        from_zero=lab["change_from_zero"],
    )


def _plain(value: Decimal, language: str = "en") -> str:
    """A number without trailing zeros: 75.80 → 75.8; with thousands separators in English
    (38,755), without them in Chinese (38755), as the offices write."""
    text = f"{value.normalize():f}" if is_zh(language) else f"{value.normalize():,f}"
    return text[:-2] if text.endswith(".0") else text


def _written(number: str, unit: str, qualifier: str, language: str) -> str:
    words = qualifier_words().get(qualifier) or qualifier_words()["exact"]
    template = words.written_zh if is_zh(language) else words.written_en
    return template.format(n=number, unit=unit).strip()


def money(value: Decimal, language: str, qualifier: str = "exact") -> str:
    """Yuan as offices write them: 1.574 billion yuan / 75.8 million yuan; 15.74亿元 / 7580万元;
    with the qualifier in words (more than 780 million yuan / 7.8亿余元)."""
    if is_zh(language):
        if value >= Decimal(10) ** 8:
            number = f"{_plain((value / Decimal(10) ** 8).quantize(Decimal('0.01')), language)}亿"
        elif value >= Decimal(10) ** 4:
            number = f"{_plain((value / Decimal(10) ** 4).quantize(Decimal('0.01')), language)}万"
        else:
            number = _plain(value, language)
        return _written(number, "元", qualifier, language)
    if value >= Decimal(10) ** 9:
        number = f"{_plain((value / Decimal(10) ** 9).quantize(Decimal('0.001')))} billion"
    elif value >= Decimal(10) ** 6:
        number = f"{_plain((value / Decimal(10) ** 6).quantize(Decimal('0.01')))} million"
    else:
        number = f"{value.quantize(Decimal(1)):,f}"
    return _written(number, "yuan", qualifier, language)


def unit_name(unit: str, language: str, value: Decimal = Decimal(2)) -> str:
    """A unit in ``language`` from the units codelist: "people" (or "person" for 1), "人"; a unit
    not in the codelist as its code in words ("person-time"; in Chinese no measure word)."""
    found = units().get(unit)
    if is_zh(language):
        return found.name_zh if found else ""
    if found is None:
        return unit.replace("_", "-")
    return found.singular_en if value == 1 else found.plural_en


def quantity(value: Decimal, unit: str, language: str, qualifier: str = "exact") -> str:
    """A figure with its unit and qualifier in words: money through :func:`money`, else
    "more than 780 enterprises" / "780余家", "4,456 person-times" / "4,456人次"."""
    if unit == "CNY":
        return money(value, language, qualifier)
    return _written(_plain(value, language), unit_name(unit, language, value), qualifier, language)
