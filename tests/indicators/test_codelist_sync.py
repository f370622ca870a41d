"""The indicator table is synced from the codelist file only when the file changed (issue 12: every command
re-synced it, so an indicator added through the API made each command set the database up again, and an
administrator's rename was reverted)."""

from __future__ import annotations

import pytest

from pairaid.cli.setup_commands import database_ready
from pairaid.indicators.codelist import indicator_create
from pairaid.indicators.models import CodelistFile, Indicator
from pairaid.indicators.selectors import codelist_changed
from pairaid.indicators.services import indicators_sync, indicators_sync_if_changed

pytestmark = pytest.mark.django_db


def test_a_rename_and_an_added_indicator_survive_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    indicators_sync()
    assert not codelist_changed()
    Indicator.objects.filter(code="aid_funds").update(name_en="Aid funds (all channels, as the office says)")
    indicator_create(code="wells_dug", group="results", name_en="Wells dug", name_zh="打井", unit="well")
    database_ready()
    assert indicators_sync_if_changed() is None  # the file is the one synced: nothing is written
    assert Indicator.objects.get(code="aid_funds").name_en == "Aid funds (all channels, as the office says)"
    assert Indicator.objects.get(code="wells_dug").name_zh == "打井"
    assert capsys.readouterr().err == ""


def test_a_changed_file_sets_the_fields_it_owns_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    indicators_sync()
    Indicator.objects.filter(code="aid_funds").update(name_zh="援助资金总额", unit="USD", aggregation="none")
    Indicator.objects.filter(code="delegations").delete()
    CodelistFile.objects.filter(name="indicators.csv").update(sha256="0" * 64)  # as after an upgrade
    assert codelist_changed()
    database_ready()
    aid = Indicator.objects.get(code="aid_funds")
    assert (aid.unit, aid.aggregation, aid.name_zh) == (
        "CNY",
        "sum",
        "援助资金总额",
    )  # the file's fields, the name kept
    assert Indicator.objects.get(code="delegations").unit == "batch"
    assert not codelist_changed()
    err = " ".join(capsys.readouterr().err.split())
    assert "the indicator codelist file changed; indicators synced from it: 1 added, 1 updated" in err
