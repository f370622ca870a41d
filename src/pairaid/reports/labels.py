"""Report labels in English and Simplified Chinese, and how figures are written in each.

Money: "1.574 billion yuan" / "75.80 million yuan" in English, "15.74亿元" / "7580万元"
in Chinese. Languages: ``en`` and ``zh-hans`` (anything starting ``zh``).
"""

from __future__ import annotations

from decimal import Decimal

LANGUAGES = ("en", "zh-hans")

_LABELS: dict[str, tuple[str, str]] = {
    "annual_report": ("Annual report", "年度报告"),
    "overview_report": ("National overview of pairing-off assistance", "东西部对口帮扶全国概况"),
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
    "address": ("Address", "地址"),
    "channel": ("Channel", "渠道"),
    "pairing": ("Pairing", "结对"),
    "donor": ("Donor", "帮扶方"),
    "recipient": ("Recipient", "受援方"),
    "none": ("None recorded.", "无记录。"),
    "no_findings": ("The checks found nothing.", "核查未发现问题。"),
    "chart_sector": ("Funds by sector", "分行业资金"),
    "chart_years": ("Aid funds over the years", "历年援助资金"),
    "chart_recipients": ("Recipients compared", "受援地比较"),
    "yuan": ("yuan", "元"),
    "million_yuan": ("million yuan", "万元"),
    "generated": ("Built by pairaid from the figures stored", "由 pairaid 根据已存数据生成"),
    "transactions": ("Transactions", "资金往来"),
    "type": ("Type", "类型"),
    "date": ("Date", "日期"),
    "identifier": ("Identifier", "编号"),
}


def is_zh(language: str) -> bool:
    """Whether ``language`` asks for Chinese."""
    return language.lower().startswith("zh")


def labels(language: str) -> dict[str, str]:
    """Every label in ``language``."""
    index = 1 if is_zh(language) else 0
    return {key: pair[index] for key, pair in _LABELS.items()}


def money(value: Decimal, language: str) -> str:
    """Yuan as a reader expects them: 1.574 billion yuan / 75.80 million yuan; 15.74亿元 / 7580万元."""
    if is_zh(language):
        if value >= Decimal(10) ** 8:
            return f"{(value / Decimal(10) ** 8).quantize(Decimal('0.01')):f}亿元"
        if value >= Decimal(10) ** 4:
            return f"{(value / Decimal(10) ** 4).quantize(Decimal('0.01')).normalize():f}万元"
        return f"{value.normalize():f}元"
    if value >= Decimal(10) ** 9:
        return f"{(value / Decimal(10) ** 9).quantize(Decimal('0.001')):f} billion yuan"
    if value >= Decimal(10) ** 6:
        return f"{(value / Decimal(10) ** 6).quantize(Decimal('0.01')):f} million yuan"
    return f"{value.quantize(Decimal(1)):,f} yuan"


_UNITS_ZH = {
    "person": "人",
    "person_time": "人次",
    "project": "个",
    "school": "所",
    "household": "户",
    "ha": "公顷",
    "km": "公里",
    "m2": "平方米",
    "enterprise": "家",
    "agreement": "项",
    "course": "期",
    "batch": "批",
}


def quantity(value: Decimal, unit: str, language: str) -> str:
    """A figure with its unit: money through :func:`money`, else "4,456 person-times" / "4,456人次"."""
    if unit == "CNY":
        return money(value, language)
    number = f"{value.normalize():,f}"
    if number.endswith(".0"):
        number = number[:-2]
    if is_zh(language):
        return f"{number}{_UNITS_ZH.get(unit, '')}"
    return f"{number} {_unit_en(unit, value)}"


_MEASURES_EN = {
    "ha": "ha",
    "km": "km",
    "m": "m",
    "m2": "m²",
    "m3": "m³",
    "t": "t",
    "kg": "kg",
    "mu": "mu",
    "percent": "%",
    "CNY/person": "yuan per person",
}


def _unit_en(unit: str, value: Decimal) -> str:
    if unit in _MEASURES_EN:
        return _MEASURES_EN[unit]
    if unit == "person":
        return "person" if value == 1 else "people"
    shown = unit.replace("_", "-")
    return shown if value == 1 or shown.endswith("s") else shown + "s"
