"""The overview lists the year's figures that no pairing states, apart from its totals and saying why
(issue 12: a nationwide figure was silently left out). Made-up values."""

from __future__ import annotations

import pytest

from pairaid.reports.services import report_markdown
from tests.checks.factories import document, pairing, value


@pytest.mark.django_db
def test_a_figure_of_no_pairing_is_listed_with_its_sides_and_its_sentence_never_added() -> None:
    from pairaid.reports.selectors import overview_context

    value("aid_funds", "5000000", pairing=pairing())
    doc = document("In 2011 the eastern provinces gave 840.26 million yuan of fiscal aid to the west.")
    nationwide = value(
        "government_aid_funds", "840260000", year=2009, status="extracted", doc=doc, written="840.26 million yuan"
    )
    nationwide.donor_label, nationwide.recipient_label = "the eastern provinces", "the west"
    nationwide.save()
    context = overview_context(year=2009, include_extracted=True, with_charts=False)
    assert [(f.code, f.subject, f.shown, f.note) for f in context.unpaired] == [
        ("government_aid_funds", "“the eastern provinces” → “the west”", "840.26 million yuan", 1)
    ]
    assert [n.quote for n in context.notes] == [doc.text]
    assert [f.code for f in context.headline] == ["aid_funds"]  # listed, not added to any total
    text = report_markdown(context=context)
    assert "## Figures no pairing states\n\nNot in the totals above: no registered pairing fits" in text
    assert overview_context(year=2009, with_charts=False).unpaired == []  # confirmed figures only: none


@pytest.mark.django_db
def test_each_headline_total_of_the_overview_quotes_the_sentences_of_its_statements() -> None:
    from pairaid.reports.selectors import overview_context

    doc = document("Shandong gave aid funds of 1.574 billion yuan. Beijing gave 37.87 million yuan.")
    value("aid_funds", "1574000000", pairing=pairing(), doc=doc, written="1.574 billion yuan")
    value("aid_funds", "37870000", pairing=pairing("110000", "150000"), doc=doc, written="37.87 million yuan")
    context = overview_context(year=2009, with_charts=False)
    (aid,) = context.headline
    assert (aid.shown, aid.notes_cited, aid.citation) == ("1.612 billion yuan", (1, 2), "[1][2]")
    assert [(n.number, n.quote) for n in context.notes] == [
        (1, "Shandong gave aid funds of 1.574 billion yuan."),
        (2, "Beijing gave 37.87 million yuan."),
    ]
    assert "| Aid funds provided (all channels) | 1.612 billion yuan [1] [2] |" in report_markdown(context=context)


@pytest.mark.django_db
def test_the_map_colours_what_the_totals_add_never_a_figure_no_pairing_states() -> None:
    from pairaid.indicators.rollups import rollup_by_year
    from pairaid.reports.map_data import map_arguments
    from tests.checks.factories import area

    value("aid_funds", "5000000", pairing=pairing())  # Shandong → Xinjiang
    value("aid_funds", "3000000", pairing=pairing("110000", "540000"))  # Beijing → Tibet
    value("aid_funds", "4000000000", subject_area=area("510000"), status="extracted")  # no pairing: listed apart
    value("aid_funds", "1900000000", subject_area=area("540000"), status="extracted")
    national = rollup_by_year(indicator="aid_funds", years=[2009], include_extracted=True)["CNY"][0].value
    coloured = map_arguments(year=2009, language="en", include_extracted=True)["values"]
    assert coloured == {"650000": 5000000, "540000": 3000000}
    assert sum(coloured.values()) == national == 8000000


@pytest.mark.django_db
def test_the_economy_of_a_registered_pairings_recipient_is_its_recipients_economy_not_a_figure_of_no_pairing() -> None:
    """A county a registered pairing aids states its GDP with no pairing named: the overview shows it in the
    section on the recipient's economy, not among the figures no registered pairing fits (issue 12); a county
    no pairing aids stays there."""
    from pairaid.reports.selectors import overview_context
    from tests.checks.factories import area

    pairing("370000", "653122", level="county")  # Shandong – Shule County
    doc = document("The county's output reached 1.25 billion yuan; a county nobody aids reached 0.8 billion yuan.")
    value("gdp", "1250000000", subject_area=area("653122"), doc=doc, written="1.25 billion yuan")
    value("gdp", "800000000", subject_area=area("653123"), doc=doc, written="0.8 billion yuan")
    context = overview_context(year=2009, with_charts=False)

    assert [(f.code, f.subject, f.shown) for f in context.recipient] == [
        ("gdp", "Shule County", "1.25 billion yuan")
    ]
    assert [(f.code, f.subject, f.shown) for f in context.unpaired] == [("gdp", "Yingjisha County", "800 million yuan")]
    text = report_markdown(context=context)
    assert text.index("## The recipient's economy") < text.index("Shule County") < text.index("## Figures no pairing")
