from __future__ import annotations

import pytest

from pairaid.datasets.services import datasets_sync
from tests.web.factories import World, make_user, make_world


@pytest.fixture
def world(db: None, settings: pytest.FixtureRequest) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    datasets_sync()
    return make_world()


@pytest.fixture
def kashi_editor(world: World) -> object:
    """The editor of Shandong–Kashi only (the prefecture level under Shandong–Xinjiang)."""
    user = make_user("kashi_editor", "pairing_editor", pairings=(world.kashi,))
    user.email = "kashi@example.org"
    user.save()
    return user
