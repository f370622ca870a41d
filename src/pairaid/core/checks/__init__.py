"""Reconciliation rules over checked values (facts or data values): what does not add up, what is told two ways.

``run_checks(checked_values) -> tuple[Finding, ...]`` runs every rule family:

* :mod:`~pairaid.core.checks.parts` — parts against their whole, a count against its
  list, persons with person-times, cumulative totals with flows, a channel above the total;
* :mod:`~pairaid.core.checks.repeats` — one figure told twice with different values;
* :mod:`~pairaid.core.checks.growth` — a growth rate against last year's value;
* :mod:`~pairaid.core.checks.annual_cumulative` — an annual figure above its cumulative total.

The Django side builds checked values from data values, their subject by
:func:`~pairaid.core.checks.subjects.subject_of`.
"""

from __future__ import annotations

from collections.abc import Sequence

from pairaid.core.checks.annual_cumulative import check_annual_cumulative
from pairaid.core.checks.growth import check_growth
from pairaid.core.checks.model import CheckConfig, CheckedValue, EvidenceRef, Finding, Severity
from pairaid.core.checks.parts import check_channels, check_parts
from pairaid.core.checks.repeats import check_repeats

__all__ = ["RULES", "CheckConfig", "CheckedValue", "EvidenceRef", "Finding", "Severity", "run_checks"]

#: Every rule name, with its severity, in the order findings are reported.
RULES: dict[str, Severity] = {
    "parts_exceed_whole": Severity.ERROR,
    "count_against_list": Severity.ERROR,
    "breakdown_does_not_sum": Severity.ERROR,
    "persons_with_person_times": Severity.ERROR,
    "cumulative_with_flows": Severity.ERROR,
    "annual_exceeds_cumulative": Severity.ERROR,
    "channel_exceeds_total": Severity.WARNING,
    "channel_total_exceeds_total": Severity.WARNING,  # over the roll-ups' totals: pairaid.checks.channel_totals
    "told_twice": Severity.WARNING,
    "growth_rate_mismatch": Severity.WARNING,
    "implied_previous_value": Severity.INFO,
}


def run_checks(checked_values: Sequence[CheckedValue], config: CheckConfig | None = None) -> tuple[Finding, ...]:
    """All findings over ``checked_values``, errors first, each problem once.

    Raises nothing on odd values: a link to a value not given is ignored.
    """
    config = config or CheckConfig()
    found: list[Finding] = []
    for family in (check_parts, check_channels, check_repeats, check_growth, check_annual_cumulative):
        found.extend(family(checked_values, config))
    unique: dict[tuple[str, tuple[str, ...]], Finding] = {}
    for finding in found:
        unique.setdefault(finding.key, finding)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return tuple(sorted(unique.values(), key=lambda f: (order[f.severity], list(RULES).index(f.rule))))
