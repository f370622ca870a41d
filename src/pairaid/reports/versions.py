"""The version of the code that builds reports: part of a report's key in the shared cache.

A report is kept under the database's count of changes (:mod:`pairaid.indicators.data_cache`), which
moves when the data change, not when the code does: a release that counts, words or lays out a report
otherwise would read the reports the old code built until they run out. The version is a digest of the
code and templates a report is made by, and of the translations, so a changed line of any of them gives
new keys at once (in every process of a deployment that runs the same release).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

#: Raised by hand when a report's stored shape changes in a way no file below shows.
FORMAT = 1
#: The packages (under ``pairaid``) whose code decides what a report holds; the reading of reports
#: (``core/extract``) and the migrations are left out.
BUILT_BY = (
    "activities",
    "assessment",
    "checks",
    "core",
    "events",
    "geo",
    "indicators",
    "locale",
    "plans",
    "registry",
    "reports",
    "sources",
)
_SUFFIXES = (".py", ".html", ".md", ".csv", ".mo", ".yaml")


def source_digest(root: Path, packages: tuple[str, ...] = BUILT_BY) -> str:
    """A digest of the files of ``packages`` under ``root`` (names and contents, in name order)."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for package in packages:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in _SUFFIXES and not {"extract", "migrations", "__pycache__"} & set(
                path.relative_to(root).parts
            ):
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def code_version() -> str:
    """:func:`source_digest` of the installed ``pairaid`` (read once per process, about 50 ms)."""
    import pairaid

    return source_digest(Path(pairaid.__file__).parent)
