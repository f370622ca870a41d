"""The ``--pairing P`` option of the verbs: a pairing id, or a name its donor–recipient matches."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pairaid.core.errors import InputError

if TYPE_CHECKING:
    from pairaid.registry.models import Pairing


def _side_filter(prefix: str, word: str) -> object:
    from django.db.models import Q

    word = word.strip()
    return (
        Q(**{f"{prefix}_area__name_en__icontains": word})
        | Q(**{f"{prefix}_area__name_pinyin__icontains": word})
        | Q(**{f"{prefix}_area__name_zh__icontains": word})
        | Q(**{f"{prefix}_organisation__name__icontains": word})
        | Q(**{f"{prefix}_organisation__name_zh__icontains": word})
    )


def pairing_from_option(text: str) -> Pairing:
    """The pairing ``text`` names: its id ("12"), its name, or "donor-recipient" ("Shandong-Xinjiang",
    "山东–新疆"); where several match, the top-most (province level first).

    Raises:
        InputError: no pairing matches.
    """
    from pairaid.registry.models import Pairing

    text = text.strip()
    qs = Pairing.objects.select_related("donor_area", "recipient_area", "parent")
    if text.isdigit():
        found = qs.filter(pk=int(text)).first()
        if found is None:
            raise InputError(f"no pairing with id {text}")
        return found
    matches = list(qs.filter(name__iexact=text)) or list(qs.filter(name__icontains=text))
    if not matches:
        sides = [s for s in re.split(r"\s*[-–—>/]\s*|\s+to\s+", text) if s]
        if len(sides) == 2:
            matches = list(qs.filter(_side_filter("donor", sides[0])).filter(_side_filter("recipient", sides[1])))  # type: ignore[arg-type]
    if not matches:
        raise InputError(f"no pairing matches {text!r} (give its id, its name or donor-recipient)")
    return min(matches, key=lambda p: (p.parent_id is not None, p.start_year, p.pk))
