"""Who may see and change what: the one place the pages and the API ask.

Roles (the table of who may do which write is in the README, and the permission
matrix test checks every cell of it through the pages and the API):

* administrator (a membership with that role, or a Django superuser): everything;
* national office: reads everything, reviews (accepts, corrects, rejects) any
  figure, uploads any report;
* pairing editor: edits the pairings assigned to them and every pairing below
  them (``Pairing.parent``), their activities, transactions and data values;
* recipient editor: edits the data values of the areas assigned to them and of
  every area below them, but for planned ones (a pairing's plan is its pairing editors');
* viewer, or any other signed-in user: reads everything, changes nothing;
* anonymous visitors: ``settings.ANONYMOUS_ACCESS`` = ``"accepted"`` shows them the
  confirmed figures only (accepted, corrected, entered); ``"none"`` shows nothing.

Each write has one rule, ``can_<entity>_<action>`` (a figure's in
:mod:`pairaid.accounts.datavalue_permissions`), that checks every object the request
names as it will be after the write (a figure's activity, pairing and area; the state
a restore brings back; the pairing or area an uploaded report is about) beside the
object as it stands; the services call it. The ``can_edit_*``
checks say whether an object as it stands is the user's (which buttons a page
shows). Each check takes the user first; the rights of a user are computed once
per request object and cached on it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from pairaid.accounts.models import Membership, Role
from pairaid.activities.models import Activity, Transaction
from pairaid.core.errors import PairaidError
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_subtree_ids

_CACHE_ATTR = "_pairaid_rights"


class NotAllowed(PairaidError):
    """The user may not do this (HTTP 403; 401 when nobody is signed in)."""


@dataclass(frozen=True)
class Rights:
    """What one user may do. ``pairing_ids``/``area_ids`` are the editable ones, subtrees included."""

    authenticated: bool
    administrator: bool
    national_office: bool
    pairing_ids: frozenset[int]
    area_ids: frozenset[int]

    @property
    def editor(self) -> bool:
        return self.administrator or bool(self.pairing_ids) or bool(self.area_ids)

    @property
    def reads_all(self) -> bool:
        return self.authenticated


def _subtree(model: type[Area], roots: set[int]) -> frozenset[int]:
    """``roots`` and every area below them: one query per four levels (a province's tree, prefectures,
    counties and the Corps' cities, is one), not one per level."""
    ids = set(roots)
    frontier = set(roots)
    while frontier:
        rows = list(
            model.objects.filter(
                Q(parent_id__in=frontier)
                | Q(parent__parent_id__in=frontier)
                | Q(parent__parent__parent_id__in=frontier)
                | Q(parent__parent__parent__parent_id__in=frontier)
            ).values_list("pk", "parent__parent__parent__parent_id")
        )
        found = {pk for pk, _top in rows} - ids
        # the areas four levels down: those below them are not asked yet
        frontier = {pk for pk, top in rows if top in frontier} & found
        ids |= found
    return frozenset(ids)


def user_rights(user: Any) -> Rights:
    """The rights of ``user`` (a Django user or ``AnonymousUser``), cached on the object."""
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user is None or not user.is_authenticated or not user.is_active:
        rights = Rights(False, False, False, frozenset(), frozenset())
    else:
        # one query for the roles, the places they hold (a user has a few memberships, each a few places) and
        # the areas four levels below those (a province's whole tree: a row per area at the bottom of it)
        below = "areas__children"
        levels = [f"{below}{'__children' * n}" for n in range(4)]
        held = list(Membership.objects.filter(user=user).values_list("role", "pairings", "areas", *levels))
        roles = {row[0] for row in held}
        pairing_roots = {row[1] for row in held if row[0] == Role.PAIRING_EDITOR and row[1] is not None}
        areas_held = [row[2:] for row in held if row[0] == Role.RECIPIENT_EDITOR and row[2] is not None]
        area_ids = {a for row in areas_held for a in row if a is not None}
        deepest = {row[-1] for row in areas_held if row[-1] is not None}
        if deepest:  # deeper than the divisions go: read on below them
            area_ids |= _subtree(Area, deepest)
        rights = Rights(
            authenticated=True,
            administrator=user.is_superuser or Role.ADMINISTRATOR in roles,
            national_office=Role.NATIONAL_OFFICE in roles,
            pairing_ids=frozenset(pairing_subtree_ids(roots=pairing_roots)) if pairing_roots else frozenset(),
            area_ids=frozenset(area_ids),
        )
    with contextlib.suppress(AttributeError):  # objects that refuse attributes are simply not cached
        setattr(user, _CACHE_ATTR, rights)
    return rights


def forget_rights(user: Any) -> None:
    """Drop the cached rights (after memberships change)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def acts_nationally(user: Any) -> bool:
    """Whether ``user`` acts for the whole country: the national office and administrators."""
    rights = user_rights(user)
    return rights.administrator or rights.national_office


def can_view_site(user: Any) -> bool:
    """Whether ``user`` may read anything at all (anonymous visitors only when ANONYMOUS_ACCESS=accepted)."""
    return user_rights(user).authenticated or settings.ANONYMOUS_ACCESS == "accepted"


def can_edit_pairing(user: Any, pairing: Pairing | None) -> bool:
    """Whether ``user`` may change ``pairing`` and what belongs to it (activities, transactions, figures)."""
    rights = user_rights(user)
    if rights.administrator:
        return True
    return pairing is not None and pairing.pk in rights.pairing_ids


def can_edit_pairing_id(user: Any, pairing_id: int | None) -> bool:
    """:func:`can_edit_pairing` by id."""
    rights = user_rights(user)
    return rights.administrator or (pairing_id is not None and pairing_id in rights.pairing_ids)


def can_edit_some_pairing(user: Any) -> bool:
    """Whether ``user`` edits at least one pairing (may open the forms for new activities and transactions)."""
    rights = user_rights(user)
    return rights.administrator or bool(rights.pairing_ids)


def can_edit_area_id(user: Any, area_id: int | None) -> bool:
    """Whether ``user`` may change the figures of the area ``area_id`` (recipient editors)."""
    rights = user_rights(user)
    return rights.administrator or (area_id is not None and area_id in rights.area_ids)


def can_edit_activity(user: Any, activity: Activity) -> bool:
    """Whether ``user`` may change ``activity`` (its pairing's editors)."""
    return can_edit_pairing_id(user, activity.pairing_id)


def can_edit_transaction(user: Any, transaction: Transaction) -> bool:
    """Whether ``user`` may change ``transaction`` (editors of its activity's pairing, or of its pairing)."""
    pairing_id = transaction.activity.pairing_id if transaction.activity_id else transaction.pairing_id
    return can_edit_pairing_id(user, pairing_id)


def datavalue_pairing_id(dv: DataValue) -> int | None:
    """The pairing a data value belongs to: its own, or its activity's."""
    if dv.pairing_id is not None:
        return dv.pairing_id
    if dv.activity_id is not None:
        return dv.activity.pairing_id
    return None


def can_edit_datavalue(user: Any, dv: DataValue) -> bool:
    """Whether ``user`` may change ``dv``: its pairing's editors, or the editors of its area; a planned figure (a
    pairing's plan) only its pairing's editors."""
    rights = user_rights(user)
    if rights.administrator:
        return True
    if dv.kind == DataValueKind.PLANNED:
        return can_edit_pairing_id(user, datavalue_pairing_id(dv))
    return can_edit_pairing_id(user, datavalue_pairing_id(dv)) or can_edit_area_id(user, dv.area_id)


def _area_lineage(area_id: int) -> frozenset[int]:
    """``area_id`` and the areas above it (county, prefecture, province: at most three)."""
    row = Area.objects.filter(pk=area_id).values_list("pk", "parent_id", "parent__parent_id").first()
    return frozenset(i for i in row or () if i is not None)


def pairing_covers_area(pairing_id: int, area_id: int) -> bool:
    """Whether the area ``area_id`` is the recipient area of the pairing ``pairing_id`` or lies within it."""
    recipient = Pairing.objects.filter(pk=pairing_id).values_list("recipient_area_id", flat=True).first()
    return recipient is not None and recipient in _area_lineage(area_id)


def can_review(user: Any, dv: DataValue) -> bool:
    """Whether ``user`` may accept, correct or reject ``dv``: the national office, or who may edit it."""
    rights = user_rights(user)
    return rights.national_office or can_edit_datavalue(user, dv)


def can_upload(user: Any) -> bool:
    """Whether ``user`` may open the upload page: administrators, the national office and editors."""
    rights = user_rights(user)
    return rights.national_office or rights.editor


# The rule of each write. Each takes every object the request names, as it will be
# after the write, beside the object as it stands; the services call them.


def can_activity_areas(user: Any, *, pairing_id: int | None, area_ids: Iterable[int]) -> bool:
    """Give an activity of the pairing ``pairing_id`` the recipient areas ``area_ids``: each lies within the
    pairing's recipient area, or is an area the user edits (recipient editors); administrators name any."""
    wanted = set(area_ids)
    if not wanted or user_rights(user).administrator:
        return True
    recipient = Pairing.objects.filter(pk=pairing_id).values_list("recipient_area_id", flat=True).first()
    return all(
        (recipient is not None and recipient in _area_lineage(a)) or can_edit_area_id(user, a) for a in wanted
    )


def can_activity_create(user: Any, *, pairing_id: int | None, area_ids: Iterable[int] = ()) -> bool:
    """Create an activity in the pairing ``pairing_id`` with the recipient areas ``area_ids``: the pairing's
    editors, with areas of that pairing (:func:`can_activity_areas`)."""
    return can_edit_pairing_id(user, pairing_id) and can_activity_areas(user, pairing_id=pairing_id, area_ids=area_ids)


def can_activity_update(
    user: Any, activity: Activity, *, pairing_id: int | None, area_ids: Iterable[int] = ()
) -> bool:
    """Change ``activity``, leaving it in the pairing ``pairing_id`` with the recipient areas ``area_ids`` (those
    the write names): editors of both pairings, with areas of the pairing it is left in."""
    return (
        can_edit_activity(user, activity)
        and can_edit_pairing_id(user, pairing_id)
        and can_activity_areas(user, pairing_id=pairing_id, area_ids=area_ids)
    )


def owning_pairing(activity_id: int | None, pairing_id: int | None) -> int | None:
    """The pairing a record of this activity (else of this pairing) belongs to; none when the two disagree."""
    if activity_id is None:
        return pairing_id
    activity_pairing = Activity.objects.filter(pk=activity_id).values_list("pairing_id", flat=True).first()
    if activity_pairing is None or (pairing_id is not None and pairing_id != activity_pairing):
        return None
    return activity_pairing


def can_transaction_create(user: Any, *, activity_id: int | None, pairing_id: int | None) -> bool:
    """Create a transaction of the activity ``activity_id`` or of the pairing ``pairing_id``: the pairing's editors."""
    return can_edit_pairing_id(user, owning_pairing(activity_id, pairing_id))


def can_transaction_update(
    user: Any, transaction: Transaction, *, activity_id: int | None, pairing_id: int | None
) -> bool:
    """Change ``transaction``, leaving it with this activity or pairing: editors of where it is and where it goes."""
    return can_edit_transaction(user, transaction) and can_transaction_create(
        user, activity_id=activity_id, pairing_id=pairing_id
    )


def can_pairing_restore(user: Any, pairing: Pairing, *, parent_id: int | None) -> bool:
    """Bring back an earlier state of ``pairing`` under the parent ``parent_id``: its editors, and the new parent's."""
    moved = parent_id != pairing.parent_id
    return can_edit_pairing(user, pairing) and (not moved or can_edit_pairing_id(user, parent_id))


def can_report_upload(user: Any, *, pairing_id: int | None, area_id: int | None) -> bool:
    """Store a report about this pairing or area (as read from its donor and recipient).

    Administrators and the national office store any report; editors only a report
    about a pairing they edit or whose recipient area they edit, or about an area
    they edit or that lies within the recipient area of a pairing they edit. A
    report whose subject is not known is for the national office.
    """
    if acts_nationally(user):
        return True
    rights = user_rights(user)
    if pairing_id is not None:
        recipient = Pairing.objects.filter(pk=pairing_id).values_list("recipient_area_id", flat=True).first()
        return can_edit_pairing_id(user, pairing_id) or can_edit_area_id(user, recipient)
    if area_id is None:
        return False
    if can_edit_area_id(user, area_id):
        return True
    return Pairing.objects.filter(pk__in=rights.pairing_ids, recipient_area_id__in=_area_lineage(area_id)).exists()


def visible_datavalues(user: Any, qs: QuerySet[DataValue] | None = None) -> QuerySet[DataValue]:
    """The data values ``user`` may see: all for signed-in users, confirmed ones (or none) for visitors."""
    qs = DataValue.objects.all() if qs is None else qs
    if user_rights(user).reads_all:
        return qs
    if settings.ANONYMOUS_ACCESS == "accepted":
        return qs.filter(status__in=CONFIRMED_STATUSES)
    return qs.none()


def editable_pairings(user: Any, qs: QuerySet[Pairing] | None = None) -> QuerySet[Pairing]:
    """The pairings ``user`` may edit."""
    qs = Pairing.objects.all() if qs is None else qs
    rights = user_rights(user)
    if rights.administrator:
        return qs
    return qs.filter(pk__in=rights.pairing_ids)


def plannable_pairings(user: Any) -> QuerySet[Pairing]:
    """The pairings ``user`` may plan for: all of them for the national office and administrators, else those
    they edit."""
    if acts_nationally(user):
        return Pairing.objects.all()
    return Pairing.objects.filter(pk__in=user_rights(user).pairing_ids)


def datavalue_pairings(user: Any) -> QuerySet[Pairing]:
    """The pairings ``user`` may give figures to: those they edit, and those whose recipient area they edit."""
    rights = user_rights(user)
    if rights.administrator:
        return Pairing.objects.all()
    return Pairing.objects.filter(Q(pk__in=rights.pairing_ids) | Q(recipient_area_id__in=rights.area_ids))


def require(allowed: bool, message: str = "You may not do this.") -> None:
    """Raise :class:`NotAllowed` unless ``allowed``."""
    if not allowed:
        raise NotAllowed(message)


def can_rubric_update(user: Any) -> bool:
    """Whether ``user`` may change the assessment rubric (criteria, weights, rules): the national office."""
    return acts_nationally(user)
