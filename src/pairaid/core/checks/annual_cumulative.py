"""An annual figure larger than the cumulative total that contains it.

Rule ``annual_exceeds_cumulative``: a ``year`` figure for year Y and a
``cumulative`` figure spanning Y (same indicator, subject, disaggregation and
unit), where the year's value exceeds the total over all the years (error).
An ``as_of`` stock at the end of a year not before Y is compared too, as a
warning, for indicators that are flows (the stock then sums the flows so far).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pairaid.core.checks.model import CheckConfig, CheckedValue, Finding, Severity
from pairaid.core.checks.precision import interval


def check_annual_cumulative(checked_values: Sequence[CheckedValue], config: CheckConfig) -> list[Finding]:
    """Findings of ``annual_exceeds_cumulative``."""
    totals: dict[tuple[str, str, str, str], list[CheckedValue]] = defaultdict(list)
    for f in checked_values:
        if f.period_kind in ("cumulative", "as_of"):
            totals[(f.indicator, f.subject, f.disaggregation, f.unit)].append(f)
    findings = []
    for f in checked_values:
        if f.period_kind != "year":
            continue
        for total in totals.get((f.indicator, f.subject, f.disaggregation, f.unit), []):
            if total.period_kind == "cumulative":
                if not total.start_year <= f.start_year <= total.end_year:
                    continue
                severity = Severity.ERROR
            else:
                if total.end_year < f.start_year or not config.is_flow(f.indicator):
                    continue
                severity = Severity.WARNING
            if interval(f, config)[0] <= interval(total, config)[1]:
                continue
            span = (
                f"{total.start_year}–{total.end_year}"
                if total.period_kind == "cumulative"
                else f"the end of {total.end_year}"
            )
            findings.append(
                Finding.about(
                    (f, total),
                    rule="annual_exceeds_cumulative",
                    severity=severity,
                    message=f"{f.indicator} {f.label} in {f.start_year} is more than the total {total.label} "
                    f"up to {span}, which contains it",
                    values=(("annual", f.value), ("cumulative", total.value)),
                )
            )
    return findings
