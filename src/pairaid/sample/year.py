"""The sample's reporting year: its plans, its events and the approval of its dataset.

Read from the sample YAML's ``plans``, ``events`` and ``datasets`` sections and written
through the services (:mod:`pairaid.plans`, :mod:`pairaid.events`, :mod:`pairaid.datasets`)
as two users the sample makes for itself: ``sample-office`` (the editor of the sample's
top pairing) and ``sample-national`` (the national office). Neither can log in (no
password); the audit trail names them as who planned, recorded and approved.

Idempotent: a plan is found by pairing, year and area, a planned value by its key (set
again to the same value, it changes nothing), an event by its kind, pairing, year and
title, and a dataset already on its way is left where it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from django.contrib.auth import get_user_model

from pairaid.accounts.models import Membership, Role
from pairaid.accounts.services import membership_grant
from pairaid.core.errors import DataError
from pairaid.datasets.models import SubmissionState
from pairaid.datasets.selectors import submission_current, submission_level
from pairaid.datasets.services import datasets_sync, submission_approve, submission_freeze, submission_submit
from pairaid.events.services import EVENT_MODELS, event_create
from pairaid.plans.services import batch_set, plan_get_or_create, plan_value_set
from pairaid.registry.models import Pairing

if TYPE_CHECKING:
    from pairaid.geo.models import Area

Row = dict[str, Any]


class SampleKeys(Protocol):
    """What the year's rows look up in the sample loaded so far (:mod:`pairaid.sample.loader` keeps it)."""

    pairings: dict[str, Pairing]

    def area(self, code: object) -> Area: ...

    def ref(self, table: dict[str, Any], key: object, what: str) -> Any: ...


OFFICE = "sample-office"
NATIONAL = "sample-national"
_STEPS = (SubmissionState.SUBMITTED, SubmissionState.APPROVED, SubmissionState.FROZEN)


@dataclass(frozen=True)
class YearCounts:
    """What the sample's year holds: plans, planned values, events, and the state of each dataset."""

    plans: int = 0
    planned_values: int = 0
    events: int = 0
    events_created: int = 0
    datasets: tuple[tuple[str, int, str], ...] = ()  # (pairing, year, state)


def _user(username: str, role: str, pairings: tuple[Pairing, ...] = ()) -> Any:
    model = get_user_model()
    user = model.objects.filter(username=username).first()
    if user is None:
        user = model(username=username)
        user.set_unusable_password()
        user.save()
    held = Membership.objects.filter(user=user, role=role)
    if pairings:
        held = held.filter(pairings__in=[p.pk for p in pairings])
    if not held.exists():
        membership_grant(user=user, role=role, pairings=pairings)
    return user


def sample_users(*, root: Pairing) -> tuple[Any, Any]:
    """The sample's office (editor of ``root``) and national office users, made when missing."""
    from pairaid.accounts.permissions import forget_rights

    office, national = _user(OFFICE, Role.PAIRING_EDITOR, (root,)), _user(NATIONAL, Role.NATIONAL_OFFICE)
    forget_rights(office)
    forget_rights(national)
    return office, national


def _plan(row: Row, loader: SampleKeys, office: Any) -> int:
    what = f"plan of {row.get('pairing')} {row.get('year')}"
    pairing = loader.ref(loader.pairings, row.get("pairing"), "pairing")
    plan, _ = plan_get_or_create(
        user=office,
        pairing=pairing,
        year=int(row["year"]),
        area=loader.area(row["area"]) if row.get("area") else None,
        title=str(row.get("title", "")),
    )
    for batch in row.get("batches") or []:
        batch_set(
            user=office,
            plan=plan,
            number=int(batch["number"]),
            projects=int(batch["projects"]),
            livelihood_projects=batch.get("livelihood_projects"),
        )
    values = row.get("values") or []
    for value in values:
        if "indicator" not in value or "value" not in value:
            raise DataError(f"sample: a planned value of the {what} needs an indicator and a value")
        plan_value_set(
            user=office,
            plan=plan,
            indicator=str(value["indicator"]),
            value=str(value["value"]),
            period_kind=value.get("period_kind"),
        )
    return len(values)


def _event(row: Row, loader: SampleKeys, office: Any) -> bool:
    kind = str(row.get("kind", ""))
    model = EVENT_MODELS.get(kind)
    if model is None:
        raise DataError(f"sample: an event of unknown kind {kind!r} (use one of {', '.join(EVENT_MODELS)})")
    pairing = loader.ref(loader.pairings, row.get("pairing"), "pairing")
    data = {k: v for k, v in row.items() if k not in {"kind", "pairing", "area"}}
    if row.get("area"):
        data["area"] = loader.area(row["area"])
    for name in ("contract_value", "value"):
        if data.get(name) is not None:
            data[name] = Decimal(str(data[name]))
    title = data.get("title") or data.get("name", "")
    key = {"pairing": pairing, "year": int(data["year"]), ("name" if kind == "trade_fair" else "title"): title}
    if model.objects.filter(**key).exists():
        return False
    event_create(user=office, kind=kind, pairing=pairing, data=data)
    return True


def _dataset(row: Row, loader: SampleKeys, office: Any, national: Any) -> tuple[str, int, str]:
    pairing = loader.ref(loader.pairings, row.get("pairing"), "pairing")
    year, state = int(row["year"]), str(row.get("state", SubmissionState.SUBMITTED))
    if state not in _STEPS:
        raise DataError(f"sample: a dataset state {state!r} (use one of {', '.join(_STEPS)})")
    current = submission_current(pairing=pairing, year=year)
    if current is None:
        current = submission_submit(user=office, pairing=pairing, year=year)
        if state != SubmissionState.SUBMITTED:
            while current.state == SubmissionState.SUBMITTED:
                level = submission_level(submission=current)
                submission_approve(user=national if level is None else office, submission=current)
            if state == SubmissionState.FROZEN:
                submission_freeze(user=national, submission=current)
    return (str(pairing), year, current.state)


def sample_year_load(*, data: Row, loader: SampleKeys, root: Pairing) -> YearCounts:
    """Load the sample's ``plans``, ``events`` and ``datasets`` (after its pairings and figures).

    Raises:
        DataError: a row that refers to nothing or breaks a rule of the services.
    """
    if not any(data.get(k) for k in ("plans", "events", "datasets")):
        return YearCounts()
    office, national = sample_users(root=root)
    plans = data.get("plans") or []
    planned = sum(_plan(row, loader, office) for row in plans)
    events = data.get("events") or []
    created = sum(_event(row, loader, office) for row in events)
    if data.get("datasets"):
        datasets_sync()  # the datasets pairaid init seeds, for a sample loaded without it
    states = tuple(_dataset(row, loader, office, national) for row in data.get("datasets") or [])
    return YearCounts(len(plans), planned, len(events), created, states)
