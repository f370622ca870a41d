"""The records of the pairing registry: its columns, choices, lines and errors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, get_args

Programme = Literal["east_west", "xinjiang", "tibet"]
PairingLevel = Literal["province", "prefecture", "county", "institution"]
Basis = Literal["stated", "inferred"]

COLUMNS: tuple[str, ...] = (
    "key",
    "programme",
    "level",
    "donor_code",
    "donor_organisation",
    "recipient_code",
    "recipient_organisation",
    "start_year",
    "end_year",
    "parent",
    "source_url",
    "source_title",
    "basis",
    "note",
)
PROGRAMMES: tuple[Programme, ...] = get_args(Programme)
PAIRING_LEVELS: tuple[PairingLevel, ...] = get_args(PairingLevel)
BASES: tuple[Basis, ...] = get_args(Basis)
FIRST_YEAR, LAST_YEAR = 1949, 2100
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_pairing_key(key: str) -> bool:
    """Whether ``key`` has the form of a registry key: lowercase letters and digits, words joined by one dash."""
    return _KEY.fullmatch(key) is not None


@dataclass(frozen=True)
class RegistryError:
    """A problem with one row (or a whole file when ``line`` is 0): ``str()`` gives ``file:line: message``.

    ``column`` is the column at fault ("" when the row as a whole is); the
    message starts with it ("donor_code 370000x is not an area code").
    ``conflict`` is true for a clash with another line or a stored pairing (an
    overlapping duplicate) rather than a fault of the line itself.
    """

    where: str
    line: int
    column: str
    message: str
    conflict: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.message}" if self.line else f"{self.where}: {self.message}"


@dataclass(frozen=True)
class PairingRecord:
    """One line of the registry.

    Each side is a 6-digit area code or an organisation's name, never both;
    ``end_year`` is None while the pairing is in force; ``parent`` is the key of
    the pairing it belongs to. ``where`` and ``line`` say where it was read.
    ``pair_count`` is more than 1 only for a stored pairing given as a count of
    pairs (never a registry line): its level is the pairs', not its recipient's.
    """

    key: str
    programme: Programme
    level: PairingLevel
    donor_code: str | None
    donor_organisation: str | None
    recipient_code: str | None
    recipient_organisation: str | None
    start_year: int
    end_year: int | None
    parent: str | None
    source_url: str
    source_title: str
    basis: Basis
    note: str = ""
    where: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)
    pair_count: int = field(default=1, compare=False)

    @property
    def donor(self) -> str:
        """The donor as written: its area code or its organisation's name."""
        return self.donor_code or self.donor_organisation or ""

    @property
    def recipient(self) -> str:
        """The recipient as written: its area code or its organisation's name."""
        return self.recipient_code or self.recipient_organisation or ""

    def in_force(self, year: int) -> bool:
        """Whether the pairing covers ``year``."""
        return self.start_year <= year and (self.end_year is None or year <= self.end_year)

    def overlaps(self, other: PairingRecord) -> bool:
        """Whether the two periods share at least one year."""
        return (self.end_year is None or other.start_year <= self.end_year) and (
            other.end_year is None or self.start_year <= other.end_year
        )

    def covers(self, other: PairingRecord) -> bool:
        """Whether this period holds the whole of ``other``'s."""
        if self.start_year > other.start_year:
            return False
        return self.end_year is None or (other.end_year is not None and other.end_year <= self.end_year)


@dataclass(frozen=True)
class RegistryReading:
    """What reading gave: the records that could be read and every error found."""

    records: tuple[PairingRecord, ...]
    errors: tuple[RegistryError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def parents_first(records: Iterable[PairingRecord]) -> tuple[PairingRecord, ...]:
    """``records`` ordered so that each parent comes before its children (file order otherwise)."""
    pending = list(records)
    keys = {r.key for r in pending}
    placed: set[str] = set()
    ordered: list[PairingRecord] = []
    while pending:
        ready = [r for r in pending if r.parent is None or r.parent in placed or r.parent not in keys]
        if not ready:  # a cycle: validate_pairings reports it; keep the rest in file order
            ready = pending
        ordered += ready
        placed.update(r.key for r in ready)
        pending = [r for r in pending if r.key not in placed]
    return tuple(ordered)
