"""The core's data files (``pairaid/core/data``) read as YAML: one reader for every module that has words,
names or rules as data.

The C parser of PyYAML is used where it is built (it reads the same YAML about ten times faster,
which a command such as ``pairaid areas resolve`` feels at start), else the pure-Python one.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from pairaid.core.errors import DataError

__all__ = ["read_data_yaml", "read_yaml"]

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA = "pairaid.core.data"


def read_yaml(name: str, package: str = DATA) -> Any:
    """The YAML file ``name`` of ``package`` (the core's data folder unless given), parsed."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)


def read_data_yaml(name: str) -> dict[str, Any]:
    """The core's data file ``name``, which holds a mapping; raises :class:`DataError` when it does not."""
    data = read_yaml(name)
    if not isinstance(data, dict):
        raise DataError(f"{name}: expected a mapping at the top level")
    return data
