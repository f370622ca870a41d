"""A refresh of the findings finds them before its transaction begins (issue 12): six ``pairaid report
--overview --extracted --year Y`` at once on one SQLite file each refreshed its year's findings inside one
IMMEDIATE transaction, checks included, so each waited for the others' checks in turn, and one gave up after
the 20 s busy timeout ("database is locked"). The write lock is now held only while the findings are replaced;
a figure written while the checks ran has them run again inside the transaction. Made-up figures."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from pairaid.checks import services
from pairaid.checks.models import Finding
from pairaid.checks.services import findings_refresh
from tests.checks.factories import pairing, value

pytestmark = pytest.mark.django_db


def _spied(monkeypatch: pytest.MonkeyPatch, during: Any = None) -> list[int]:
    """How many transactions (or savepoints) were open each time the checks ran; ``during`` runs at the first."""
    depths: list[int] = []
    real = services.run_checks

    def spy(*args: Any, **kwargs: Any) -> Any:
        depths.append(len(connection.atomic_blocks))
        if during is not None and len(depths) == 1:
            during()
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "run_checks", spy)
    return depths


def test_the_checks_run_before_the_refresh_s_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    value("aid_funds", "10", pairing=top)
    value("social_donations", "30", pairing=top)  # a channel above the all-channels total
    depths = _spied(monkeypatch)
    outside = len(connection.atomic_blocks)  # the test's own
    findings_refresh(year=2009)
    assert depths == [outside]
    assert list(Finding.objects.values_list("rule", flat=True)) == ["channel_exceeds_total"]


def test_a_figure_written_while_the_checks_run_has_them_run_again_in_the_transaction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    value("aid_funds", "10", pairing=top)
    depths = _spied(monkeypatch, during=lambda: value("social_donations", "30", pairing=top))
    outside = len(connection.atomic_blocks)
    findings_refresh(year=2009)
    assert depths == [outside, outside + 1]  # again, inside the refresh's transaction
    assert list(Finding.objects.values_list("rule", flat=True)) == ["channel_exceeds_total"]
