"""The built gazetteer kept on disk: written once, read back the same, built anew when unreadable."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from pairaid.core import gazetteer_store
from pairaid.core.gazetteer import Gazetteer


@pytest.fixture
def store_in(tmp_path: Path) -> Iterator[Path]:
    """The gazetteer kept in ``tmp_path`` for the test; the folder before it afterwards."""
    before = list(gazetteer_store._folder)
    gazetteer_store.keep_gazetteer_in(tmp_path)
    gazetteer_store.default_gazetteer.cache_clear()
    yield tmp_path
    gazetteer_store._folder[:] = before
    gazetteer_store.default_gazetteer.cache_clear()


def _read_again() -> Gazetteer:
    gazetteer_store.default_gazetteer.cache_clear()  # as a new process would
    return gazetteer_store.default_gazetteer()


def test_it_is_written_once_and_read_back_the_same(store_in: Path) -> None:
    built = gazetteer_store.default_gazetteer()
    (kept,) = store_in.glob("gazetteer-*.pickle")
    assert kept.name == f"gazetteer-{gazetteer_store.gazetteer_inputs_digest()}.pickle"

    read = _read_again()

    assert read is not built
    assert [c.area.code for c in read.resolve("Hotan")] == ["653200", "653201", "653221"]
    assert [c.area.code for c in read.resolve("Shulu County", context="Kashi")][:1] == ["653122"]
    assert list(store_in.iterdir()) == [kept]


def test_an_unreadable_file_is_built_anew_and_replaced(store_in: Path) -> None:
    gazetteer_store.default_gazetteer()
    (kept,) = store_in.glob("gazetteer-*.pickle")
    kept.write_bytes(b"half a pickle")

    assert _read_again().resolve("Kashgar")[0].area.code == "653100"
    assert isinstance(pickle.loads(kept.read_bytes()), Gazetteer)


def test_a_file_of_other_inputs_is_removed(store_in: Path) -> None:
    older = store_in / "gazetteer-00000000000000000000.pickle"
    older.write_bytes(b"from an older pairaid")

    gazetteer_store.default_gazetteer()

    assert not older.exists()
    assert len(list(store_in.glob("gazetteer-*.pickle"))) == 1
