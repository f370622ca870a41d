"""The form a Chinese page writes a place in, for a figure's donor or recipient as written (gold-format.md Z8): its
fullest, or the area under a prefecture directly where the page names it so (``direct_areas`` of
``data/pairing_sides.yaml``: 伊犁州直 stands for the page's 伊犁, 伊犁州 and 伊犁哈萨克自治州)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pairaid.core.data_files import read_yaml
from pairaid.core.extract.place_index_zh import Place

__all__ = ["fullest", "in_full"]


@cache
def _direct() -> tuple[str, ...]:
    """The suffixes of an area under a prefecture directly (州直, 地直)."""
    return tuple(str(v) for v in read_yaml("pairing_sides.yaml")["direct_areas"]["suffixes"].values())


def fullest(names: Sequence[str]) -> str:
    """Of the names a page writes for one area, the one under the prefecture directly (伊犁州直), else the longest."""
    return next((n for n in names if n.endswith(_direct())), None) or max(names, key=len)


def in_full(place: Place, places: list[Place], names: dict[str, list[str]] | None = None) -> str:
    """``place`` as the page writes it in full where it writes its bare name too (和田 where the page has
    和田地区 too; 克州 stays: no shortening of 克孜勒苏柯尔克孜自治州 by its first characters), or as the area under
    its prefecture directly where the page names that (伊犁州直); ``names``: the names ``places`` write for each
    area code, in order (:class:`~pairaid.core.extract.place_index_zh.PlaceIndex`)."""
    written = names.get(place.code, ()) if names is not None else [p.name for p in places if p.code == place.code]
    direct = [name for name in written if name.endswith(_direct())]  # 伊犁州直: what the page's 伊犁 stands for
    return direct[0] if direct else max((place.name, *(n for n in written if n.startswith(place.name))), key=len)
