"""Write endpoints of the pairing registry: create, change, end and re-assign pairings.

For the national office and administrators (:mod:`pairaid.entry.pairings` checks
the rights). Sides are area codes or organisation ids; a parent is a pairing id.
A rule of the registry that the request breaks (an end before the start, a missing
donor or source, a re-assignment that changes nothing: the registry's one
validation, :func:`pairaid.core.registry.validate_pairings`) answers 422 ``invalid``;
a clash with stored pairings (a second pairing of the same sides in overlapping
years, ending a pairing that has ended) answers 409 ``conflict``.
"""

from collections.abc import Callable
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Path

from pairaid.api.auth import WRITE_AUTH, api_user
from pairaid.api.errors import WRITE_ERRORS
from pairaid.api.fields import MAX_ID, Absent, AreaCode, Id, InputSchema, Text
from pairaid.api.reads import router
from pairaid.api.schemas import PairingOut
from pairaid.entry import pairings as entry
from pairaid.geo.models import Area
from pairaid.geo.selectors import area_find
from pairaid.registry.models import Basis, Organisation, Pairing, PairingLevel, Programme
from pairaid.registry.selectors import organisation_find, pairing_find, pairing_get

PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1949, le=2100)]
LevelCode = Literal[tuple(PairingLevel.values)]  # type: ignore[valid-type]
ProgrammeCode = Literal[tuple(Programme.values)]  # type: ignore[valid-type]
BasisCode = Literal[("", *Basis.values)]  # type: ignore[valid-type]
# The schema gives the key's characters and length (a pattern that fuzzers bound by maxLength);
# the pairing service refuses a key of another form ("a--b") with a message.
Key = Annotated[str, Field(max_length=100, pattern=r"^[a-z0-9-]{0,100}$")]
Url = Annotated[str, Field(max_length=500, pattern=r"^(https?://\S+)?$")]


class PairingSides(InputSchema):
    donor_area: AreaCode | None = None
    donor_organisation: Id | None = None
    recipient_area: AreaCode | None = None
    recipient_organisation: Id | None = None


class PairingSource(InputSchema):
    key: Key = ""
    source_url: Url = ""
    source_title: Text(300) = ""  # type: ignore[valid-type]
    basis: BasisCode = ""
    note: Text(2000) = ""  # type: ignore[valid-type]


class PairingIn(PairingSides, PairingSource):
    level: LevelCode
    programme: ProgrammeCode = "east_west"
    start_year: Year
    end_year: Year | None = None
    parent: Id | None = None
    pair_count: int = Field(1, ge=1, le=100_000)
    name: Text(200) = ""  # type: ignore[valid-type]


class PairingPatch(InputSchema):
    donor_area: AreaCode | None = None
    donor_organisation: Id | None = None
    recipient_area: AreaCode | None = None
    recipient_organisation: Id | None = None
    level: LevelCode = Absent()
    programme: ProgrammeCode = Absent()
    start_year: Year = Absent()
    end_year: Year | None = None
    parent: Id | None = None
    pair_count: Annotated[int, Field(ge=1, le=100_000)] = Absent()
    name: Text(200) = Absent()  # type: ignore[valid-type]
    key: Key = Absent()
    source_url: Url = Absent()
    source_title: Text(300) = Absent()  # type: ignore[valid-type]
    basis: BasisCode = Absent()
    note: Text(2000) = Absent()  # type: ignore[valid-type]


class PairingEndIn(InputSchema):
    end_year: Year


class PairingReassignIn(PairingSides, PairingSource):
    year: Year = Field(..., description="the first year of the new pairing; the old one ends the year before")
    level: LevelCode | None = None


def _ok(status: int) -> dict[int, object]:
    return {status: PairingOut, **WRITE_ERRORS}


#: Body fields that name another object: the selector that finds it, the keyword it finds it by, its model.
_NAMED: dict[str, tuple[Callable[..., Any], str, type[Any]]] = {
    "donor_area": (area_find, "code", Area),
    "recipient_area": (area_find, "code", Area),
    "donor_organisation": (organisation_find, "pk", Organisation),
    "recipient_organisation": (organisation_find, "pk", Organisation),
    "parent": (pairing_find, "pk", Pairing),
}


def _resolved(data: dict[str, Any]) -> dict[str, Any]:
    """Codes and ids of the body as the objects they name (422 for one that names nothing)."""
    found = dict(data)
    for name, value in data.items():
        if value is None or name not in _NAMED:
            continue
        find, field, model = _NAMED[name]
        found[name] = find(**{field: value})
        if found[name] is None:
            raise ValidationError({name: [f"{value} names no {model._meta.verbose_name}"]})
    return found


@router.post("/pairings", response=_ok(201), tags=["pairings"], auth=WRITE_AUTH)
def pairing_create(request: HttpRequest, body: PairingIn) -> tuple[int, Pairing]:
    pairing = entry.pairing_create(user=api_user(request), data=_resolved(body.dict()))
    return 201, pairing_get(pk=pairing.pk, with_successor=True)


@router.patch("/pairings/{pk}", response=_ok(200), tags=["pairings"], auth=WRITE_AUTH)
def pairing_update(request: HttpRequest, pk: PathId, body: PairingPatch) -> Pairing:
    pairing = pairing_get(pk=pk)
    entry.pairing_update(user=api_user(request), pairing=pairing, data=_resolved(body.dict(exclude_unset=True)))
    return pairing_get(pk=pk, with_successor=True)


@router.post("/pairings/{pk}/end", response=_ok(200), tags=["pairings"], auth=WRITE_AUTH)
def pairing_end(request: HttpRequest, pk: PathId, body: PairingEndIn) -> Pairing:
    pairing = pairing_get(pk=pk)
    entry.pairing_end(user=api_user(request), pairing=pairing, end_year=body.end_year)
    return pairing_get(pk=pk, with_successor=True)


@router.post("/pairings/{pk}/reassign", response=_ok(201), tags=["pairings"], auth=WRITE_AUTH)
def pairing_reassign(request: HttpRequest, pk: PathId, body: PairingReassignIn) -> tuple[int, Pairing]:
    """End the pairing with ``year - 1`` and start its successor in ``year``: the same donor with a new recipient,
    or a new donor for the same recipient. Returns the successor."""
    pairing = pairing_get(pk=pk)
    data = _resolved(body.dict())
    year = data.pop("year")
    if data.get("level") is None:
        data.pop("level")
    successor = entry.pairing_reassign(user=api_user(request), pairing=pairing, year=year, data=data)
    return 201, pairing_get(pk=successor.pk, with_successor=True)
