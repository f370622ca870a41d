"""The ``--donor`` and ``--recipient`` options of ``extract`` and ``ingest``: a place the areas know, or an error."""

from __future__ import annotations

import re

from pairaid.core.errors import InputError

#: A list of places as one option ("Yingjisha and Yuepuhu"), as the subject resolver splits it.
_LIST = re.compile(r"\s*(?:[,，、;；&]|\band\b)\s*")


def place_check(name: str | None, *, option: str) -> None:
    """Refuse ``name`` given as ``option`` (``--recipient``) when the areas know no place of it (or of a part of
    a list of places), naming the nearest names; a name that only looks like one (a typo) is refused too.

    Raises:
        InputError: ``--recipient 'Atlantis': no area has that name (nearest: …)``.
    """
    if name is None:
        return
    if not name.strip():
        raise InputError(f"{option}: a place name is needed (Chinese, pinyin or English)")
    from pairaid.core.gazetteer_store import default_gazetteer

    gazetteer = default_gazetteer()
    for part in [part for part in _LIST.split(name.strip()) if part.strip()] or [name]:
        found = gazetteer.resolve(part)
        if found and found[0].match != "fuzzy":
            continue
        close = [c.area.name_en if part.isascii() else c.area.name_zh for c in found] or gazetteer.nearest_names(part)
        nearest = f" (nearest: {', '.join(list(dict.fromkeys(close))[:3])})" if close else ""
        raise InputError(f"{option} {part!r}: no area has that name{nearest}")
