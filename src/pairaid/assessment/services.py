"""Writes of the assessment rubric: seeding it from ``data/rubric.yaml`` and the national office's changes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from pairaid.accounts import permissions
from pairaid.assessment.models import Criterion
from pairaid.assessment.seed import rubric_seed
from pairaid.core import assessment as rubric
from pairaid.core.errors import CodelistError, DataError
from pairaid.indicators.models import Indicator


def _weight(value: object, code: str) -> Decimal:
    if isinstance(value, float):
        value = str(value)
    try:
        weight = Decimal(str(value))
    except InvalidOperation:
        raise DataError(f"criterion {code}: the weight {value!r} is not a number") from None
    if not weight.is_finite() or weight != weight.quantize(Decimal("0.01")) or abs(weight) >= 100000:
        raise DataError(f"criterion {code}: the weight {value!r} is not a number of points (two decimals at most)")
    return weight


def _check(criterion: Criterion) -> None:
    rubric.check_criterion(
        rubric.Criterion(criterion.code, criterion.name_en, Decimal(criterion.weight), criterion.rule, criterion.params)
    )
    if criterion.rule == "indicators":
        codes = list(criterion.params["indicators"])
        known = set(Indicator.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise CodelistError(f"criterion {criterion.code}: unknown indicator codes {', '.join(unknown)}")


def rubric_sync() -> int:
    """Store the criteria of ``data/rubric.yaml`` when no rubric is stored yet; returns how many.

    A stored rubric is the national office's and is left as it is: then no transaction is begun, so no write
    lock taken (what every command's start runs, issue 12).

    Raises:
        DataError, CodelistError: a criterion of the file that cannot be scored.
    """
    if Criterion.objects.exists():
        return 0
    return _rubric_stored()


@transaction.atomic
def _rubric_stored() -> int:
    if Criterion.objects.exists():
        return 0
    for position, row in enumerate(rubric_seed()):
        criterion = Criterion(
            code=row["code"],
            name_en=row["name_en"],
            name_zh=row.get("name_zh", ""),
            rule=row["rule"],
            weight=_weight(row["weight"], row["code"]),
            params=row.get("params") or {},
            position=position,
        )
        _check(criterion)
        criterion.save()
    return Criterion.objects.count()


@transaction.atomic
def criterion_update(
    *,
    user: Any,
    criterion: Criterion,
    weight: object = None,
    params: dict[str, Any] | None = None,
    name_en: str | None = None,
    name_zh: str | None = None,
) -> Criterion:
    """Change a criterion's weight, the params of its rule, or its names (the rule itself stays).

    Raises:
        NotAllowed: ``user`` is not the national office.
        DataError, CodelistError: a weight or params the rule cannot score by.
    """
    permissions.require(permissions.can_rubric_update(user), "Only the national office changes the rubric.")
    if weight is not None:
        criterion.weight = _weight(weight, criterion.code)
    if params is not None:
        criterion.params = params
    if name_en is not None:
        criterion.name_en = name_en.strip() or criterion.name_en
    if name_zh is not None:
        criterion.name_zh = name_zh.strip()
    _check(criterion)
    if not _changed(criterion):  # a change that changes nothing adds no empty history row
        return criterion
    criterion._history_user = user  # type: ignore[attr-defined]
    criterion._change_reason = "edited"  # type: ignore[attr-defined]
    criterion.save()
    return criterion


def _changed(criterion: Criterion) -> bool:
    stored = Criterion.objects.filter(pk=criterion.pk).values("weight", "params", "name_en", "name_zh").first()
    now = {name: getattr(criterion, name) for name in ("weight", "params", "name_en", "name_zh")}
    return stored is None or stored != now
