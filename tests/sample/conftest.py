"""The sample loaded into the test database, for the tests of this package."""

from __future__ import annotations

import pytest

from pairaid.sample.loader import SampleSummary, sample_load


@pytest.fixture
def sample(db: None) -> SampleSummary:
    """The built-in Shandong–Xinjiang 2009 sample, loaded (rolled back after each test)."""
    return sample_load()
