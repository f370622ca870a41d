"""Writes to the area table."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from pairaid.core.areas import AreaRecord, load_area_records
from pairaid.geo.models import Area


@transaction.atomic
def areas_load(*, records: Iterable[AreaRecord] | None = None) -> int:
    """Insert or update areas from the core area table (cpca codes, pypinyin names).

    Idempotent: a second run changes nothing. Parents are set after all rows
    exist, so records may come in any order. Returns the number of areas created.
    """
    rows = list(records if records is not None else load_area_records())
    existing = {a.code: a for a in Area.objects.all()}
    created: list[Area] = []
    changed: list[Area] = []
    fields = ["name_zh", "name_pinyin", "name_en", "aliases", "level", "longitude", "latitude"]
    fields += ["established", "other_codes"]
    for record in rows:
        values = {
            "name_zh": record.name_zh,
            "name_pinyin": record.name_pinyin,
            "name_en": record.name_en,
            "aliases": list(record.aliases),
            "level": record.level,
            "longitude": record.longitude,
            "latitude": record.latitude,
            "established": record.established,
            "other_codes": [
                {"code": o.code, "name_zh": o.name_zh, "since": o.since, "until": o.until} for o in record.other_codes
            ],
        }
        area = existing.get(record.code)
        if area is None:
            area = Area(code=record.code, **values)
            created.append(area)
            existing[record.code] = area
        elif any(getattr(area, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(area, f, v)
            changed.append(area)
    Area.objects.bulk_create(created, batch_size=1000)
    Area.objects.bulk_update(changed, fields, batch_size=1000)
    ids = dict(Area.objects.values_list("code", "id"))
    parents = {r.code: r.parent_code for r in rows}
    reparented: list[Area] = []
    for area in Area.objects.filter(code__in=parents):
        parent_code = parents[area.code]
        parent_id = ids.get(parent_code) if parent_code else None
        if area.parent_id != parent_id:
            area.parent_id = parent_id
            reparented.append(area)
    Area.objects.bulk_update(reparented, ["parent"], batch_size=1000)
    return len(created)
