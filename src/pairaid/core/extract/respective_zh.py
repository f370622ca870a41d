"""F4 in Chinese: places listed with 分别 before a run of figures pair up with them (gold-format.md F4)."""

from __future__ import annotations

import re

from pairaid.core.extract.model import Mention, Sentence
from pairaid.core.extract.places import Parties
from pairaid.core.extract.places_zh import Place, respective_givers, respective_recipients

__all__ = ["respective_zh"]

# donors and recipients of one figure, as fact_places.Sides (which imports this module)
Sides = tuple[tuple[str | None, ...], tuple[str | None, ...]]


_ZH_RUN_JOIN = re.compile(r"\s*(?:、|和|与|及|以及)\s*")


def respective_zh(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    chinese: list[int],
    written: list[Place],
    parties: Parties,
    found: dict[int, Sides],
) -> dict[int, Sides]:
    """F4 in Chinese: places listed with 分别 before a run of figures ("800万元和600万元") pair up with
    them in order; a single figure goes to each place (one fact each), from the giver in the same place
    of a list of as many givers before 分别 ("甲区、乙区分别向丙县、丁县拨付N万元")."""
    out: dict[int, Sides] = {}
    runs: list[list[int]] = []
    for i in sorted(chinese):
        last = runs[-1][-1] if runs else None
        joined = (
            last is not None
            and mentions[last].sentence == mentions[i].sentence
            and mentions[last].unit == mentions[i].unit
            and _ZH_RUN_JOIN.fullmatch(text, mentions[last].end, mentions[i].start) is not None
        )
        if joined:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        first = mentions[run[0]]
        sent = sentences[first.sentence]
        listed = respective_recipients(text, written, (sent.start, sent.end), (first.start, first.end), parties)
        if len(listed) == len(run) > 1:
            out.update({i: (found[i][0], (place,)) for i, place in zip(run, listed, strict=True)})
        elif len(run) == 1 and listed:  # the givers listed before 分别 give in the same order (facts pair them)
            givers = respective_givers(text, written, (sent.start, sent.end), parties)
            out[run[0]] = (tuple(givers) if len(givers) == len(listed) else found[run[0]][0], tuple(listed))
    return out
