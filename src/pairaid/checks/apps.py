from typing import Any

from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "pairaid.checks"
    label = "checks"
    verbose_name = "Checks and findings"

    def ready(self) -> None:
        from pairaid.indicators.signals import datavalues_changed

        datavalues_changed.connect(_refresh, dispatch_uid="pairaid.checks.findings_refresh_on_commit")


def _refresh(sender: Any, values: Any, **kwargs: Any) -> None:
    from pairaid.checks.services import findings_refresh_on_commit

    findings_refresh_on_commit(values)
