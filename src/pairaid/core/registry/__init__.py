"""The pairing registry as data: who helps whom, at which level, from when to when, on what source.

One CSV file per programme in ``pairaid/core/data/registry/`` (its README
describes the columns and the sources), one pairing a line, columns
:data:`COLUMNS`::

    key,programme,level,donor_code,donor_organisation,recipient_code,recipient_organisation,
    start_year,end_year,parent,source_url,source_title,basis,note

Reading is in two steps, both returning :class:`RegistryError` s that name the
file, line and column instead of raising, so that every bad row is reported
at once:

* :func:`read_pairing_rows` reads rows (dicts, from a CSV file or a
  spreadsheet) into :class:`PairingRecord` s, checking each row on its own
  (:func:`read_registry_csv` does it for one CSV text);
* :func:`validate_pairings` checks the records against each other and the area
  table: codes, periods, duplicates, parents.

:func:`read_shipped_registry` does both for the files shipped with pairaid;
:func:`shipped_registry` gives their records, parents first, or raises.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from pairaid.core.errors import DataError
from pairaid.core.registry.checks import validate_pairings
from pairaid.core.registry.reading import read_pairing_rows, read_registry_csv
from pairaid.core.registry.records import (
    BASES,
    COLUMNS,
    PAIRING_LEVELS,
    PROGRAMMES,
    Basis,
    PairingLevel,
    PairingRecord,
    Programme,
    RegistryError,
    RegistryReading,
    is_pairing_key,
    parents_first,
)

__all__ = [
    "BASES",
    "COLUMNS",
    "PAIRING_LEVELS",
    "PROGRAMMES",
    "REGISTRY_PACKAGE",
    "Basis",
    "PairingLevel",
    "PairingRecord",
    "Programme",
    "RegistryError",
    "RegistryReading",
    "is_pairing_key",
    "parents_first",
    "read_pairing_rows",
    "read_registry_csv",
    "read_shipped_registry",
    "shipped_registry",
    "shipped_registry_files",
    "validate_pairings",
]

REGISTRY_PACKAGE = "pairaid.core.data.registry"


def shipped_registry_files() -> list[tuple[str, str]]:
    """The registry files shipped with pairaid: (file name, text), by name."""
    folder = resources.files(REGISTRY_PACKAGE)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".csv")), key=lambda f: f.name)
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def read_shipped_registry() -> RegistryReading:
    """Read and validate every shipped registry file; the errors come back, nothing is raised."""
    records: list[PairingRecord] = []
    errors: list[RegistryError] = []
    for name, text in shipped_registry_files():
        found, problems = read_registry_csv(text, where=name)
        records += found
        errors += problems
    errors += validate_pairings(records)
    return RegistryReading(tuple(records), tuple(errors))


@cache
def shipped_registry() -> tuple[PairingRecord, ...]:
    """The shipped registry, each parent before its children (cached).

    Raises :class:`DataError` listing every error when the files do not validate.
    """
    reading = read_shipped_registry()
    if not reading.ok:
        raise DataError("the shipped pairing registry does not validate:\n" + "\n".join(map(str, reading.errors)))
    return parents_first(reading.records)
