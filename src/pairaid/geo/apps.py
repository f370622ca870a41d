from pathlib import Path

from django.apps import AppConfig
from django.conf import settings


class GeoConfig(AppConfig):
    name = "pairaid.geo"
    verbose_name = "Areas"

    def ready(self) -> None:
        from pairaid.core.gazetteer_store import keep_gazetteer_in

        keep_gazetteer_in(Path(settings.HOME) / "cache")
