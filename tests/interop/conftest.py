"""The sample loaded into the test database, for the interop tests."""

from __future__ import annotations

import pytest

from pairaid.registry.models import Pairing
from pairaid.sample.loader import sample_load


@pytest.fixture
def sample_root(db: None) -> Pairing:
    """The built-in Shandong–Xinjiang 2009 sample, loaded (rolled back after each test); its top pairing."""
    return sample_load().root
