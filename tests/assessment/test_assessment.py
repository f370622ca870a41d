"""The assessment of every pairing of a year: facts gathered from figures, plans, datasets and
findings; ranking; the rubric as data, edited by the national office."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.accounts.permissions import NotAllowed
from pairaid.assessment.models import Criterion
from pairaid.assessment.selectors import PairingAssessment, assessment_of, assessment_run
from pairaid.assessment.services import criterion_update, rubric_sync
from pairaid.checks.models import Finding
from pairaid.core.errors import CodelistError, DataError
from pairaid.datasets.services import datasets_sync
from pairaid.indicators.services import DataValueSpec, datavalue_create
from pairaid.plans.services import plan_get_or_create, plan_value_set
from tests.web.factories import World, make_figure, make_world


@pytest.fixture
def world(db: None) -> World:
    datasets_sync()
    rubric_sync()
    return make_world()


def test_the_rubric_is_seeded_once_from_its_file(world: World) -> None:
    assert [c.code for c in Criterion.objects.all()] == [
        "funds_and_projects", "exchanges", "results", "plan_execution", "completeness", "open_findings"
    ]
    assert sum(c.weight for c in Criterion.objects.all()) == 100
    Criterion.objects.filter(code="results").update(weight=20)
    assert rubric_sync() == 0
    assert Criterion.objects.get(code="results").weight == 20


def _year_of_figures_plans_and_findings(world: World) -> None:
    make_figure("aid_funds", "75800000", pairing=world.kashi)
    make_figure("aid_projects", "12", pairing=world.shandong)
    datavalue_create(
        DataValueSpec(
            indicator="aid_funds",
            value="100000000",
            period_kind="year",
            year=2009,
            pairing=world.shandong,
            kind="target",
        ),
    )
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="aid_funds", value="80000000")
    Finding.objects.create(rule="parts_exceed_whole", severity="error", message="m", pairing=world.kashi, year=2009)


def test_every_pairing_of_the_year_gets_a_score_with_its_evidence(world: World) -> None:
    _year_of_figures_plans_and_findings(world)

    ranked = assessment_run(year=2009)
    by_pairing = {a.pairing.pk: a for a in ranked}
    shandong = {c.code: c for c in by_pairing[world.shandong.pk].result.criteria}
    kashi = {c.code: c for c in by_pairing[world.kashi.pk].result.criteria}

    assert set(by_pairing) == {world.shandong.pk, world.kashi.pk, world.jiangsu.pk}
    assert shandong["funds_and_projects"].evidence == (
        "aid_funds: 75,800,000 CNY of the target 100,000,000 (75.8%)",
        "aid_projects: 12 projects reported (no target)",
    )
    assert shandong["funds_and_projects"].points == Decimal("21.98")  # 25 × (0.758 + 1) / 2
    assert kashi["plan_execution"].evidence == ("aid_funds: 75,800,000 of 80,000,000 CNY planned (94.8%)",)
    assert kashi["open_findings"].points == Decimal("7.50")
    assert shandong["open_findings"].evidence == ("1 error: parts_exceed_whole",)  # its tree's findings
    assert kashi["completeness"].evidence[0] == "1 of 15 indicators filled; dataset not submitted"
    assert [a.rank for a in ranked] == [1, 2, 3]
    assert ranked[0].pairing == world.shandong and ranked[-1].pairing == world.jiangsu
    assert by_pairing[world.jiangsu.pk].score == Decimal("10.0")  # only its findings are clean
    # one pairing's score, read from its own tree only, is the score the national run gives it
    Finding.objects.create(rule="parts_exceed_whole", severity="error", message="m", pairing=world.jiangsu, year=2009)
    ranked = {a.pairing.pk: a.result for a in assessment_run(year=2009)}
    for pairing in (world.shandong, world.kashi, world.jiangsu):
        assert assessment_of(pairing=pairing, year=2009) == ranked[pairing.pk]
    assert assessment_of(pairing=world.shandong, year=2009).score == by_pairing[world.shandong.pk].score


def _scores(ranked: list[PairingAssessment]) -> list[tuple[object, ...]]:
    return [
        (a.pairing.pk, a.rank, a.score, [(c.code, c.points, c.evidence) for c in a.result.criteria]) for a in ranked
    ]


def test_a_page_s_shared_reads_give_the_same_assessment(world: World) -> None:
    """A page reads the statements of every kind at once (rollups.rollup_prefetch) and the codelist, the
    criteria and the forms once; the pairing page's panel hands its plan against actual, completeness and
    dataset version to the assessment: the scores and their evidence are those read one by one."""
    from pairaid.core.read_once import read_once
    from pairaid.web.year_context import pairing_year_panel

    _year_of_figures_plans_and_findings(world)
    alone = assessment_run(year=2009)
    with read_once():
        shared = assessment_run(year=2009)
    assert _scores(shared) == _scores(alone)
    assert [a.score for a in shared] == [Decimal("55.2"), Decimal("44.7"), Decimal("10.0")]

    for pairing in (world.shandong, world.kashi):
        score = assessment_of(pairing=pairing, year=2009)
        with read_once():
            panel = pairing_year_panel(pairing=pairing, year=2009, language="en")
        found = panel["assessment"]
        assert [(c.code, c.points, c.evidence) for c in found.criteria] == [
            (c.code, c.points, c.evidence) for c in score.criteria
        ]
        assert found.score == score.score
    assert panel["assessment"].score == Decimal("44.7")
    kashi = {c.code: c for c in panel["assessment"].criteria}
    assert kashi["plan_execution"].evidence == ("aid_funds: 75,800,000 of 80,000,000 CNY planned (94.8%)",)
    assert kashi["completeness"].evidence[0] == "1 of 15 indicators filled; dataset not submitted"
    assert [(r.code, r.planned, r.actual, r.rate) for r in panel["execution"]] == [
        ("aid_funds", Decimal("80000000"), Decimal("75800000"), Decimal("94.8"))
    ]


def test_the_national_office_edits_the_rubric(world: World) -> None:
    criterion = Criterion.objects.get(code="results")
    with pytest.raises(NotAllowed):
        criterion_update(user=world.owner, criterion=criterion, weight="20")
    with pytest.raises(CodelistError, match="unknown indicator codes happiness"):
        criterion_update(user=world.national, criterion=criterion, params={"indicators": ["happiness"]})
    with pytest.raises(DataError, match="not a number"):
        criterion_update(user=world.national, criterion=criterion, weight="lots")
    criterion_update(user=world.national, criterion=criterion, weight="20", params={"indicators": ["jobs"]})
    criterion.refresh_from_db()
    assert (criterion.weight, criterion.params) == (Decimal("20"), {"indicators": ["jobs"]})
    assert criterion.history.latest("history_id").history_user == world.national


def test_the_workbook_holds_the_ranking_the_evidence_and_the_rubric(world: World) -> None:
    import io

    from openpyxl import load_workbook

    from pairaid.reports.assessment_book import assessment_xlsx

    make_figure("aid_funds", "75800000", pairing=world.kashi)
    ranking = assessment_run(year=2009)
    book = load_workbook(io.BytesIO(assessment_xlsx(ranking=ranking, year=2009)))

    assert book.sheetnames == ["Ranking", "Evidence", "Rubric"]
    rows = list(book["Ranking"].values)
    assert rows[0][:4] == ("rank", "pairing", "level", "score")
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == [(a.rank, str(a.pairing), float(a.score)) for a in ranking]
    evidence = [r for r in book["Evidence"].values if r[1] == "funds_and_projects" and r[0] == str(world.kashi)]
    assert evidence[0][4] == "Aid funds provided (all channels): 75.8 million yuan reported (no target)"
    assert [r[0] for r in list(book["Rubric"].values)[1:]] == [c.code for c in ranking[0].result.criteria]
    chinese = load_workbook(io.BytesIO(assessment_xlsx(ranking=ranking, year=2009, language="zh-hans")))
    lines = [r[4] for r in chinese["Evidence"].values if r[1] == "funds_and_projects" and r[0] == str(world.kashi)]
    assert lines[0] == "援助资金：已填报7580万元（未设目标）"
    # the level of the two sides (issue 12), in the workbook's language
    assert {r[1]: r[2] for r in rows[1:]}[str(world.kashi)] == "Province – prefecture"
    assert {r[1]: r[2] for r in list(chinese["Ranking"].values)[1:]}[str(world.kashi)] == "省级—地级"


def test_findings_among_extracted_figures_count_once_as_the_page_lists_them(world: World) -> None:
    """Issue 12: a warning among extracted figures stood on a pairing's page beside "the checks found no
    problem" (10 of 10 points): the score counts the open findings the page lists, each problem once."""
    warning = {"rule": "channel_exceeds_total", "severity": "warning", "message": "w", "year": 2009}
    Finding.objects.create(**warning, pairing=world.kashi, includes_extracted=True)
    (found,) = [c for c in assessment_of(pairing=world.kashi, year=2009).criteria if c.code == "open_findings"]
    assert (found.points, found.evidence) == (Decimal("9.00"), ("1 warning: channel_exceeds_total",))
    # the same problem found among confirmed figures too is one finding, not two
    Finding.objects.create(**warning, pairing=world.kashi)
    ranked = {a.pairing.pk: a.result for a in assessment_run(year=2009)}
    (found,) = [c for c in ranked[world.kashi.pk].criteria if c.code == "open_findings"]
    assert (found.points, found.evidence) == (Decimal("9.00"), ("1 warning: channel_exceeds_total",))
    assert assessment_of(pairing=world.kashi, year=2009) == ranked[world.kashi.pk]
