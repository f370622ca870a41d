"""Reports kept in the shared cache under the database's count of changes (issue 12, speed): the cached
report is the one built afresh, a change to a figure or a transaction shows at once, and the findings and
the reporting year are read each time; ``pairaid report`` runs the checks only when their findings are stale."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pairaid.activities.models import Transaction
from pairaid.checks.freshness import findings_fresh
from pairaid.checks.models import Finding
from pairaid.checks.services import findings_refresh, findings_refresh_if_stale
from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing
from pairaid.reports.builds import report_build
from pairaid.reports.selectors import overview_context, report_context
from pairaid.reports.services import report_html
from pairaid.sample.loader import sample_load
from tests.checks.factories import value

pytestmark = pytest.mark.django_db


@pytest.fixture
def root() -> Pairing:
    sample_load()
    return Pairing.objects.get(name="Shandong – Xinjiang")


def test_a_cached_report_is_the_report_built_afresh_and_a_change_shows_at_once(root: Pairing) -> None:
    first = report_html(context=report_context(pairing=root, year=2009))
    overview = report_html(context=overview_context(year=2009))
    with CaptureQueriesContext(connection) as built:
        report_html(context=report_context(pairing=root, year=2009, language="zh-hans"))
    with CaptureQueriesContext(connection) as cached:
        again = report_html(context=report_context(pairing=root, year=2009))
    assert again == first and report_html(context=overview_context(year=2009)) == overview
    assert len(cached) < len(built) / 2  # the figures from the cache; findings and the reporting year read
    assert "1.574 billion yuan" in first
    aid = DataValue.objects.filter(pairing=root, indicator__code="aid_funds", period_end__year=2009)
    aid.update(value=1_600_000_000)
    changed = report_html(context=report_context(pairing=root, year=2009))
    assert "1.6 billion yuan" in changed and "1.574 billion yuan" not in changed
    assert "1.6 billion yuan" in report_html(context=overview_context(year=2009))
    channels = [(r.key, r.value) for r in overview_context(year=2009, with_charts=False).channels]
    Transaction.objects.filter(value_date__year=2009).delete()  # money by channel counts transactions
    assert channels and overview_context(year=2009, with_charts=False).channels == []


def test_the_findings_are_read_afresh_under_a_cached_report(root: Pairing) -> None:
    report_context(pairing=root, year=2009, with_charts=False)
    Finding.objects.create(rule="parts_exceed_whole", severity="error", message="m", pairing=root, year=2009)
    found = report_context(pairing=root, year=2009, with_charts=False).findings
    assert [f.message for f in found] == ["The parts add up to more than the whole."]
    assert [f.severity for f in overview_context(year=2009, with_charts=False).findings] == ["Error"]


def test_pairaid_report_runs_the_checks_only_when_their_findings_are_stale(
    root: Pairing, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pairaid.checks.services as services

    runs: list[dict[str, Any]] = []
    real = services.findings_refresh

    def counted(**kwargs: Any) -> Any:
        runs.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(services, "findings_refresh", counted)
    report_build(year=2009, pairing=None, fmt="md")
    report_build(year=2009, pairing=None, fmt="md")
    report_build(year=2009, pairing=root, fmt="md")
    report_build(year=2009, pairing=root, fmt="md")
    assert runs == [
        {"pairing": None, "year": 2009, "include_extracted": False},
        {"pairing": root, "year": 2009, "include_extracted": False},
    ]
    assert findings_fresh(pairing_id=None, year=2009)  # the tree's refresh stored the same findings
    DataValue.objects.filter(pairing=root, period_end__year=2009).update(value=1)  # a change to what is checked
    assert not findings_fresh(pairing_id=None, year=2009) and not findings_fresh(pairing_id=root.pk, year=2009)
    report_build(year=2009, pairing=None, fmt="md")
    assert len(runs) == 3 and findings_fresh(pairing_id=None, year=2009)


def test_a_refresh_that_stores_other_findings_voids_the_other_scopes_notes(root: Pairing) -> None:
    whole = value("surgeries", "10", pairing=root, year=2003)
    # a list that does not add up
    value("surgeries", "12", pairing=root, part_of=whole, disaggregation="eyes", year=2003)
    findings_refresh(year=2003)
    findings_refresh(pairing=root, year=2003)
    assert findings_fresh(pairing_id=None, year=2003) and findings_fresh(pairing_id=root.pk, year=2003)
    lost = Finding.objects.filter(year=2003, pairing=root)
    assert [f.rule for f in lost] == ["count_against_list"]  # 10 surgeries, one kind of them listed
    lost.delete()  # findings lost outside a refresh: the tree's refresh restores them
    assert findings_refresh_if_stale(pairing=root, year=2003) is None  # its note still stands
    findings_refresh(pairing=root, year=2003)
    assert not findings_fresh(pairing_id=None, year=2003) and findings_fresh(pairing_id=root.pk, year=2003)
    cache.clear()  # a note the cache dropped: the checks run
    assert not findings_fresh(pairing_id=root.pk, year=2003)
