"""Importing registry lines (:mod:`pairaid.core.registry`) into the Pairing table.

:func:`pairings_import` takes records already read (and the errors reading them
gave), checks them against each other and against the pairings stored, and
stores them in one transaction:

* any error, in any row, stores nothing: :class:`PairingImportError` names every
  bad row (file, line, column), in line order; the checks are the registry's one
  validation, which the services (so the API and the pages) apply too;
* a line whose key is stored (or is the derived key of a pairing entered without
  one, :func:`pairaid.registry.selectors.pairing_key`) updates that pairing where
  it differs, and its history records the change and the line; an equal line
  changes nothing, so a second import of the same file changes nothing;
* any other line creates a pairing; parents are stored before their children;
* ``dry_run`` does all of it and rolls it back, so the counts say what an import
  would do.

Area codes are read as the area table's (a former code is the area's own); an
organisation named as a side is found by name, or created.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction

from pairaid.core.areas import area_codes
from pairaid.core.errors import InputError, PairaidError
from pairaid.core.registry import PairingRecord, RegistryError, parents_first, shipped_registry, validate_pairings
from pairaid.geo.models import Area
from pairaid.registry.models import Organisation, Pairing
from pairaid.registry.selectors import pairing_key, pairing_record, pairing_records
from pairaid.registry.services import PairingSpec, organisation_get_or_create, pairing_create, pairing_update

_SHOWN = 100


class PairingImportError(InputError):
    """Lines that cannot be stored; ``problems`` names each (``file:line: column message``). Nothing was stored."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:_SHOWN]
        if len(self.problems) > _SHOWN:
            shown.append(f"… and {len(self.problems) - _SHOWN} more")
        super().__init__(f"nothing stored: {len(self.problems)} problem(s):\n" + "\n".join(shown))


@dataclass(frozen=True)
class PairingImport:
    """What an import did (or, with ``dry_run``, would do): the keys created and changed, the count unchanged."""

    created: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int
    dry_run: bool


def pairings_import(
    *,
    records: Sequence[PairingRecord],
    read_errors: Sequence[RegistryError] = (),
    dry_run: bool = False,
    user: Any = None,
    reason: str = "imported",
) -> PairingImport:
    """Store ``records`` (see the module docstring); ``user`` and ``reason`` ("imported") go into the histories,
    with the file and line of each record.

    Raises:
        PairingImportError: ``read_errors``, or records that do not validate together with the stored
            pairings, or that a service refuses. Nothing is stored.
    """
    stored = {pairing_key(p): p for p, _ in pairing_records()}
    _adopt_unkeyed(records, stored)
    known = [replace(r, key=key) for key, p in stored.items() if (r := pairing_record(p, sourced=False)) is not None]
    found = [*read_errors, *validate_pairings(records, known=known)]
    problems = [str(e) for e in sorted(found, key=lambda e: (e.where, e.line))]  # in line order
    if problems:
        raise PairingImportError(problems)
    created: list[str] = []
    changed: list[str] = []
    with transaction.atomic():
        for record in parents_first(records):
            try:
                with transaction.atomic():
                    outcome = _store(record, stored, user=user, reason=f"{reason} {_place(record)}")
            except PairaidError as exc:
                problems.append(f"{_place(record)}: {exc}")
                continue
            if outcome == "created":
                created.append(record.key)
            elif outcome == "changed":
                changed.append(record.key)
        if problems:
            raise PairingImportError(problems)
        if dry_run:
            transaction.set_rollback(True)
    return PairingImport(
        created=tuple(created),
        changed=tuple(changed),
        unchanged=len(records) - len(created) - len(changed),
        dry_run=dry_run,
    )


