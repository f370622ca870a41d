"""Checks of registry records, each on its own, against each other and against the area table.

The one validation of a pairing: the registry files, ``pairings import`` and the
registry's services (so the API and the pages) all use it.

:func:`record_problems` checks one record on its own: a key of lowercase words
joined by dashes; each side an area code or an organisation, not both; years in
order; a parent other than itself; the address and title of a public document
that states it, and a note on an inferred line.

:func:`validate_pairings` returns one :class:`RegistryError` per problem,
naming the file, line and column of the record at fault:

* each record's own problems (:func:`record_problems`);
* keys are unique;
* donor and recipient are two areas neither of which contains the other;
* every area code is in the area table (its own code, or one it had before
  or has had since, in use in the years the pairing runs), and the area
  existed in those years (a current code that replaced another is not
  used for a pairing that ended before the change);
* the level is the recipient area's level (``institution`` for an organisation);
* no two records of a programme pair the same donor and recipient in
  overlapping years;
* a parent exists, runs in the same programme, covers the child's years, and
  its donor and recipient are the child's own or areas that contain them;
  no record is its own ancestor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from pairaid.core.areas import AreaRecord, area_codes
from pairaid.core.registry.records import PairingRecord, RegistryError, is_pairing_key

_URL = re.compile(r"https?://[^\s/]+\.[^\s]+")


def record_problems(record: PairingRecord) -> list[RegistryError]:
    """The problems of ``record`` on its own (see the module docstring), in column order; ``[]`` when none."""
    errors: list[RegistryError] = []

    def error(column: str, message: str) -> None:
        errors.append(RegistryError(record.where, record.line, column, f"{column} {message}"))

    if not is_pairing_key(record.key):
        error("key", f"{record.key!r} is not lowercase ascii words joined by dashes")
    for side in ("donor", "recipient"):
        code, organisation = getattr(record, f"{side}_code"), getattr(record, f"{side}_organisation")
        if code and organisation:
            error(f"{side}_code", f"and {side}_organisation are both given; a {side} is one or the other")
        elif not code and not organisation:
            error(f"{side}_code", f"is empty, and so is {side}_organisation: the {side} is missing")
    if record.end_year is not None and record.end_year < record.start_year:
        error("end_year", f"{record.end_year} is before start_year {record.start_year}")
    if record.parent and not is_pairing_key(record.parent):
        error("parent", f"{record.parent!r} is not a key")
    elif record.parent and record.parent == record.key:
        error("parent", "is the row itself")
    if not record.source_url:
        error("source_url", "is empty: every line needs the address of a public document that states it")
    elif not _URL.fullmatch(record.source_url):
        error("source_url", f"{record.source_url} is not an http(s) address")
    if not record.source_title:
        error("source_title", "is empty: name the document")
    if record.basis == "inferred" and not record.note:
        error("note", "is empty: an inferred line says what it was inferred from")
    return errors


def validate_pairings(
    records: Sequence[PairingRecord],
    *,
    areas: Mapping[str, AreaRecord] | None = None,
    known: Iterable[PairingRecord] = (),
) -> list[RegistryError]:
    """Every problem of ``records`` taken together (see the module docstring); ``[]`` when they validate.

    ``areas``: the area table by every code an area has or had (default:
    :func:`pairaid.core.areas.area_codes`); a record's own code is ``record.code``.
    ``known``: records already stored (an import adds to
    them): parents may be among them, and new records must not duplicate them;
    a known record with the key of a new one is replaced by it.
    """
    checker = _Checker(records, areas if areas is not None else area_codes(), known)
    return checker.run()


def _years(record: PairingRecord) -> str:
    return f"{record.start_year}–{record.end_year if record.end_year is not None else 'open'}"


def _place(record: PairingRecord) -> str:
    return f"{record.where}:{record.line}" if record.line else "stored"


class _Checker:
    def __init__(
        self, records: Sequence[PairingRecord], areas: Mapping[str, AreaRecord], known: Iterable[PairingRecord]
    ) -> None:
        self.records = records
        self.areas = areas
        self.errors: list[RegistryError] = []
        new_keys = {r.key for r in records}
        self.by_key: dict[str, PairingRecord] = {r.key: r for r in known if r.key not in new_keys}
        self.known = tuple(self.by_key.values())

    def error(self, record: PairingRecord, column: str, message: str, *, conflict: bool = False) -> None:
        self.errors.append(RegistryError(record.where, record.line, column, f"{column} {message}", conflict))

    def run(self) -> list[RegistryError]:
        for record in self.records:
            self.errors += record_problems(record)
        for record in self.records:
            first = self.by_key.setdefault(record.key, record)
            if first is not record:
                self.error(record, "key", f"{record.key} is used twice (first at {_place(first)})")
        for record in self.records:
            self.check_areas(record)
        self.check_duplicates()
        for record in self.records:
            self.check_parent(record)
        return self.errors

    def check_areas(self, record: PairingRecord) -> None:
        for side, code in (("donor", record.donor_code), ("recipient", record.recipient_code)):
            if code is None:
                continue
            area = self.areas.get(code)
            if area is None:
                self.error(record, f"{side}_code", f"{code} is not an area code of the area table")
                continue
            other = next((o for o in area.other_codes if o.code == code), None)
            if other is not None and not other.in_use(record.start_year, record.end_year):
                since = f" from {other.since}" if other.since is not None else ""
                until = f" until {other.until}" if other.until is not None else ""
                self.error(
                    record,
                    f"{side}_code",
                    f"{code} was the code of {other.name_zh}{since}{until}, not in all of {_years(record)}: "
                    f"write {area.code} ({area.name_zh})",
                )
            if other is None:
                self.check_code_began(record, side, code, area)
            if area.established is not None and record.start_year < area.established:
                self.error(
                    record,
                    f"{side}_code",
                    f"{code} ({area.name_zh}) was established in {area.established}, after start_year "
                    f"{record.start_year}",
                )
        self.check_two_sides(record)
        area = self.areas.get(record.recipient_code or "")
        if record.pair_count > 1:
            return  # a count of pairs is recorded at the level of its pairs, not of the areas it names
        if area is not None and record.level != area.level:
            name = f"{area.name_zh} ({area.level})"
            self.error(record, "level", f"{record.level} is not the level of the recipient {name}")
        elif record.recipient_organisation is not None and record.level != "institution":
            self.error(record, "level", f"{record.level}: a recipient organisation makes an institution pairing")

    def check_code_began(self, record: PairingRecord, side: str, code: str, area: AreaRecord) -> None:
        """An area's own code that replaced a former one is not used for a pairing that ended before it."""
        replaced = [o for o in area.other_codes if o.until is not None and o.code != code]
        former = max(replaced, key=lambda o: o.until or 0, default=None)
        if former is None or former.until is None or record.end_year is None or record.end_year >= former.until:
            return
        self.error(
            record,
            f"{side}_code",
            f"{code} ({area.name_zh}) is the code from {former.until}, after this pairing's {_years(record)}: "
            f"write {former.code} ({former.name_zh})",
        )

    def check_two_sides(self, record: PairingRecord) -> None:
        """Donor and recipient are two areas, and neither lies within the other."""
        donor, recipient = self.current(record.donor_code), self.current(record.recipient_code)
        if donor is None or recipient is None:
            return
        if donor == recipient:
            message = f"{record.recipient_code} is also the donor: a pairing twins two areas"
            self.error(record, "recipient_code", message)
        elif donor in self.ancestors(recipient):
            self.error(
                record,
                "recipient_code",
                f"{record.recipient_code} lies within the donor {record.donor_code}: a pairing twins two areas "
                "neither of which contains the other",
            )
        elif recipient in self.ancestors(donor):
            self.error(
                record,
                "donor_code",
                f"{record.donor_code} lies within the recipient {record.recipient_code}: a pairing twins two areas "
                "neither of which contains the other",
            )

    def identity(self, record: PairingRecord) -> tuple[str, str, str, bool]:
        """Programme, donor and recipient, with codes read as the area table's (a former code is its area);
        a count of pairs is told apart from the pairing of the areas it names."""
        return (
            record.programme,
            self.current(record.donor_code) or record.donor,
            self.current(record.recipient_code) or record.recipient,
            record.pair_count > 1,
        )

    def current(self, code: str | None) -> str | None:
        area = self.areas.get(code or "")
        return area.code if area is not None else None

    def check_duplicates(self) -> None:
        seen: dict[tuple[str, str, str, bool], list[PairingRecord]] = {}
        for record in self.known:
            seen.setdefault(self.identity(record), []).append(record)
        for record in self.records:
            same = seen.setdefault(self.identity(record), [])
            clash = next((other for other in same if other.overlaps(record)), None)
            if clash is not None:
                self.error(
                    record,
                    "key",
                    f"{record.key} pairs {record.donor} with {record.recipient} in {_years(record)}, as "
                    f"{clash.key} ({_place(clash)}) already does in {_years(clash)}",
                    conflict=True,
                )
            same.append(record)

    def ancestors(self, code: str) -> list[str]:
        chain: list[str] = []
        area = self.areas.get(code)
        while area is not None and area.parent_code and area.parent_code not in chain:
            chain.append(area.parent_code)
            area = self.areas.get(area.parent_code)
        return chain

    def within(self, child: str | None, parent: str | None) -> bool:
        """Whether the child's side is the parent's, or an area the parent's area contains."""
        if child is None or parent is None:
            return False
        child_code, parent_code = self.current(child), self.current(parent)
        if child_code is None or parent_code is None:
            return child == parent
        return child_code == parent_code or parent_code in self.ancestors(child_code)

    def check_parent(self, record: PairingRecord) -> None:
        if record.parent is None:
            return
        parent = self.by_key.get(record.parent)
        if parent is None:
            self.error(record, "parent", f"{record.parent} is not the key of a pairing")
            return
        if self.loops(record):
            self.error(record, "parent", f"{record.parent} leads back to {record.key}: a pairing is its own ancestor")
            return
        if parent.programme != record.programme:
            self.error(record, "parent", f"{parent.key} is of programme {parent.programme}, not {record.programme}")
        if not parent.covers(record):
            self.error(
                record,
                "parent",
                f"{parent.key} runs {_years(parent)}, which does not cover this pairing's {_years(record)}",
            )
        for side in ("donor", "recipient"):
            mine = record.donor if side == "donor" else record.recipient
            theirs = parent.donor if side == "donor" else parent.recipient
            if not self.within(mine, theirs):
                column = f"{side}_code" if mine.isdigit() else f"{side}_organisation"
                self.error(record, column, f"{mine} is neither parent {parent.key}'s {side} {theirs} nor within it")

    def loops(self, record: PairingRecord) -> bool:
        seen = {record.key}
        parent = record.parent
        while parent is not None:
            if parent in seen:
                return True
            seen.add(parent)
            above = self.by_key.get(parent)
            parent = above.parent if above else None
        return False
