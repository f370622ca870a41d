"""The same indicator, subject and period told twice with different values.

Rule ``told_twice`` (warning): two figures with the same indicator, subject,
period, disaggregation and counted noun, neither a part of a breakdown, in
different sentences, whose intervals (precision and qualifier) do not overlap
while they lie within ``CheckConfig.restatement_gap`` of each other. Figures
further apart than that are taken to be about different things (cash and
in-kind donations, two parks), which the figures alone cannot tell apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from pairaid.core.checks.model import CheckConfig, CheckedValue, Finding, Severity
from pairaid.core.checks.precision import interval


def _same_sentence(a: CheckedValue, b: CheckedValue, config: CheckConfig) -> bool:
    if a.evidence is None or b.evidence is None or a.evidence.document != b.evidence.document:
        return False
    ea, eb = a.evidence, b.evidence
    if ea.sentence_start is not None and eb.sentence_start is not None:
        return ea.sentence_start == eb.sentence_start
    return abs(ea.start - eb.start) <= config.same_sentence_chars


def check_repeats(checked_values: Sequence[CheckedValue], config: CheckConfig) -> list[Finding]:
    """Findings of ``told_twice`` (see the module docstring)."""
    groups: dict[tuple[str, ...], list[CheckedValue]] = defaultdict(list)
    for f in checked_values:
        if f.part_of is not None:
            continue
        key = (f.indicator, f.subject, f.period_kind, str(f.start_year), str(f.end_year), f.disaggregation, f.unit)
        groups[key].append(f)
    findings = []
    for group in groups.values():
        for a, b in combinations(group, 2):
            if a.noun and b.noun and a.noun != b.noun:
                continue
            if _same_sentence(a, b, config):
                continue
            a_low, a_high = interval(a, config)
            b_low, b_high = interval(b, config)
            if a_low <= b_high and b_low <= a_high:
                continue
            larger = max(a.value, b.value)
            if larger == 0 or abs(a.value - b.value) / larger > config.restatement_gap:
                continue
            findings.append(
                Finding.about(
                    (a, b),
                    rule="told_twice",
                    severity=Severity.WARNING,
                    message=f"{a.indicator} for the same subject and period is told as {a.label} and as {b.label}",
                    values=(("first", a.value), ("second", b.value)),
                )
            )
    return findings
