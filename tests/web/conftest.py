from __future__ import annotations

import pytest

from tests.web.factories import World, make_world


@pytest.fixture
def world(db: None, settings: pytest.FixtureRequest) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    return make_world()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    """A live-server test flushes every table when it ends; load the areas and indicators back
    so that the tests after it find them, as the session fixture promised."""
    yield
    if "live_server" in getattr(item, "fixturenames", ()):
        from pytest_django.plugin import blocking_manager_key

        from pairaid.geo.services import areas_load
        from pairaid.indicators.services import indicators_sync

        with item.config.stash[blocking_manager_key].unblock():
            areas_load()
            indicators_sync()
