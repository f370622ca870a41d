"""pairaid.core.extract.mentions: quantities with unit, noun, qualifier and span (M1). Made-up examples."""

from __future__ import annotations

import pytest

from pairaid.core.extract.mentions import find_mentions
from pairaid.core.extract.model import Mention
from pairaid.core.extract.sections import find_sections
from pairaid.core.extract.sentences import find_sentences
from pairaid.core.numbers import format_decimal


def mentions(text: str) -> tuple[Mention, ...]:
    return find_mentions(text, find_sentences(text, find_sections(text)))


CASES = [
    # sentence, span text, value, unit, noun, qualifier
    ("The city gave 2.64 billion Yuan to the county.", "2.64 billion Yuan", "2640000000", "CNY", None, "exact"),
    ("It paid 380 yuan per household.", "380 yuan", "380", "CNY", None, "exact"),
    ("It paid RMB 6 million to them.", "RMB 6 million", "6000000", "CNY", None, "exact"),
    # a one-letter scale on money only: after a currency word before the number or before "yuan"
    ("It paid RMB12m to them.", "RMB12m", "12000000", "CNY", None, "exact"),
    ("It paid CNY 450k to them.", "CNY 450k", "450000", "CNY", None, "exact"),
    ("It paid 8m yuan to them.", "8m yuan", "8000000", "CNY", None, "exact"),
    ("It paid Rmb 2-3m to them.", "Rmb 2-3m", "2000000", "CNY", None, "exact"),
    ("Output grew up4.1% last year.", "4.1%", "4.1", "percent", None, "exact"),
    ("It dug more than 40 wells.", "40 wells", "40", "count", "well", "more_than"),
    ("It hired over 75 nurses.", "75 nurses", "75", "person", "nurse", "more_than"),
    ("Nearly 900 herdsmen moved.", "900 herdsmen", "900", "person", "herdsman", "nearly"),
    ("About 3,100 pupils enrolled.", "3,100 pupils", "3100", "person", "pupil", "about"),
    ("It treated no more than 20 patients.", "20 patients", "20", "person", "patient", "less_than"),
    ("It helped 2 million or more villagers.", "2 million", "2000000", "person", "villager", "more_than"),
    ("It opened 17 new clinics.", "17 new clinics", "17", "count", "clinic", "exact"),
    ("It opened 63 mountain village schools.", "63", "63", "count", "school", "exact"),
    ("It bought 5,200 heads of cattle.", "5,200 heads", "5200", "count", "head", "exact"),
    ("It sent a 12-member team.", "12-member", "12", "person", "member", "exact"),
    ("It farmed a 250-hectare plot.", "250-hectare", "250", "ha", None, "exact"),
    ("It paved a 2.4-kilometer lane.", "2.4-kilometer", "2.4", "km", None, "exact"),
    ("A 40 million-cubic meter dam.", "40 million-cubic meter", "40000000", "m3", None, "exact"),
    ("It trained staff for 640 person-times.", "640 person-times", "640", "person_time", None, "exact"),
    ("It lit 310 poor households.", "310 poor households", "310", "household", "household", "exact"),
    ("It irrigated 8,800 mu of land.", "8,800 mu", "8800", "mu", None, "exact"),
    ("Roads 6-9 meters wide.", "6-9 meters", "6", "m", None, "exact"),
    ("Prices of 200-1,500 Yuan.", "200-1,500 Yuan", "200", "CNY", None, "exact"),
    ("It built six bridges.", "six bridges", "6", "count", "bridge", "exact"),
    ("It held a dozen of forums.", "a dozen of forums", "12", "count", "forum", "about"),
    ("It aided one thousand students.", "one thousand students", "1000", "person", "student", "exact"),
    ("It sold 3,000 tons of grain.", "3,000 tons", "3000", "t", None, "exact"),
    ("It gave 140 kg each.", "140 kg", "140", "kg", None, "exact"),
    ("It built 900 square meters of sheds.", "900 square meters", "900", "m2", None, "exact"),
    ("It trained 2,000 local farmers and 95 doctors.", "2,000 local farmers", "2000", "person", "farmer", "exact"),
    ("It linked 14 domestic and foreign firms.", "14", "14", "count", "firm", "exact"),
    ("Of them, 2019 students passed.", "2019 students", "2019", "person", "student", "exact"),
    # no gold code for km2: land in hectares, 1 km2 = 100 ha
    ("The zone covers 12 square kilometers.", "12 square kilometers", "1200", "ha", None, "exact"),
    ("A park of 2.5 sq km.", "2.5 sq km", "250", "ha", None, "exact"),
    ("It paid 1,260 fruit growers.", "1,260 fruit growers", "1260", "person", "grower", "exact"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "noun", "qualifier"), CASES)
def test_it_reads_the_mention(text: str, span: str, value: str, unit: str, noun: str | None, qualifier: str) -> None:
    found = [m for m in mentions(text) if m.text.startswith(span.split()[0].split("-")[0])]
    assert found, [m.text for m in mentions(text)]
    m = found[0]
    assert m.text == span
    assert text[m.start : m.end] == span
    assert format_decimal(m.value) == value
    assert m.unit == unit
    assert m.noun == noun
    assert m.qualifier == qualifier
    assert m.rule


def test_a_range_keeps_its_upper_bound() -> None:
    (m,) = mentions("Lanes of 10-12 meters.")
    assert m.value_high is not None and format_decimal(m.value_high) == "12"


def test_every_mention_knows_its_sentence() -> None:
    found = mentions("It built 3 wells. It dug 4 ponds.")
    assert [m.sentence for m in found] == [0, 1]


def test_bare_numbers_listed_after_a_part_count_what_it_counts() -> None:
    text = "It sent 9,000 workers, of whom 4,800 were from A, 3,100 from B and 1,100 from C."
    found = {m.text: m for m in mentions(text)}
    assert [(found[t].unit, found[t].noun) for t in ("4,800", "3,100", "1,100")] == [("person", "worker")] * 3


def test_of_whom_takes_the_last_figure_of_people_not_a_count_of_places() -> None:
    text = "It trained 800 young people in the five counties, 600 of whom found jobs and 90 in B."
    found = {m.text: m for m in mentions(text)}
    assert (found["600"].unit, found["600"].noun) == ("person", "person")
    assert (found["90"].unit, found["90"].noun) == ("person", "person")


def test_a_number_after_a_year_continues_the_figure_before() -> None:
    text = "The poor population fell by 1.15 million in 2013 to 6.92 million."
    assert [(m.text, m.unit) for m in mentions(text)] == [("1.15 million", "person"), ("6.92 million", "person")]
