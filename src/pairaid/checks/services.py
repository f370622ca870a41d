"""Writes of findings: run the checks over data values and store what they find."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from pairaid.checks.models import Finding
from pairaid.checks.selectors import datavalues_to_check, figures_of
from pairaid.core.checks import CheckConfig, run_checks
from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids


@dataclass(frozen=True)
class RefreshResult:
    """How many findings a refresh stored, by severity."""

    errors: int
    warnings: int
    infos: int

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


@transaction.atomic
def findings_refresh(
    *,
    pairing: Pairing | None = None,
    year: int | None = None,
    include_extracted: bool = False,
    config: CheckConfig | None = None,
) -> RefreshResult:
    """Run :func:`pairaid.core.checks.run_checks` over the data values and replace the stored findings.

    The scope is ``pairing`` (with every pairing under it) and ``year`` (a finding's
    year is the latest year among its figures); ``None`` means all. Confirmed values
    (accepted, corrected, entered) are checked, and extracted ones too with
    ``include_extracted``. Findings of the scope are deleted first, so running it
    again gives the same findings.
    """
    values = list(datavalues_to_check(pairing=pairing, year=year, include_extracted=include_extracted))
    by_id = {str(v.pk): v for v in values}
    findings = run_checks(figures_of(values), config)

    old = Finding.objects.filter(includes_extracted=include_extracted)
    if pairing is not None:
        old = old.filter(pairing_id__in=pairing_descendant_ids(root=pairing))
    if year is not None:
        old = old.filter(year=year)
    old.delete()

    counts = {"error": 0, "warning": 0, "info": 0}
    new: list[tuple[Finding, list[DataValue]]] = []
    for found in findings:
        members: list[DataValue] = [by_id[i] for i in found.figure_ids if i in by_id]
        finding_year = max(v.period_end.year for v in members)
        if year is not None and finding_year != year:
            continue
        first = members[0]
        owner_id = first.pairing_id or (first.activity.pairing_id if first.activity_id else None)
        stored = Finding(
            rule=found.rule,
            severity=found.severity.value,
            message=found.message,
            values=[[label, str(value)] for label, value in found.values],
            evidence=next((v.evidence for v in members if v.evidence_id), None),
            pairing_id=owner_id,
            year=finding_year,
            includes_extracted=include_extracted,
        )
        new.append((stored, members))
        counts[found.severity.value] += 1
    # in bulk: a national refresh stores thousands of findings
    Finding.objects.bulk_create([stored for stored, _ in new], batch_size=2000)
    through = Finding.data_values.through
    through.objects.bulk_create(
        [
            through(finding_id=stored.pk, datavalue_id=v.pk)
            for stored, members in new
            for v in {m.pk: m for m in members}.values()
        ],
        batch_size=5000,
    )
    return RefreshResult(errors=counts["error"], warnings=counts["warning"], infos=counts["info"])
