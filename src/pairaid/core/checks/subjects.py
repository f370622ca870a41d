"""A figure's subject from its donor and recipient as written (:func:`subject_of`), normalised so
that "Qinghai Province" and "Qinghai" are one subject."""

from __future__ import annotations

import re

_LEVEL_WORDS = re.compile(
    r"\b(province|provincial|city|municipal|municipality|county|prefecture|autonomous|region|district|of|the)\b"
)


def _norm(name: str | None) -> str:
    if not name:
        return ""
    words = _LEVEL_WORDS.sub(" ", name.lower().replace("’", "'"))
    return " ".join(re.sub(r"[^\w' ]", " ", words).split())


def subject_of(donor: str | None, recipient: str | None) -> str:
    """A subject key from donor and recipient as written.

    ``"pairing:liaoning>qinghai"`` when a donor is named; ``"area:guangxi zhuang"``
    for a figure about a place with no donor (a provincial chapter).
    """
    if _norm(donor):
        return f"pairing:{_norm(donor)}>{_norm(recipient)}"
    return f"area:{_norm(recipient)}"
