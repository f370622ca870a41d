"""The yearly form names an activity's recipient areas under the same rule as the pages and the API (the
``activity_areas`` row of the rights table): an importing editor may not give an activity an area outside its
pairing's recipient area (issue 13). The command line's operator, who imports as nobody, may."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from pairaid.activities.models import Activity
from pairaid.interop.form_export import form_export
from pairaid.interop.form_import import FormError, form_import
from pairaid.registry.models import Pairing
from tests.web.factories import make_user

pytestmark = pytest.mark.django_db


def _form_giving_areas(tmp_path: Path, pairing: Pairing, codes: str) -> tuple[Path, int]:
    path = tmp_path / "form.xlsx"
    form_export(pairing=pairing, year=2009, path=path)
    book = load_workbook(path)
    sheet = book["Activities"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet[f"A{r}"].value == "SDXJ-2009-01")
    sheet[f"G{row}"] = codes
    book.save(path)
    return path, row


def _areas() -> list[str]:
    return sorted(a.code for a in Activity.objects.get(identifier="SDXJ-2009-01").recipient_areas.all())


def test_an_importing_editor_may_not_name_an_area_outside_the_activitys_pairing(
    sample_root: Pairing, tmp_path: Path
) -> None:
    editor = make_user("owner", "pairing_editor", pairings=(sample_root,))
    before = _areas()
    path, row = _form_giving_areas(tmp_path, sample_root, "653122, 150000")  # Shule, and Inner Mongolia
    with pytest.raises(FormError) as refused:
        form_import(path=path, user=editor)
    assert refused.value.problems == [
        f"Activities!A{row}: you may not give this activity this pairing and these recipient areas"
    ]
    assert _areas() == before
    path, _row = _form_giving_areas(tmp_path, sample_root, "653122, 653123")  # within Xinjiang: the editor may
    form_import(path=path, user=editor)
    assert _areas() == ["653122", "653123"]


def test_the_command_lines_operator_names_any_area(sample_root: Pairing, tmp_path: Path) -> None:
    path, _row = _form_giving_areas(tmp_path, sample_root, "150000")
    form_import(path=path)
    assert _areas() == ["150000"]
