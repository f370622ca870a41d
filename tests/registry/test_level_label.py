"""A pairing's level is named by its two sides' levels, in English and Chinese (issue 12).

The stored ``level`` is the recipient's (the registry's rule): Shandong (a province) with Shule (a county)
is stored ``county`` and was shown "County – county". Made-up pairings on real area codes.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from pairaid.registry.models import Organisation, Pairing
from pairaid.reports.selectors import report_context
from pairaid.reports.services import report_html, report_markdown
from tests.checks.factories import area, pairing


@pytest.fixture
def tree() -> dict[str, Pairing]:
    top = pairing("370000", "650000", name="Shandong – Xinjiang")
    kashi = pairing("370000", "653100", level="prefecture", parent=top, name="Shandong – Kashi")
    shule = pairing("370000", "653122", level="county", parent=kashi, name="Shandong – Shule")
    return {"top": top, "kashi": kashi, "shule": shule}


def _label(p: Pairing, language: str) -> str:
    with translation.override(language):
        return p.level_label()


@pytest.mark.django_db
def test_the_label_names_the_donor_and_the_recipient_level(tree: dict[str, Pairing]) -> None:
    assert tree["shule"].level == "county"  # the recipient's level, as the registry stores it
    assert [_label(tree[k], "en") for k in ("top", "kashi", "shule")] == [
        "Province – province",
        "Province – prefecture",
        "Province – county",
    ]
    assert [_label(tree[k], "zh-hans") for k in ("top", "kashi", "shule")] == ["省级—省级", "省级—地级", "省级—县级"]
    # a pairing standing for ten county pairs, recorded between the provinces that hold them
    ten = Pairing.objects.create(
        donor_area=area("370000"), recipient_area=area("650000"), level="county", pair_count=10, start_year=2009
    )
    assert (_label(ten, "en"), _label(ten, "zh-hans")) == ("County – county", "县级—县级")
    mine = Organisation.objects.create(name="A mining group", name_zh="某矿业集团", kind="enterprise")
    firm = Pairing.objects.create(
        donor_organisation=mine, recipient_area=area("653122"), level="county", start_year=2009
    )
    assert (_label(firm, "en"), _label(firm, "zh-hans")) == ("Institution – county", "机构—县级")


@pytest.mark.django_db
def test_the_report_tree_the_pages_and_the_api_show_the_sides_levels(tree: dict[str, Pairing]) -> None:
    report = report_context(pairing=tree["top"], year=2009, with_charts=False)
    assert [(t.name, t.level) for t in report.tree] == [
        ("Shandong – Xinjiang", "Province – province"),
        ("Shandong – Kashi", "Province – prefecture"),
        ("Shandong – Shule", "Province – county"),
    ]
    assert "<td>Province – county</td>" in report_html(context=report)
    assert "- Shandong – Shule, province – county" in report_markdown(context=report)
    assert "County – county" not in report_html(context=report)
    zh = report_context(pairing=tree["top"], year=2009, language="zh-hans", with_charts=False)
    assert [t.level for t in zh.tree] == ["省级—省级", "省级—地级", "省级—县级"]
    for language, label in (("en", "Province – county"), ("zh-hans", "省级—县级")):
        client = Client(headers={"accept-language": language})
        page = client.get(f"/pairings/{tree['shule'].pk}/").content.decode()
        assert f"{label} · " in page, language
        api = client.get(f"/api/v1/pairings/{tree['shule'].pk}").json()
        assert (api["level"], api["level_label"]) == ("county", label)


@pytest.mark.django_db
def test_the_level_choices_name_the_recipient_s_level_in_forms_and_filters() -> None:
    """The stored level is the recipient's: forms and filters offer "County", not "County – county"."""
    import re

    from pairaid.web.pairing_forms import PairingForm, PairingReassignForm
    from pairaid.web.year_forms import DatasetConfigForm

    expected = {
        "en": ("Recipient's level", ["Province", "Prefecture", "County", "Village", "Institution"]),
        "zh-hans": ("受援方级别", ["省级", "地级", "县级", "村级", "机构"]),
    }
    for language, (label, names) in expected.items():
        with translation.override(language):
            form = PairingForm()
            assert str(form["level"].label) == label
            shown = re.findall(r"<option value=\"[a-z]+\"[^>]*>([^<]+)</option>", str(form["level"]))
            assert shown == names, language
            assert [str(n) for _, n in PairingReassignForm().fields["level"].choices][1:] == names
            levels = DatasetConfigForm().fields["levels"]
            assert [str(n) for _, n in levels.choices] == names
            assert ("受援方" if language == "zh-hans" else "recipient's level") in str(levels.label)
            assert "–" not in "".join(names) and "—" not in "".join(names)
