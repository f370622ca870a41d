"""The units of a table flattened into lines (issue 11): a caption's, header's or row's unit of money ("(10,000
yuan)", "(CNY million)") and its scale, of people ("(persons)", "(person-times)"), of measure ("km", "(mu)",
"hectares"); what a column of counts counts; and rows of labelled figures whose unit stands in brackets after the
label ("Aid funds (10,000 yuan): 3,560", "Roads built (km) ........ 22.4"), read by :func:`labelled_rows`."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache

from pairaid.core.extract.model import Mention
from pairaid.core.extract.rules import word_list
from pairaid.core.units import is_person_noun, match_unit, short_length_at, singular

__all__ = [
    "MONEY_CELL",
    "UNIT",
    "bracketed_money",
    "header_counts",
    "labelled_rows",
    "measured",
    "row_unit_cell",
    "scale_of",
]

_SCALE_WORDS = r"[\d,]+\s+(?:million|billion)|[\d,]+|ten\s+thousand|hundred\s+million|million|billion"
# "(10,000 yuan)", "(Unit: 100 million RMB)", or the currency code first in a bracket: "(CNY 10,000)", "(RMB million)",
# "(aid, CNY million)" (not "CNY 5 million" in a caption's sentence: an amount, no unit)
UNIT = re.compile(
    rf"\(?\s*(?:unit\s*:\s*)?(?P<scale>{_SCALE_WORDS})\s+(?:yuan|RMB|CNY)\s*\)?"
    rf"|(?:[(,]\s*|unit\s*:\s*)(?:RMB|CNY)\s+(?P<scale_after>{_SCALE_WORDS})\s*\)",
    re.I,
)
_SCALES = {
    "ten thousand": Decimal(10_000),
    "hundred million": Decimal(100_000_000),
    "million": Decimal(1_000_000),
    "billion": Decimal(1_000_000_000),
}
_PLURAL = re.compile(r"[^s]s$")
# a header's unit of people ("Cadres sent (persons)", "Visits (person-times)", "Relocated (households)")
_PEOPLE = re.compile(r"\(\s*(?P<unit>persons?|people|person[-\s]times|households?)\s*\)", re.I)


def scale_of(text: str) -> Decimal | None:
    """The scale of a unit written in ``text``: "(10,000 yuan)" 10,000, "(100 million yuan)" 10^8, else ``None``."""
    m = UNIT.search(text)
    if m is None:
        return None
    raw = re.sub(r"\s+", " ", (m.group("scale") or m.group("scale_after")).lower())
    if raw in _SCALES:
        return _SCALES[raw]
    number, _, word = raw.partition(" ")
    return Decimal(number.replace(",", "")) * _SCALES.get(word, Decimal(1))


# a row's unit cell of money with its currency code first and no bracket: "RMB 10,000", "CNY million"
MONEY_CELL = re.compile(rf"(?:RMB|CNY)\s+(?:{_SCALE_WORDS})", re.I)
_UNIT_CELL = re.compile(r"(?:persons?|people|person[-\s]times|households?|number|items?|units?)", re.I)
_MEASURES = frozenset({"ha", "mu", "km", "m", "m2", "m3", "t", "kg"})
_LAST_BRACKET = re.compile(r"\(\s*([^()]+?)\s*\)\s*$")


def row_unit_cell(cells: list[tuple[int, str]]) -> str | None:
    """The unit a row of a table of indicators names in a cell of its own after its label ("10,000 yuan",
    "persons", "person-times", "km", "mu"), or ``None``."""
    for _, cell in cells:
        bare = cell.strip().strip("()")
        if (
            UNIT.fullmatch(cell.strip())
            or MONEY_CELL.fullmatch(bare)
            or _UNIT_CELL.fullmatch(bare)
            or _measure_word(bare) is not None
        ):
            return bare
    return None


def _measure_word(word: str) -> tuple[str, Decimal] | None:
    """The unit of measure (code and scale) that ``word`` is as a whole ("km", "mu", "hectares", "square metres",
    "tons"), else ``None``."""
    found = match_unit(word, 0) or short_length_at(word, 0)
    if found is None or found.end != len(word) or found.unit not in _MEASURES:
        return None
    return found.unit, found.scale


def measured(what: str) -> tuple[str, Decimal] | None:
    """The unit of measure a column header or a row's label gives its cells in a closing bracket ("Roads built
    (km)", "Farmland (mu)", "Roads built (km)" of a row's unit cell), or ``None``."""
    bracket = _LAST_BRACKET.search(what) if what.endswith(")") else None
    return _measure_word(bracket.group(1)) if bracket is not None else None


_WORKERS = {"labour": "labourer", "labor": "laborer"}


