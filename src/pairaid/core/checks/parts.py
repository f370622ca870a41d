"""Parts against their whole.

Rules (source: the programme's reporting practice, issue 4):

* ``parts_exceed_whole`` (error): money or measures given as parts of a whole
  ("of which …") add up to more than the whole, beyond the precision written.
* ``count_against_list`` (error): a stated count ("111 projects") and the counts
  listed as its parts (22 + 21 + 10 + 1 + 2 + 57 = 113) disagree — more, or less
  when the list is presented as complete.
* ``breakdown_does_not_sum`` (error): a breakdown presented as complete whose
  parts fall short of the whole.
* ``persons_with_person_times`` (error): persons and person-times in one sum.
* ``cumulative_with_flows`` (error): a cumulative total or stock and annual flows in one sum.
* ``channel_exceeds_total`` (warning): a funding channel (grants, government aid,
  social donations) larger than the aid funds of the same pairing and period
  (only for subjects that are pairings: a place's "aid funds" are often one project's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from pairaid.core.checks.model import CheckConfig, CheckedValue, Finding, Severity
from pairaid.core.checks.precision import amount, interval, sum_interval

#: Units of measure; every other unit counts something (persons, projects…).
MEASURE_UNITS = frozenset({"CNY", "CNY/person", "ha", "mu", "km", "m", "m2", "m3", "t", "kg", "percent"})
PERSON_UNITS = frozenset({"person", "person_time"})
#: Indicators that are one channel of ``aid_funds`` (glossary: aid funds are all channels).
FUND_CHANNELS = frozenset({"grant_funds", "government_aid_funds", "social_donations"})


def _counted(checked: CheckedValue) -> str:
    """ "111 projects" from a figure written "111" that counts projects."""
    if checked.noun and checked.noun.split()[0] not in checked.label:
        return f"{checked.label} {checked.noun}s"
    return checked.label


def parts_by_whole(checked_values: Sequence[CheckedValue]) -> dict[str, list[CheckedValue]]:
    """The parts of each whole, keyed by the whole's id, in input order (wholes not given are left out)."""
    ids = {f.id for f in checked_values}
    parts: dict[str, list[CheckedValue]] = defaultdict(list)
    for checked in checked_values:
        if checked.part_of is not None and checked.part_of in ids:
            parts[checked.part_of].append(checked)
    return dict(parts)


def _nested_hint(parts: list[CheckedValue], config: CheckConfig) -> str:
    """When a run of parts adds up to another part, say so: the breakdown is probably nested."""
    for i, candidate in enumerate(parts):
        low, high = interval(candidate, config)
        others = parts[:i] + parts[i + 1 :]
        for start in range(len(others)):
            for stop in range(start + 2, len(others) + 1):
                run = others[start:stop]
                run_low, run_high = sum_interval(run, config)
                if run_low <= high and low <= run_high:
                    listed = " + ".join(amount(f.value, f.unit) for f in run)
                    return f"; {listed} equals the part {candidate.label}, so these may be its parts"
    return ""


def _mixing(whole: CheckedValue, parts: list[CheckedValue]) -> Finding | None:
    members = [whole, *parts]
    units = {f.unit for f in members}
    if len(units & PERSON_UNITS) > 1:
        return Finding.about(
            members,
            rule="persons_with_person_times",
            severity=Severity.ERROR,
            message=f"{whole.label} ({whole.unit}) is broken down into parts counted in " + ", ".join(sorted(units)),
            values=tuple((f.unit, f.value) for f in members),
        )
    kinds = {"flow" if f.period_kind == "year" else "stock" for f in members}
    if len(kinds) > 1:
        return Finding.about(
            members,
            rule="cumulative_with_flows",
            severity=Severity.ERROR,
            message=f"{whole.label} ({whole.period_kind} {whole.start_year}–{whole.end_year}) mixes cumulative "
            "totals and annual flows in one breakdown",
            values=tuple((f"{f.period_kind} {f.end_year}", f.value) for f in members),
        )
    return None


def check_parts(checked_values: Sequence[CheckedValue], config: CheckConfig) -> list[Finding]:
    """Findings of the parts-against-whole rules over explicit ``part_of`` links."""
    by_id = {f.id: f for f in checked_values}
    findings: list[Finding] = []
    for whole_id, parts in parts_by_whole(checked_values).items():
        whole = by_id[whole_id]
        mixed = _mixing(whole, parts)
        if mixed is not None:
            findings.append(mixed)
            continue
        parts = [p for p in parts if config.group_of(p.indicator) == config.group_of(whole.indicator)]
        if not parts or len({f.unit for f in [whole, *parts]}) > 1:
            continue  # a link across units or indicator groups is a reading error, not a sum
        whole_low, whole_high = interval(whole, config)
        sum_low, sum_high = sum_interval(parts, config)
        total = sum((f.value for f in parts), Decimal(0))
        is_count = whole.unit not in MEASURE_UNITS
        listed = " + ".join(amount(f.value, f.unit) for f in parts)
        values = (("whole", whole.value), ("sum of parts", total))
        members = [whole, *parts]
        if sum_low > whole_high:
            if is_count:
                rule = "count_against_list"
                message = f"{_counted(whole)} stated, but the list of its parts adds up to {amount(total, whole.unit)}"
            else:
                rule = "parts_exceed_whole"
                message = f"the parts of {whole.label} add up to {amount(total, whole.unit)}, more than the whole"
            message += f" ({listed})" + _nested_hint(parts, config)
        elif whole.breakdown_complete and sum_high < whole_low:
            if is_count:
                rule = "count_against_list"
                message = f"{_counted(whole)} stated, but the complete list of its parts adds up to only "
            else:
                rule = "breakdown_does_not_sum"
                message = f"the complete breakdown of {whole.label} adds up to only "
            message += f"{amount(total, whole.unit)} ({listed})"
        else:
            continue
        findings.append(Finding.about(members, rule=rule, severity=Severity.ERROR, message=message, values=values))
    return findings


def check_channels(checked_values: Sequence[CheckedValue], config: CheckConfig) -> list[Finding]:
    """A funding channel larger than the aid funds of the same subject, period and disaggregation.

    Of several aid-funds figures of one subject and period, the largest is the total: the others are
    often one field's or one project's ("invested 7 million yuan in education"), which a channel of
    the whole year may well exceed."""
    totals: dict[tuple[str, str, int, int, str], list[CheckedValue]] = defaultdict(list)
    for f in checked_values:
        if f.indicator == "aid_funds" and f.subject.startswith("pairing:"):
            totals[(f.subject, f.period_kind, f.start_year, f.end_year, f.disaggregation)].append(f)
    findings = []
    for channel in checked_values:
        if channel.indicator not in FUND_CHANNELS or not channel.subject.startswith("pairing:"):
            continue
        key = (channel.subject, channel.period_kind, channel.start_year, channel.end_year, channel.disaggregation)
        candidates = totals.get(key, [])
        if not candidates or any(channel.part_of == t.id for t in candidates):
            continue  # no total, or an explicit part: check_parts judges it
        total = max(candidates, key=lambda t: interval(t, config)[1])
        if interval(channel, config)[0] > interval(total, config)[1]:
            findings.append(
                Finding.about(
                    (channel, total),
                    rule="channel_exceeds_total",
                    severity=Severity.WARNING,
                    message=f"{channel.indicator} {channel.label} is more than the aid funds {total.label} "
                    f"of the same subject in {total.end_year}, which include every channel",
                    values=(("channel", channel.value), ("aid funds", total.value)),
                )
            )
    return findings
