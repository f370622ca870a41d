"""The gazetteer over cpca's table, built once per process and kept on disk between processes.

Building it (romanising 3,200 names with pypinyin, then indexing every name) costs a second or
more; a command such as ``pairaid areas resolve`` must start faster than that. Where a folder is
given (:func:`keep_gazetteer_in`, set by the command line and by the Django app from
``PAIRAID_HOME/cache``), the built gazetteer is pickled there under the hash of everything it is
built from: the core's modules and data files beside them, cpca's table, the pypinyin and Python
versions. A changed input gives a new file; a file that cannot be read is built anew. The folder
is the user's own (like Python's ``__pycache__``): the pickle is trusted as the code is.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded when first used: setting the folder costs no import
    from pairaid.core.gazetteer import Gazetteer

_CORE = Path(__file__).resolve().parent
_folder: list[Path] = []


def keep_gazetteer_in(folder: Path | None) -> None:
    """Keep the built gazetteer in ``folder`` (made when first written); ``None``: build it in memory only.

    Call before the first :func:`default_gazetteer` of the process; later calls change nothing
    for a gazetteer already built.
    """
    _folder[:] = [folder] if folder is not None else []


def gazetteer_inputs_digest() -> str:
    """A hash of every input of the built gazetteer (see the module docstring)."""
    digest = hashlib.sha256(sys.version.encode())
    from pairaid.core.areas import cpca_table_path

    digest.update(metadata.version("pypinyin").encode())
    inputs = [*sorted(_CORE.glob("*.py")), *sorted(p for p in (_CORE / "data").iterdir() if p.is_file())]
    for path in [*inputs, cpca_table_path()]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer over :func:`pairaid.core.areas.load_area_records` (cpca's table), built once."""
    from pairaid.core.areas import load_area_records
    from pairaid.core.gazetteer import Gazetteer

    if not _folder:
        return Gazetteer(load_area_records())
    path = _folder[0] / f"gazetteer-{gazetteer_inputs_digest()}.pickle"
    try:
        stored = pickle.loads(path.read_bytes())
        if isinstance(stored, Gazetteer):
            return stored
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    built = Gazetteer(load_area_records())
    with contextlib.suppress(OSError):  # a read-only folder: it still works, it is only built again next time
        _store(built, path)
    return built


def _store(gazetteer: Gazetteer, path: Path) -> None:
    """Write ``gazetteer`` to ``path`` whole or not at all, and remove those of older inputs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".part", delete=False) as part:
        try:
            pickle.dump(gazetteer, part, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            os.unlink(part.name)
            raise
    os.replace(part.name, path)  # atomic, even with two processes writing at once
    for older in path.parent.glob("gazetteer-*.pickle"):
        if older != path:
            older.unlink(missing_ok=True)
