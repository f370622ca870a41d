"""Place names to area codes: Chinese, pinyin, English, aliases, typos, ambiguity.

``Gazetteer(records).resolve("Shulu County", context="Kashi")`` gives ranked
:class:`Candidate` s, best first, each with the way it matched and a reason in
words. A name that several areas share (Hetian: a prefecture, a city and a
county) gives them all, ranked by the suffix written, the context and the level
(the larger area first), never one silently. An unknown name gives ``[]``.

Matching, in order: the full name as written (Chinese, English or pinyin name,
or an alias of ``data/area_aliases.yaml``); the name without the suffix written
("Kashi Prefecture" → Kashi, checked against the area's own suffix); for a
Chinese name not found, its reading (疏乐 reads like 疏勒); and only when
nothing matched, the closest names by edit similarity (rapidfuzz).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler

from pairaid.core.area_names import SuffixHint, place_pinyin, split_area_name
from pairaid.core.areas import AreaRecord
from pairaid.core.name_queries import HAN, NameQuery, is_suffix_only, name_key, parse_name

MatchKind = Literal["exact", "alias", "suffix_variant", "pinyin", "fuzzy"]

# Scores are in [0, 1]: the match, then a suffix that fits (+) or contradicts (-)
# the area, a context that contains the area, and the level as a last tie-break.
_BASE_SCORE: dict[MatchKind, float] = {"exact": 0.85, "alias": 0.83, "suffix_variant": 0.82, "pinyin": 0.80}
_HOMOPHONE_SCORE = 0.75
_FUZZY_WEIGHT = 0.75
_SUFFIX_FITS, _SUFFIX_CONTRADICTS = 0.04, -0.10
_IS_CONTEXT, _WITHIN_CONTEXT, _CONTAINS_CONTEXT = 0.08, 0.05, 0.03
# a bare "Xinjiang" is the region before 新绛县 (Xinjiang County); "Hetian" stays a
# close call between the prefecture and the county-level city and county
_LEVEL_BONUS = {"province": 0.03, "prefecture": 0.015, "county": 0.0}
_LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}
_FUZZY_PREFILTER = 75.0  # rapidfuzz ratio, 0-100
_FUZZY_CUTOFF = 0.80
_FUZZY_MIN_LENGTH = {"latin": 4, "han": 3}
#: How far the best reading of a name must lead the next for :meth:`Gazetteer.best` to give it.
CLEAR_LEAD = 0.03

_LABEL_PARTS = re.compile(r"[()（）,，;；/&、]|\band\b|\.\.\.")


@dataclass(frozen=True)
class Candidate:
    """One area a name may refer to.

    ``score`` is in [0, 1], higher is better; ``match`` says how the name
    matched (``fuzzy`` means a likely typo: check it); ``reason`` says it in
    words; ``matched`` is the name form that matched ("Kashgar", "疏勒",
    "Shule County"); ``in_context`` is true when the area is within, or
    contains, one of the context areas.
    """

    area: AreaRecord
    score: float
    match: MatchKind
    reason: str
    matched: str
    in_context: bool = False


@dataclass(frozen=True)
class _Entry:
    code: str
    kind: MatchKind
    form: str


@dataclass(frozen=True)
class _Hit:
    entry: _Entry
    similarity: float = 1.0
    homophone: bool = False


class Gazetteer:
    """Resolves place names against a set of area records (see the module docstring).

    Build it once (:func:`pairaid.core.gazetteer_store.default_gazetteer` keeps one over cpca's table); its
    index is immutable afterwards and it is safe to share between threads (the
    only state it keeps is a cache of context names already read).
    """

    def __init__(self, records: Iterable[AreaRecord]) -> None:
        self._records = {r.code: r for r in records}
        self._suffix: dict[str, str] = {}
        self._ancestors: dict[str, tuple[str, ...]] = {}
        index: dict[str, dict[str, _Entry]] = {}
        fuzzy_keys: set[str] = set()
        for record in self._records.values():
            self._suffix[record.code] = split_area_name(record.name_zh).suffix
            self._ancestors[record.code] = self._chain(record)
            for entry_key, entry, searchable in self._entries(record):
                if entry_key:
                    best = index.setdefault(entry_key, {})
                    old = best.get(record.code)
                    if old is None or _BASE_SCORE[entry.kind] > _BASE_SCORE[old.kind]:
                        best[record.code] = entry
                    if searchable:
                        fuzzy_keys.add(entry_key)
        self._index = {k: tuple(v.values()) for k, v in index.items()}
        # a report's donor and recipient come with every name: read them once
        self._context_cache: dict[tuple[str, ...], tuple[str, ...]] = {}
        # typos are sought among names without suffix: "Shulu" against "shule", not "shulecounty"
        self._fuzzy_keys = {
            "latin": sorted(k for k in fuzzy_keys if not HAN.search(k)),
            "han": sorted(k for k in fuzzy_keys if HAN.search(k)),
        }

    def _chain(self, record: AreaRecord) -> tuple[str, ...]:
        chain: list[str] = []
        parent = record.parent_code
        while parent and parent not in chain:
            chain.append(parent)
            above = self._records.get(parent)
            parent = above.parent_code if above else None
        return tuple(chain)

    @staticmethod
    def _entries(record: AreaRecord) -> Iterable[tuple[str, _Entry, bool]]:
        """Index keys of a record: (key, entry, whether typos of it are sought)."""
        code = record.code
        parts = split_area_name(record.name_zh)
        full_pinyin = place_pinyin(record.name_zh)
        yield name_key(record.name_zh), _Entry(code, "exact", record.name_zh), False
        yield name_key(record.name_en), _Entry(code, "exact", record.name_en), False
        yield name_key(parts.base), _Entry(code, "suffix_variant", parts.base), True
        yield name_key(record.name_pinyin), _Entry(code, "pinyin", record.name_pinyin), True
        yield name_key(full_pinyin), _Entry(code, "pinyin", full_pinyin), False
        if "ü" in record.name_pinyin:
            v_spelling = record.name_pinyin.lower().replace("ü", "v").replace("'", "")
            yield v_spelling, _Entry(code, "pinyin", record.name_pinyin), False
        for alias in record.aliases:
            kind: MatchKind = "suffix_variant" if alias == parts.base else "alias"
            yield name_key(alias), _Entry(code, kind, alias), True

    def resolve(self, name: str, *, context: str | Sequence[str] | None = None, limit: int = 5) -> list[Candidate]:
        """Areas ``name`` may refer to, best first, at most ``limit``.

        ``name``: Chinese, pinyin or English, with or without suffix, any case,
        curly quotes, hyphens or apostrophes. ``context``: one or more area
        names or 6-digit codes (a parent area, or the donor and recipient of
        the report); areas within or containing them rank higher. A 6-digit
        code is its area (a former code too: 652200 is Hami). Returns
        ``[]`` for an empty or unknown name; never raises on odd text.
        """
        by_code = self._by_code(name.strip())
        if by_code is not None:
            return [by_code] if limit >= 1 else []
        return self._resolve(name, scope=self._context_codes(context), limit=limit, typos=True)

    def _by_code(self, text: str) -> Candidate | None:
        """The area whose code (its own, or one it had) ``text`` is, or None."""
        if len(text) != 6 or not text.isascii() or not text.isdigit():
            return None
        record = self._records.get(text)
        if record is not None:
            return Candidate(record, 1.0, "exact", "its code", text)
        for record in self._records.values():
            if any(other.code == text for other in record.other_codes):
                return Candidate(record, 1.0, "alias", "a code it had", text)
        return None

    def _resolve(self, name: str, *, scope: tuple[str, ...], limit: int, typos: bool) -> list[Candidate]:
        query = parse_name(name)
        if not query.base_key or is_suffix_only(query) or limit < 1:
            return []
        hits = self._lookup(query)
        if not hits and query.han:
            hits = self._homophones(query)
        if not hits and typos:
            hits = self._fuzzy(query)
        candidates = [self._candidate(query, hit, scope) for hit in hits.values()]
        candidates.sort(key=lambda c: (-c.score, _LEVEL_ORDER[c.area.level], c.area.code))
        return _note_shared_names(candidates)[:limit]

    def best(self, name: str, *, context: str | Sequence[str] | None = None) -> Candidate | None:
        """The one area ``name`` refers to, or None when nothing matches or the top two are too close to call.

        The top candidate must lead the next by at least 0.03 in score; a
        fuzzy pick is returned with ``match == "fuzzy"`` for the caller to flag.
        """
        found = self.resolve(name, context=context, limit=2)
        if not found or (len(found) == 2 and round(found[0].score - found[1].score, 3) < CLEAR_LEAD):
            return None
        return found[0]

    def nearest_names(self, name: str, *, limit: int = 3) -> list[str]:
        """The names of the areas closest in spelling to ``name`` that :meth:`resolve` finds none for, to suggest
        (``Atlantis``: areas spelt like it), in its script: English names for Latin letters, else Chinese."""
        query = parse_name(name)
        if not query.base_key:
            return []
        script = "han" if query.han else "latin"
        found = process.extract(query.base_key, self._fuzzy_keys[script], scorer=fuzz.ratio, limit=limit * 4)
        names: list[str] = []
        for key, _, _ in found:
            for entry in self._index[key]:
                record = self._records[entry.code]
                shown = record.name_zh if query.han else record.name_en
                if shown not in names:
                    names.append(shown)
        return names[:limit]

    def context_unknown(self, context: str | Sequence[str]) -> list[str]:
        """The items of ``context`` that name no area as :meth:`resolve` reads a context (and so narrow nothing)."""
        items = (context,) if isinstance(context, str) else tuple(context)
        return [item for item in items if not self._context_codes(item)]

    def area(self, code: str) -> AreaRecord | None:
        """The record with this 6-digit code, or None."""
        return self._records.get(code)

    def _context_codes(self, context: str | Sequence[str] | None) -> tuple[str, ...]:
        """Codes of the context areas: codes as given, names resolved without typo tolerance.

        A label that is not one name ("Xinjiang (Kashi)", "Sichuan (12 counties
        of Guangyuan & Nanchong)") is read part by part, then word by word.
        """
        items = (context,) if isinstance(context, str) else tuple(context or ())
        if items in self._context_cache:
            return self._context_cache[items]
        codes: list[str] = []
        for item in items:
            item = item.strip()
            if item in self._records:
                codes.append(item)
                continue
            found = self._context_areas(item)
            if not found:
                for part in _LABEL_PARTS.split(item):
                    found += self._context_areas(part) or [
                        code for word in part.split() if len(word) >= 4 for code in self._context_areas(word)
                    ]
            codes.extend(found)
        scope = self._context_cache[items] = tuple(dict.fromkeys(codes))
        return scope

    def _context_areas(self, name: str) -> list[str]:
        """The areas a context name covers: no typos, only those best() could not tell apart, outermost."""
        candidates = self._resolve(name, scope=(), limit=10, typos=False) if name.strip() else []
        top = candidates[0].score if candidates else 0.0
        found = {c.area.code for c in candidates if round(top - c.score, 3) < CLEAR_LEAD}
        return sorted(code for code in found if not found.intersection(self._ancestors[code]))

    def _lookup(self, query: NameQuery) -> dict[str, _Hit]:
        hits: dict[str, _Hit] = {}
        for entry in self._index.get(query.key, ()):
            hits[entry.code] = _Hit(entry)
        if query.base_key and query.base_key != query.key:
            for entry in self._index.get(query.base_key, ()):
                kind: MatchKind = "suffix_variant" if entry.kind == "exact" else entry.kind
                hit = _Hit(replace(entry, kind=kind))
                if entry.code not in hits:
                    hits[entry.code] = hit
        return hits

    def _homophones(self, query: NameQuery) -> dict[str, _Hit]:
        reading = name_key(place_pinyin(query.base_key))
        return {e.code: _Hit(replace(e, kind="pinyin"), homophone=True) for e in self._index.get(reading, ())}

    def _fuzzy(self, query: NameQuery) -> dict[str, _Hit]:
        script = "han" if query.han else "latin"
        searches = [(query.base_key, script)]
        if query.han:
            searches.append((name_key(place_pinyin(query.base_key)), "latin"))
        hits: dict[str, _Hit] = {}
        for target, kind in searches:
            if len(target) < _FUZZY_MIN_LENGTH[kind]:
                continue
            found = process.extract(
                target, self._fuzzy_keys[kind], scorer=fuzz.ratio, score_cutoff=_FUZZY_PREFILTER, limit=20
            )
            for key, ratio, _ in found:
                # edit similarity, with Jaro-Winkler's weight on a shared beginning to
                # break ties: "shulu" is one letter from both shule and shufu
                similarity = (ratio / 100 + JaroWinkler.normalized_similarity(target, key)) / 2
                if similarity < _FUZZY_CUTOFF:
                    continue
                for entry in self._index[key]:
                    old = hits.get(entry.code)
                    if old is None or similarity > old.similarity:
                        hits[entry.code] = _Hit(replace(entry, kind="fuzzy"), similarity=similarity)
        return hits

    def _candidate(self, query: NameQuery, hit: _Hit, scope: tuple[str, ...]) -> Candidate:
        area = self._records[hit.entry.code]
        kind = hit.entry.kind
        if kind == "fuzzy":
            score = _FUZZY_WEIGHT * hit.similarity
            reason = f"close to {hit.entry.form} ({hit.similarity:.0%} similar)"
        elif hit.homophone:
            score = _HOMOPHONE_SCORE
            reason = f"reads {area.name_pinyin} like {area.name_zh}"
        else:
            score = _BASE_SCORE[kind]
            reason = {
                "exact": f"name {hit.entry.form}",
                "alias": f"alias {hit.entry.form}",
                "suffix_variant": f"{hit.entry.form}, {area.name_zh} without its suffix",
                "pinyin": f"pinyin {hit.entry.form} of {area.name_zh}",
            }[kind]
        notes = [reason]
        if query.hint is not None:
            fit = self._fit(query.hint, area)
            score += {1: _SUFFIX_FITS, 0: 0.0, -1: _SUFFIX_CONTRADICTS}[fit]
            suffix = self._suffix[area.code] or "no suffix"
            notes.append(
                {
                    1: f"'{query.hint.text}' fits {suffix}",
                    0: f"'{query.hint.text}' fits its level ({area.level}, {suffix})",
                    -1: f"but '{query.hint.text}' does not fit a {area.level} named {area.name_zh}",
                }[fit]
            )
        relations = [self._relation(area, code) for code in scope]
        bonus, relation = max(relations, default=(0.0, ""))
        if bonus:
            score += bonus
            notes.append(relation)
        score += _LEVEL_BONUS[area.level]
        return Candidate(
            area=area,
            score=round(min(max(score, 0.0), 1.0), 3),
            match=kind,
            reason="; ".join(notes),
            matched=hit.entry.form,
            in_context=bool(bonus),
        )

    def _relation(self, area: AreaRecord, code: str) -> tuple[float, str]:
        """How ``area`` stands to the context area ``code``: the score it adds and the words for it."""
        ctx = self._records[code]
        if code == area.code:
            return _IS_CONTEXT, "is the context area"
        if code in self._ancestors[area.code]:
            return _WITHIN_CONTEXT, f"within context {ctx.name_zh} {code}"
        if area.code in self._ancestors[code]:
            return _CONTAINS_CONTEXT, f"contains context {ctx.name_zh} {code}"
        return 0.0, ""

    def _fit(self, hint: SuffixHint, area: AreaRecord) -> int:
        if self._suffix[area.code] in hint.zh:
            return 1
        return 0 if area.level in hint.levels else -1


def _note_shared_names(candidates: list[Candidate]) -> list[Candidate]:
    """Say so on every candidate whose matched name another candidate shares."""
    shared: dict[str, int] = {}
    for c in candidates:
        shared[name_key(c.matched)] = shared.get(name_key(c.matched), 0) + 1
    noted = []
    for c in candidates:
        n = shared[name_key(c.matched)]
        if n > 1:
            note = f"one of {n} areas named {c.matched}: ranked by suffix, context, then size"
            c = replace(c, reason=f"{c.reason}; {note}")
        noted.append(c)
    return noted