def header_counts(header: str) -> tuple[str, str | None]:
    """The unit and noun of the cells of a column of counts: people when its header names them or puts
    "(persons)" after its words ("Poor labourers (persons)": labourer, not "poor"), person-times or households by
    such a bracket, else the people it names before its first plural word ("Poor labour transferred": labourer),
    else what the header's last plural word counts ("Projects started": project), else its last word."""
    bracket = _PEOPLE.search(header)
    words = re.findall(r"[A-Za-z]+", header[: bracket.start()] if bracket else header)
    plurals = [w for w in words if _PLURAL.search(w)]
    person = next((n for n in map(singular, map(str.lower, plurals)) if is_person_noun(n)), None)
    if bracket is not None:
        unit = bracket.group("unit").lower()
        if unit.startswith("household"):
            return "household", None
        if "time" in unit:
            return "person_time", None
        return "person", person or "person"
    if person is not None:
        return "person", person
    # "Poor labour transferred", "Poor people helped into jobs": people before the first plural, not its modifier
    first = next((n for n, w in enumerate(words) if _PLURAL.search(w)), len(words))
    people = [w.lower() for n, w in enumerate(words[:first]) if is_person_noun(w) and n + 1 != first]
    if people:
        return "person", _WORKERS.get(people[-1], singular(people[-1]))
    noun = singular((plurals[-1] if plurals else header.split()[-1]).lower())
    return ("person", noun) if is_person_noun(noun) else ("count", noun)


# a row of a list of labelled figures with its unit in brackets: "Aid funds (10,000 yuan): 3,560", "Roads built (km)
# ........ 22.4" (a dotted leader), "- Trainees (person-times): 4,100"; found from its bracket, the label read back
_LABEL_UNIT_END = re.compile(r"\)[ \t]*(?::|[.·](?:[ \t]?[.·]){2,}|…{2,})[ \t]*\d")
_LABELLED_ROW = re.compile(
    r"[ \t]*(?:[-–•*·][ \t]+)?(?P<label>[A-Za-z][^\n():;.\d]{1,60}?)[ \t]*\((?P<unit>[^()\n]{1,30})\)[ \t]*"
    r"(?::|[.·](?:[ \t]?[.·]){2,}|…{2,})[ \t]*(?P<value>\d[\d,]*(?:\.\d+)?)[ \t]*"
)


def labelled_rows(text: str, out: list[Mention], starts: dict[int, int]) -> set[int]:
    """Read the figures of rows of labelled figures whose unit stands in brackets after the label ("Aid funds
    (10,000 yuan): 3,560": 35.6 million yuan; "Roads built (km) ........ 22.4": 22.4 km; "Cadres seconded
    (persons): 24") in place in ``out``; the indexes of the units' own mentions, which state no amount."""
    drop: set[int] = set()
    for hit in _LABEL_UNIT_END.finditer(text):
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.end())
        row = _LABELLED_ROW.fullmatch(text, line_start, line_end if line_end >= 0 else len(text))
        i = starts.get(row.start("value"), -1) if row is not None else -1
        if row is None or i < 0 or out[i].unit != "count" or out[i].noun is not None:
            continue
        m, unit = out[i], row["unit"]
        scale = scale_of(f"({unit})")
        if scale is not None:
            out[i] = replace(m, unit="CNY", value=m.value * scale, noun=None, rule=m.rule + "+label")
        elif (measure := _measure_word(unit)) is not None:
            out[i] = replace(m, unit=measure[0], value=m.value * measure[1], rule=m.rule + "+label")
        elif _UNIT_CELL.fullmatch(unit):
            counted, noun = header_counts(f"{row['label']} ({unit})")
            out[i] = replace(m, unit=counted, noun=noun, noun_phrase=row["label"].lower(), rule=m.rule + "+label")
        else:
            continue
        drop.update(k for k, u in enumerate(out) if row.start("unit") <= u.start < row.end("unit"))
    return drop


# a unit of money in brackets right after a bare number: "gifts of 730 (10,000 yuan)", "2,865 (CNY 10,000)"
_BRACKETED_MONEY = re.compile(
    rf"[ \t]*\(\s*(?:unit\s*:\s*)?(?:(?:{_SCALE_WORDS})\s+(?:yuan|RMB|CNY)|(?:RMB|CNY)\s+(?:{_SCALE_WORDS}))\s*\)",
    re.I,
)


def bracketed_money(text: str, out: list[Mention]) -> set[int]:
    """Read in place in ``out`` a bare number followed by a unit of money in brackets ("730 (10,000 yuan)": 7.3
    million yuan); the indexes of the units' own mentions, which state no amount."""
    drop: set[int] = set()
    for i, m in enumerate(out):
        if m.unit != "count" or m.noun is not None or text[m.end : m.end + 3].lstrip()[:1] != "(":
            continue
        found = _BRACKETED_MONEY.match(text, m.end)
        scale = scale_of(found.group()) if found is not None else None
        if found is None or scale is None:
            continue
        end = found.end()  # the unit is the figure's: its words go on after the bracket ("(10,000 yuan) of donations")
        out[i] = replace(
            m, unit="CNY", value=m.value * scale, end=end, text=text[m.start : end], rule=m.rule + "+bracket"
        )
        drop.update(k for k, u in enumerate(out[i + 1 : i + 3], start=i + 1) if u.start < found.end())
    return drop


@cache
def _stock_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(word_list('table_stock_words'))})\b", re.I)


def stock_row(label: str) -> bool:
    """Whether a table's row label counts what stands at each year's end ("Cadres on post"): a stock (F5)."""
    return _stock_words().search(label) is not None
