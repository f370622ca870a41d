"""Plans: planned values beside actuals, execution rates, what a recipient was promised against what
arrived, key-project batches, and a plan sentence of a report accepted as a planned value."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from django.test import Client

from pairaid.accounts.permissions import NotAllowed
from pairaid.activities.models import Activity
from pairaid.core.errors import DataError, LockedError
from pairaid.datasets.services import submission_submit
from pairaid.geo.models import Area
from pairaid.plans.selectors import (
    area_promised,
    batch_progress,
    pairing_execution,
    plan_execution,
    plan_executions,
    plan_values,
    recipient_execution,
)
from pairaid.plans.services import batch_set, mention_accept_as_planned, plan_get_or_create, plan_value_set
from pairaid.sources.models import Evidence, SourceDocument
from tests.web.factories import World, area, make_figure, make_pairing

PLAN_TEXT = (
    "In 2009 the province paid 16 million yuan of aid to the prefecture. "
    "For 2010 it plans to allocate 25 million yuan, and the park expects to create 900 jobs."
)


def test_a_planned_value_and_the_actual_give_an_execution_rate(world: World) -> None:
    plan, created = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009, title="Kashi 2009")
    plan_value_set(user=world.owner, plan=plan, indicator="aid_funds", value="20000000")
    plan_value_set(user=world.owner, plan=plan, indicator="people_trained", value="5000")
    make_figure("aid_funds", "16000000", pairing=world.kashi)
    make_figure("people_trained", "6300", pairing=world.kashi)

    rows = {(r.code, r.unit): r for r in plan_execution(pairing=world.kashi, year=2009)}

    assert created
    assert (rows["aid_funds", "CNY"].planned, rows["aid_funds", "CNY"].actual) == (Decimal("20000000"), 16000000)
    assert rows["aid_funds", "CNY"].rate == Decimal("80.0")
    assert rows["people_trained", "person"].rate == Decimal("126.0")
    assert [v.kind for v in plan_values(plan=plan)] == ["planned", "planned"]


def test_the_province_sees_its_tree_s_plan_and_a_recipient_without_actuals(world: World) -> None:
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="schools", value="8")

    top = plan_execution(pairing=world.shandong, year=2009)
    by_recipient = recipient_execution(pairing=world.shandong, year=2009)

    assert [(r.code, r.planned, r.actual, r.rate) for r in top] == [("schools", Decimal("8"), None, None)]
    assert [(r.subject, r.code, r.planned) for r in by_recipient] == [("Kashi Prefecture", "schools", Decimal("8"))]


def test_a_child_pairing_lists_no_pairing_above_it_as_a_recipient(world: World, client: Client) -> None:
    """Regression: on a child pairing, "promised against arrived, by recipient" listed its parent (the
    roll-up also totals the pairings above the tree's root). Smallest tree: Shandong–Xinjiang above
    Shandong–Kashi, one planned figure on Kashi."""
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="schools", value="8")

    own, recipients = pairing_execution(pairing=world.kashi, year=2009)

    assert [(r.code, r.planned) for r in own] == [("schools", Decimal("8"))]
    assert recipients == []
    assert set(plan_executions(year=2009, root=world.kashi)) == {world.kashi.pk}
    assert [r.subject for r in recipient_execution(pairing=world.shandong, year=2009)] == ["Kashi Prefecture"]
    for url in (f"/pairings/{world.kashi.pk}/?year=2009", f"/plans/{world.kashi.pk}/2009/"):
        page = client.get(url, headers={"Accept-Language": "en"})
        assert page.status_code == 200 and "Schools built or renovated" in page.text, url
        assert "Promised against arrived, by recipient" not in page.text, url


def test_a_county_s_plan_is_listed_once_not_again_under_the_prefecture_between(world: World) -> None:
    """Regression (issue 12): the demo's "Plan against actual" printed the one plan of Shule three times: as
    the province's tree total, as Kashi's (which plans nothing itself: the roll-up totals it at every pairing
    above the plan) and as Shule's. Smallest tree: Shandong–Xinjiang over Shandong–Kashi over one county
    pairing, one planned figure on the county."""
    import io

    from rich.console import Console

    from pairaid.cli.demo_year import _print_plans

    county = make_pairing("370000", "653122", level="county", parent=world.kashi)
    plan, _ = plan_get_or_create(user=world.owner, pairing=county, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="schools", value="8")

    own, recipients = pairing_execution(pairing=world.shandong, year=2009)

    assert [(r.code, r.planned, r.stated, r.plans) for r in own] == [("schools", Decimal("8"), False, 1)]
    assert [(r.subject, r.code, r.planned) for r in recipients] == [("Shule County", "schools", Decimal("8"))]
    out = io.StringIO()
    _print_plans(Console(file=out, width=200), world.shandong, 2009)
    printed = out.getvalue()
    assert printed.count("Schools built or renovated") == 1, printed
    assert "Shule County" in printed and "Kashi" not in printed, printed


def test_changing_a_planned_value_keeps_one_figure_and_its_history(world: World) -> None:
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    first = plan_value_set(user=world.owner, plan=plan, indicator="schools", value="8")
    second = plan_value_set(user=world.owner, plan=plan, indicator="schools", value="9")
    assert first.pk == second.pk and second.value == Decimal("9")
    assert [h.history_change_reason for h in second.history.order_by("history_id")] == [None, "plan edited"]
    assert second.history.earliest("history_id").history_user == world.owner


def test_promised_against_arrived_for_a_recipient_county(world: World) -> None:
    shule = area("653122")
    county = make_pairing("370000", "653122", level="county", parent=world.kashi)
    plan, _ = plan_get_or_create(user=world.owner, pairing=county, year=2009, area=shule)
    plan_value_set(user=world.owner, plan=plan, indicator="houses", value="200")
    make_figure("houses", "110", pairing=county, area_=shule)

    rows = area_promised(area=shule, year=2009)

    assert [(r.code, r.planned, r.actual, r.rate) for r in rows] == [
        ("houses", Decimal("200"), Decimal("110"), Decimal("55.0"))
    ]


def test_what_arrived_in_a_county_adds_no_figure_that_no_pairing_states(world: World) -> None:
    """Regression (issue 12): promised against arrived (``rollup_by_area`` from the plans' selectors) added
    the county's own figure, which no pairing states, to the pairing's: 110 + 90 houses arrived. A figure
    of no pairing is listed apart, never added (as the overview and its map): 110 arrived."""
    from pairaid.indicators.rollups import rollup_by_area

    shule = area("653122")
    county = make_pairing("370000", "653122", level="county", parent=world.kashi)
    plan, _ = plan_get_or_create(user=world.owner, pairing=county, year=2009, area=shule)
    plan_value_set(user=world.owner, plan=plan, indicator="houses", value="200")
    make_figure("houses", "110", pairing=county, area_=shule)
    make_figure("houses", "90", area_=shule)  # the county's own statement, of no pairing

    rows = area_promised(area=shule, year=2009)

    assert [(r.code, r.planned, r.actual) for r in rows] == [("houses", Decimal("200"), Decimal("110"))]
    by_county = rollup_by_area(indicator="houses", year=2009, level="county")
    assert {k: [(r.key, r.value) for r in v] for k, v in by_county.items()} == {
        ("house", "year"): [("653122", Decimal("110"))]
    }


def test_an_area_outside_the_pairing_is_refused(world: World) -> None:
    with pytest.raises(NotAllowed, match="lies outside the recipient area"):
        plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009, area=Area.objects.get(code="654002"))


def test_only_the_pairing_s_editors_plan(world: World) -> None:
    with pytest.raises(NotAllowed):
        plan_get_or_create(user=world.colleague, pairing=world.kashi, year=2009)
    with pytest.raises(NotAllowed):
        plan_get_or_create(user=world.national, pairing=world.kashi, year=2009)


def test_a_submitted_dataset_locks_its_plan(world: World) -> None:
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    submission_submit(user=world.owner, pairing=world.kashi, year=2009)
    with pytest.raises(LockedError):
        plan_value_set(user=world.owner, plan=plan, indicator="aid_funds", value="1")


def test_key_project_batches_count_their_activities(world: World) -> None:
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.shandong, year=2009)
    batch_set(user=world.owner, plan=plan, number=6, projects=19, livelihood_projects=11)
    for i, status in enumerate((2, 1, 4)):
        Activity.objects.create(
            identifier=f"KP-{i}", title="key project", sector="education", pairing=world.kashi,
            is_key_project=True, batch=6, status=status,
        )
    with pytest.raises(DataError, match="11 livelihood projects of only 9"):
        batch_set(user=world.owner, plan=plan, number=6, projects=9, livelihood_projects=11)

    [progress] = batch_progress(plan=plan)
    assert (progress.number, progress.projects, progress.livelihood_projects) == (6, 19, 11)
    assert (progress.recorded, progress.started) == (3, 2)


@pytest.fixture
def mention(world: World) -> Evidence:
    document = SourceDocument.objects.create(
        sha256=hashlib.sha256(PLAN_TEXT.encode()).hexdigest(), title="plan note", report_year=2009, text=PLAN_TEXT
    )
    start = PLAN_TEXT.index("25 million yuan")
    return Evidence.objects.create(document=document, start=start, end=start + len("25 million yuan"), rule="test")


def test_a_plan_sentence_is_accepted_as_a_planned_value(world: World, mention: Evidence) -> None:
    value = mention_accept_as_planned(
        user=world.national, evidence=mention, indicator="aid_funds", pairing=world.kashi, year=2010
    )
    assert (value.kind, value.status, value.value, value.evidence) == (
        "planned",
        "accepted",
        Decimal("25000000"),
        mention,
    )
    assert (value.period_kind, value.period_end.year, value.pairing) == ("year", 2010, world.kashi)
    assert world.kashi.plans.get(year=2010).evidence == mention
    with pytest.raises(DataError, match="already holds a planned value"):
        mention_accept_as_planned(
            user=world.owner, evidence=mention, indicator="aid_funds", pairing=world.kashi, year=2010
        )
    with pytest.raises(NotAllowed):
        mention_accept_as_planned(
            user=world.colleague, evidence=mention, indicator="jobs", pairing=world.kashi, year=2010
        )
