from __future__ import annotations

import pytest

from tests.web.factories import World, make_world


@pytest.fixture
def world(db: None, settings: pytest.FixtureRequest, tmp_path) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
    return make_world()
