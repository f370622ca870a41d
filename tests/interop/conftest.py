"""The sample loaded into the test database, for the interop tests."""

from __future__ import annotations

import pytest

from pairaid.registry.models import Pairing
from pairaid.sample.loader import sample_load
from tests.web.factories import sample_dataset_returned


@pytest.fixture
def sample_root(db: None) -> Pairing:
    """The built-in Shandong–Xinjiang 2009 sample, loaded (rolled back after each test); its top pairing.

    The sample's 2009 dataset is approved, which locks its figures; it is returned to its
    office here so that the tests may change them (as before a yearly form comes in)."""
    root = sample_load().root
    sample_dataset_returned(root)
    return root
