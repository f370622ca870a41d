"""A growth rate against last year's stored value.

Rules (source: issue 4; conventions F6 of ``spec/gold-format.md``):

* ``growth_rate_mismatch`` (warning): a figure says "up X% over YEAR" and a figure of
  the same indicator, subject, disaggregation and unit is stored for YEAR, but the
  rate they imply lies outside what the written precision of the three numbers allows.
* ``implied_previous_value`` (info): the rate is stated and no value for YEAR is
  stored; the finding gives the value the rate implies (value / (1 + X/100)).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from pairaid.core.change import change_percent
from pairaid.core.checks.model import CheckConfig, CheckedValue, Finding, Severity
from pairaid.core.checks.precision import amount, interval

HUNDRED = Decimal(100)


def _rate_tolerance(rate: Decimal) -> Decimal:
    """Half a unit of the last digit of the rate as stored: 21.8 gives 0.05."""
    exponent = rate.normalize().as_tuple().exponent
    return Decimal("0.5") * Decimal(10) ** min(int(exponent), 0)


def _key(f: CheckedValue) -> tuple[str, str, str, str]:
    return f.indicator, f.subject, f.disaggregation, f.unit


def check_growth(checked_values: Sequence[CheckedValue], config: CheckConfig) -> list[Finding]:
    """Findings of the growth rules over ``year`` figures that state a change rate."""
    annual: dict[tuple[tuple[str, str, str, str], int], list[CheckedValue]] = defaultdict(list)
    for f in checked_values:
        if f.period_kind == "year":
            annual[(_key(f), f.start_year)].append(f)
    findings: list[Finding] = []
    for f in checked_values:
        if f.change_percent is None or f.period_kind != "year":
            continue
        base_year = f.change_base_year if f.change_base_year is not None else f.start_year - 1
        stated = f.change_percent
        previous = [p for p in annual.get((_key(f), base_year), []) if p.id != f.id]
        if not previous:
            step = f.tolerance * 2 if f.tolerance else Decimal(1)
            implied = (f.value / (1 + stated / HUNDRED) / step).quantize(Decimal(1)) * step
            findings.append(
                Finding.about(
                    (f,),
                    rule="implied_previous_value",
                    severity=Severity.INFO,
                    message=f"{f.indicator} {f.label}, up {stated.normalize():f}% over {base_year}, implies "
                    f"{amount(implied, f.unit)} in {base_year}; no value for {base_year} is stored",
                    values=(("stated rate", stated), ("implied previous value", implied)),
                )
            )
            continue
        rate_tol = _rate_tolerance(stated)
        low, high = interval(f, config)
        for p in previous:
            p_low, p_high = interval(p, config)
            if p_high <= 0 or p.value == 0:
                continue
            implied_low = (low / p_high - 1) * HUNDRED
            implied_high = (high / p_low - 1) * HUNDRED if p_low > 0 else Decimal("Infinity")
            if stated - rate_tol <= implied_high and implied_low <= stated + rate_tol:
                continue
            from_stored = change_percent(f.value, p.value)  # p.value is not 0 (above)
            assert from_stored is not None
            findings.append(
                Finding.about(
                    (f, p),
                    rule="growth_rate_mismatch",
                    severity=Severity.WARNING,
                    message=f"{f.indicator} {f.label} is said to be up {stated.normalize():f}% over {base_year}, "
                    f"but the stored {base_year} value {p.label} gives {from_stored:f}%",
                    values=(("stated rate", stated), ("rate from stored values", from_stored), ("previous", p.value)),
                )
            )
    return findings
