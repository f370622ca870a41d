"""The command line speaks English even when a page served earlier in the same thread (a test's request
with Accept-Language: zh-hans) left Chinese active: the demo's event details once came out in Chinese."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext

from pairaid.cli.django_setup import setup_django


def test_setting_django_up_returns_to_english() -> None:
    translation.activate("zh-hans")
    assert gettext("booths") == "展位"
    setup_django()
    assert (translation.get_language(), gettext("booths")) == ("en", "booths")
