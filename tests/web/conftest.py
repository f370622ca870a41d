from __future__ import annotations

import pytest

from tests.web.factories import World, make_world


@pytest.fixture
def world(db: None, settings: pytest.FixtureRequest) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    return make_world()
