"""pairaid.core.extract.exclusions: numbers that are not quantities (gold-format.md Layer 1, M1).

One made-up case per rule; the rule named in the docstring of the module must be the one that fires.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract.exclusions import ExclusionContext, exclusion_rule, index_text
from pairaid.core.extract.mentions import find_mentions
from pairaid.core.extract.sections import find_sections
from pairaid.core.extract.sentences import find_sentences
from pairaid.core.numbers import find_numbers


def values(text: str) -> list[str]:
    return [m.text for m in find_mentions(text, find_sentences(text, find_sections(text)))]


CASES = [
    # text, the number that must not be a mention, rule
    ("Tel: 5550123 Fax\n", "5550123", "footer"),
    ("邮编100028 and more\n", "100028", "footer"),
    ("It ran the “four seasons” drive with 9 teams.", "four", "quoted"),
    ('It ran the "7.5" campaign and 9 teams.', "7.5", "quoted"),
    ("Intro.\n2.Improve the roads for 8 villages.", "2", "list_number"),
    ("Steps (3) were taken for 8 villages.", "3", "list_number"),
    ("It gave 12 wells and then 40", "40", "truncated"),
    ("Anhe's aid to Baishan reached 40", "40", "truncated"),
    ("In 2011, it built 5 dams.", "2011", "year"),
    ("The aid given since 2003 amounts to 5 million yuan.", "2003", "year"),
    ("In 2013 Anhe's projects covered 5 villages.", "2013", "year"),
    ("Contact: the aid office, 0571-87051234; 5 staff.", "0571-87051234", "telephone"),
    ("At the fair (3-6 May) it signed 5 contracts.", "3-6", "date"),
    ("Table 3  Aid by county, with 5 columns.", "3", "before:table_number"),
    ("The plan for 2016-2020 covers 5 dams.", "2016-2020", "year_range"),
    ("On May 12, it built 5 dams.", "12", "date"),
    ("On 12 May it built 5 dams.", "12", "date"),
    ("Ji Fa [2013] No. 88 says 5 dams.", "88", "before:document_number"),
    ("Phase 2 built 5 dams.", "2", "before:phase_or_batch_number"),
    ("A loan of USD 3 million built 5 dams.", "3 million", "before:foreign_currency"),
    ("A loan of US$2.5 million built 5 dams.", "2.5 million", "before:foreign_currency"),
    ("A gift of 400,000 US dollars built 5 dams.", "400,000", "after:foreign_currency"),
    ("A gift of 20,000 euros built 5 dams.", "20,000", "after:foreign_currency"),
    ("The notice in Vol. 3 lists 5 dams.", "3", "before:phase_or_batch_number"),
    ("It was the 9th fair with 5 booths.", "9", "after:ordinal"),
    ("Over the past 16 years it built 5 dams.", "16", "after:duration"),
    ("A 20-year partnership built 5 dams.", "20", "after:duration"),
    ("Output was 2.5 times the 2007 level.", "2.5", "after:multiplier"),
    ("The 1+1 pairing built 5 dams.", "1", "after:slogan_plus"),
    ("The two sides built 5 dams.", "two", "word:both_two"),
    ("It is one of the big firms and built 5 dams.", "one", "word:one_phrase"),
    ("They chose one, and built 5 dams.", "one", "bare_word_number"),
    ("Funds went to Seven Hills County for 5 dams.", "Seven", "name"),
    ("It ran three-way talks on 5 dams.", "three", "compound_word"),
]


@pytest.mark.parametrize(("text", "number", "rule"), CASES)
def test_it_excludes_the_number_by_its_rule(text: str, number: str, rule: str) -> None:
    assert number not in values(text)
    index = index_text(text)
    n = next(x for x in find_numbers(text) if x.text == number)
    found = [m for m in find_mentions(text, find_sentences(text, find_sections(text))) if m.start == n.start]
    assert not found
    ctx = ExclusionContext(
        has_unit=False, plural_noun=False, has_noun=rule != "bare_word_number", at_text_end=rule == "truncated"
    )
    if rule in ("compound_word",):
        ctx = ExclusionContext(False, False, False, False)
    assert exclusion_rule(text, n, ctx, index) == rule


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("It sent 2100 teachers.", "2100 teachers"),
        ("Wells were dug in 2100 villages.", "2100 villages"),
        ("The two work teams built 5 dams.", "5"),
        ("It held two work conferences.", "two work conferences"),
        ('It linked 100 "sister villages".', "100"),
        # a number that ends the text is whole in a table row or as the complement of a count
        ("Aid by county\nCounty | Schools built\nAnhe County | 45", "45"),
        ("Aid by county\nCounty\tSchools built\nAnhe County\t45\n", "45"),
        ("Anhe sent doctors to Baishan. The number of doctors sent was 45", "45"),
        ("Anhe sent doctors to Baishan; the doctors sent numbered 45", "45"),
        # a quotation of ten words or more is speech, not a slogan (issue 11, blind set 5's news releases)
        ('"Since 2015 we have sent 120 doctors to Baishan, and they stayed," said an official.', "120 doctors"),
        ("“Over the year our city sent 35 teachers to the two counties,” the office said.", "35 teachers"),
        # a sentence that ends on "item" or "part": the figure opens the next one ("Item 3", "Vol. 3" are no figures)
        ("Housing was the largest item. 2,360 houses were built.", "2,360 houses"),
        ("Schools were the other part. 14 schools were built.", "14 schools"),
    ],
)
def test_it_keeps_quantities_that_look_like_exclusions(text: str, kept: str) -> None:
    assert any(v.startswith(kept.split()[0]) for v in values(text))