def shipped_pairings_load(*, user: Any = None) -> PairingImport:
    """Store the lines of the registry shipped with pairaid (:func:`pairaid.core.registry.shipped_registry`)
    that are not stored yet; ``pairaid init`` and ``pairaid demo`` call it.

    A line whose key is stored is left as it is: the offices maintain the pairings once
    loaded (they end, re-assign and correct them) and loading again must not undo that;
    ``pairaid pairings import`` of a registry file is the way to update stored lines.
    The sample's pairings entered before are adopted as :func:`pairings_import` does.

    Raises:
        PairingImportError: a shipped line conflicts with the pairings stored. Nothing is stored.
    """
    records = shipped_registry()
    stored = set(Pairing.objects.exclude(key="").values_list("key", flat=True))
    missing = [r for r in records if r.key not in stored]
    if not missing:
        return PairingImport(created=(), changed=(), unchanged=len(records), dry_run=False)
    loaded = pairings_import(records=missing, user=user, reason="the shipped pairing registry")
    return replace(loaded, unchanged=loaded.unchanged + len(records) - len(missing))


def _identity(line: PairingRecord) -> tuple[str, str, str, str]:
    """Programme, level, donor and recipient of a line, codes read as the area table's."""
    codes = area_codes()
    donor = codes[line.donor_code].code if line.donor_code in codes else line.donor
    recipient = codes[line.recipient_code].code if line.recipient_code in codes else line.recipient
    return line.programme, line.level, donor, recipient


def _adopt_unkeyed(records: Sequence[PairingRecord], stored: dict[str, Pairing]) -> None:
    """Give a line the pairing entered without a key that is its pairing: the same programme, level and
    sides in overlapping years (the sample loaded before the registry). The import then sets the key."""
    unkeyed: dict[tuple[str, str, str, str], list[tuple[str, PairingRecord]]] = {}
    for key, pairing in stored.items():
        line = pairing_record(pairing, sourced=False) if not pairing.key else None
        if line is not None:
            unkeyed.setdefault(_identity(line), []).append((key, line))
    for record in records:
        if record.key in stored:
            continue
        twins = unkeyed.get(_identity(record), [])
        twin = next(((key, line) for key, line in twins if line.overlaps(record) and key in stored), None)
        if twin is not None:
            stored[record.key] = stored.pop(twin[0])


def _place(record: PairingRecord) -> str:
    return f"{record.where}:{record.line}" if record.line else f"{record.where or 'key'} {record.key}"


def _store(record: PairingRecord, stored: dict[str, Pairing], *, user: Any, reason: str) -> str:
    values: dict[str, Any] = {
        "level": record.level,
        "programme": record.programme,
        "start_year": record.start_year,
        "end_year": record.end_year,
        "donor_area": _area(record.donor_code),
        "donor_organisation": _organisation(record.donor_organisation),
        "recipient_area": _area(record.recipient_code),
        "recipient_organisation": _organisation(record.recipient_organisation),
        "parent": stored[record.parent] if record.parent else None,
        "source_url": record.source_url,
        "source_title": record.source_title,
        "basis": record.basis,
        "note": record.note,
    }
    existing = stored.get(record.key)
    if existing is None:
        stored[record.key] = pairing_create(PairingSpec(key=record.key, **values), user=user, reason=reason)
        return "created"
    changes = {name: value for name, value in values.items() if getattr(existing, name) != value}
    if record.key != pairing_key(existing):  # a pairing entered without a key takes the line's
        changes["key"] = record.key
    if not changes:
        return "unchanged"
    pairing_update(pairing=existing, data=changes, user=user, reason=reason)
    return "changed"


def _area(code: str | None) -> Area | None:
    if code is None:
        return None
    record = area_codes().get(code)
    found = Area.objects.filter(code=record.code if record else code).first()
    if found is None:
        raise InputError(f"area {code} is not in the database (run pairaid init)")
    return found


def _organisation(name: str | None) -> Organisation | None:
    if name is None:
        return None
    found = Organisation.objects.filter(name=name).first() or Organisation.objects.filter(name_zh=name).first()
    if found is not None:
        return found
    han = any("\u3400" <= ch <= "\u9fff" for ch in name)
    organisation, _ = organisation_get_or_create(name=name, name_zh=name if han else "")
    return organisation
