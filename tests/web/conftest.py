from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation

from tests.web.factories import World, make_world


@pytest.fixture(autouse=True)
def _language_reset() -> Iterator[None]:
    """A page asked in Chinese leaves Chinese active in the thread (LocaleMiddleware does not reset it): each
    test starts from the default language, whichever test ran before it."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def world(db: None, settings: pytest.FixtureRequest) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    return make_world()
