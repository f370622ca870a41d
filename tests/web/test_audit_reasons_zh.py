"""Every reason the services record in the history is said in Chinese on Chinese pages (issue 13): the test reads
the source for the literal reasons (``obj._change_reason = "..."`` and ``reason="..."`` in a call) and asks
audit_words for each under zh-Hans, so a new reason without a translation fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.utils import translation

import pairaid
from pairaid.web.audit_words import reason_words

SRC = Path(pairaid.__file__).parent
#: Prefixes that a service completes before recording (pairings_import adds the record's file and line).
_COMPLETED = {"imported from": "imported from pairings.csv:3"}


def _literal_reasons() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts or path.parts[-2] == "core":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            values: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                if any(isinstance(t, ast.Attribute) and t.attr == "_change_reason" for t in node.targets):
                    values.append(node.value)
            elif isinstance(node, ast.Call):
                values.extend(k.value for k in node.keywords if k.arg == "reason")
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value:
                    found.setdefault(value.value, f"{path.relative_to(SRC)}:{value.lineno}")
    return found


def test_the_reasons_are_found():
    reasons = _literal_reasons()
    assert {"plan created", "removed", "configured", "batch set", "entered", "accepted"} <= set(reasons)


@pytest.mark.parametrize(("reason", "where"), sorted(_literal_reasons().items()))
def test_every_recorded_reason_is_said_in_chinese(reason, where):
    recorded = _COMPLETED.get(reason, reason)
    with translation.override("zh-hans"):
        said = reason_words(recorded)
    assert said != recorded, f"{where}: the reason {reason!r} has no Chinese words in web/audit_words.py"
    assert not any("a" <= c.lower() <= "z" for c in said.replace("pairings.csv", "")), said


@pytest.mark.parametrize(
    ("recorded", "said"),
    [
        ("plan created", "创建计划"),
        ("approved by the national office", "国家办公室审核通过"),
        ("returned: 数字不对", "已退回：数字不对"),
        ("correction of version 2: 补充", "更正第2版：补充"),
    ],
)
def test_composed_reasons(recorded, said):
    with translation.override("zh-hans"):
        assert reason_words(recorded) == said
