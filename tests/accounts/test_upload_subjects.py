"""Issue 13: a pairing editor's upload names the pairing; a figure the text places on a pairing the editor
may not edit is stored unattached (for someone with rights to attach in review), never on that pairing."""

from __future__ import annotations

from pairaid.entry.upload import report_upload
from pairaid.indicators.models import DataValue
from tests.web.factories import World, make_pairing, make_user

TEXT = (
    "Shandong aid to Kashi in 2009\n\n"
    "In 2009 Shandong built 3 schools in Kashi.\n"
    "In 2009 Shandong built 4 schools in Hotan.\n"
)


def _upload(user: object) -> dict[int, tuple[int | None, str]]:
    document = report_upload(
        user=user, data=TEXT.encode(), filename="kashi-2009.txt", report_year=2009, donor="Shandong", recipient="Kashi"
    )
    figures = DataValue.objects.filter(evidence__document=document, indicator__code="schools")
    return {int(f.value): (f.pairing_id, f.recipient_label) for f in figures}


def test_an_editor_s_figures_about_another_pairing_wait_unattached(world: World) -> None:
    hotan = make_pairing("370000", "653200", level="prefecture", parent=world.shandong)
    kashi_editor = make_user("kashi_editor", "pairing_editor", pairings=(world.kashi,))

    figures = _upload(kashi_editor)

    assert figures[3][0] == world.kashi.pk
    assert figures[4] == (None, "Hotan")  # not on Shandong–Hotan, which the editor may not edit
    assert not DataValue.objects.filter(pairing=hotan).exists()


def test_the_national_office_s_upload_stores_each_figure_where_it_is_read(world: World) -> None:
    hotan = make_pairing("370000", "653200", level="prefecture", parent=world.shandong)

    figures = _upload(world.national)

    assert (figures[3][0], figures[4][0]) == (world.kashi.pk, hotan.pk)
