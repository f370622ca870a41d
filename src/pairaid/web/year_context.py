"""What the pairing and area pages show of the reporting year: plan against actual, promised against
arrived, the dataset's state and completeness, the year's events and the pairing's assessment."""

from __future__ import annotations

from typing import Any

from pairaid.assessment.selectors import assessment_of
from pairaid.datasets.selectors import completeness, submission_current
from pairaid.events.selectors import event_indicators, events_of_year
from pairaid.geo.models import Area
from pairaid.indicators.data_cache import data_cached
from pairaid.indicators.rollups import rollup_prefetch
from pairaid.indicators.totals import scope_totals
from pairaid.plans.selectors import area_promised, pairing_execution, plan_executions
from pairaid.registry.models import Pairing


def pairing_year_panel(*, pairing: Pairing, year: int, language: str) -> dict[str, Any]:
    """The pairing page's reporting-year section for ``year`` (template ``web/_pairing_year.html``)."""
    try:
        filled = completeness(pairing=pairing, year=year, language=language, with_who=False)
    except ValueError:  # no dataset for this level
        filled = None
    executions = plan_executions(year=year, root=pairing, language=language)
    execution, recipients = pairing_execution(pairing=pairing, year=year, language=language, executions=executions)
    submission = submission_current(pairing=pairing, year=year)
    return {
        "execution": execution,
        "recipients": recipients,
        "submission": submission,
        "completeness": filled,
        "events": events_of_year(pairing=pairing, year=year),
        "computed": event_indicators(pairing=pairing, year=year, language=language),
        "assessment": assessment_of(  # from what the panel has read
            pairing=pairing,
            year=year,
            language=language,
            executions=executions,
            completeness=filled,
            submission=submission,
            read=False,
        ),
    }


def area_year_panel(*, area: Area, year: int, language: str) -> dict[str, Any]:
    """The area page's totals of ``year`` (``totals``: the area and the areas under it, template
    ``web/_totals.html``) and its "promised against arrived" (``promised``, ``web/_area_promised.html``),
    from the shared cache while nothing they are made of has changed; when built, both come from one
    reading of the year's statements and the year before's."""

    def build() -> dict[str, Any]:
        rollup_prefetch(years=[year - 1, year])
        return {
            "totals": scope_totals(year=year, area=area),
            "promised": area_promised(area=area, year=year, language=language),
        }

    return data_cached(f"area_year:{area.pk}:{year}:{language}", build)
