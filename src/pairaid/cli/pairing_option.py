"""The ``--pairing P`` option of the verbs: a pairing's id, key, name, or its donor and recipient."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pairaid.registry.models import Pairing

#: The option's help, the same in every verb.
PAIRING_HELP = "Pairing: id, key, or donor and recipient ('Shandong-Kashgar', 'Shandong Xinjiang', '山东-喀什')."


def pairing_from_option(text: str, *, year: int | None = None) -> Pairing:
    """The pairing ``text`` names (:func:`pairaid.registry.pairing_names.pairing_resolve`), those in force in
    ``year`` first.

    Raises:
        InputError: no pairing matches, or several do (the message lists them).
    """
    from pairaid.registry.pairing_names import pairing_resolve

    return pairing_resolve(text=text, year=year)
