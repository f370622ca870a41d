"""Numbers given to a write as ``Decimal`` (money, a figure's value): read exactly, or refused.

A float is refused (it has already lost the exact value: ``0.1`` is not one tenth), as are text
that is no number and the infinities and NaN.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from pairaid.core.errors import DataError

__all__ = ["exact_decimal"]


def exact_decimal(value: object, *, what: str, not_a_number: str) -> Decimal:
    """``value`` (a ``Decimal``, an int or a text) as a finite ``Decimal``.

    Raises:
        DataError: a float (``"<what> must be a Decimal, not the float …"``), or a value that is
            no finite number (``not_a_number``).
    """
    if isinstance(value, float):
        raise DataError(f"{what} must be a Decimal, not the float {value!r}")
    try:
        number = Decimal(value)  # type: ignore[arg-type]
    except (InvalidOperation, ValueError, TypeError):
        raise DataError(not_a_number) from None
    if not number.is_finite():
        raise DataError(not_a_number)
    return number
