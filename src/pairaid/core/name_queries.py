"""A place name as the gazetteer looks it up: normalised (quotes, accents, case and separators folded),
its key, and the base and suffix it is written with ("Kashi Prefecture": Kashi and a prefecture's suffix;
"巴里坤哈萨克自治县": 巴里坤 and an autonomous county's)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pairaid.core.area_names import SuffixHint, fold, name_rules, split_area_name

_DROP_QUOTES = {ord(q): None for q in "\"'`´′″“”„‟‘’‚‛‹›«»「」『』《》〈〉"}
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―_/.,;:·・()（）]+")
HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class NameQuery:
    """A name as written, and its keys: whole, without the suffix written, and the suffix's hint."""

    written: str
    key: str
    base_key: str
    hint: SuffixHint | None
    han: bool


def normalise(text: str) -> str:
    """A name as compared: NFKC, quotes dropped, accents and case folded, separators as single spaces.

    “Kashi” → kashi; Yan’an → yanan; Ürümqi → urumqi; Kashi-Prefecture →
    kashi prefecture. Never raises.
    """
    text = fold(unicodedata.normalize("NFKC", text))
    text = text.translate(_DROP_QUOTES)
    return _SEPARATORS.sub(" ", text).strip()


def name_key(text: str) -> str:
    """The lookup key of a name: :func:`normalise` without spaces (Shule County → shulecounty)."""
    return normalise(text).replace(" ", "")


def parse_name(written: str) -> NameQuery:
    text = normalise(written)
    han = bool(HAN.search(text))
    rules = name_rules()
    base, hint = text, None
    if han:
        compact = text.replace(" ", "")
        parts = split_area_name(compact)
        if parts.suffix:
            suffix = next(s for s in rules.suffixes if s.zh == parts.suffix)
            base, hint = parts.base, SuffixHint(parts.suffix, frozenset({parts.suffix}), suffix.levels)
        else:
            for qs, zh in rules.query_suffixes:
                if compact.endswith(qs.zh) and len(compact) - len(qs.zh) >= qs.min_base:
                    base, hint = compact[: -len(qs.zh)], SuffixHint(qs.zh, zh, qs.levels)
                    break
    else:
        for candidate in rules.english_suffixes:
            if text.endswith(" " + candidate.text):
                base, hint = text[: -len(candidate.text) - 1].strip(), candidate
                break
        if hint is not None and "autonomous" in hint.text:
            base = _strip_ethnic_words(base)
    return NameQuery(written=written, key=text.replace(" ", ""), base_key=base.replace(" ", ""), hint=hint, han=han)


def is_suffix_only(query: NameQuery) -> bool:
    """A query that is a suffix and nothing else ("County", "自治州") names no area."""
    rules = name_rules()
    return query.key in {name_key(h.text) for h in rules.english_suffixes} or query.key in {
        s.zh for s in rules.suffixes
    }


def _strip_ethnic_words(base: str) -> str:
    words = {fold(w) for g in name_rules().ethnic_groups for w in (g.en, *g.variants)}
    changed = True
    while changed:
        changed = False
        for word in sorted(words, key=len, reverse=True):
            if base.endswith(" " + word):
                base, changed = base[: -len(word) - 1].strip(), True
                break
    return base
