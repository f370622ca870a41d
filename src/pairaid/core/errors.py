"""The project's exception hierarchy.

Every error pairaid raises on purpose is a :class:`PairaidError`; the CLI prints
its message on one line and exits non-zero, the API turns it into one JSON shape.
"""

from collections.abc import Mapping


class PairaidError(Exception):
    """Base class of every error pairaid raises on purpose."""


class InputError(PairaidError):
    """Input that cannot be used: wrong encoding, empty or binary file, unsupported type.

    ``code`` names the refusal (``pdf_password``, ``too_big``…) and ``params`` the values its words hold
    (``{"size": "52 MB", "limit": "50 MB"}``), so that a page says it in the reader's language by its code,
    never by recognising the English message; both are empty for a refusal that has no code.
    """

    def __init__(self, *args: object, code: str = "", params: Mapping[str, object] | None = None) -> None:
        super().__init__(*args)
        self.code = code
        self.params = {name: str(value) for name, value in (params or {}).items()}


class CodelistError(PairaidError):
    """A code that is not in its codelist (indicator, sector, unit)."""


class DataError(PairaidError):
    """Data that breaks a rule of the domain: negative money, a period ending before it starts."""


class LockedError(DataError):
    """A change to figures that a submitted, approved or frozen dataset holds (HTTP 409)."""


class InvalidError(DataError):
    """Data that breaks a rule of the domain on its own, whatever is stored (HTTP 422): an end before
    the start, a pairing without a donor or a source."""


class ConflictError(DataError):
    """Data that clashes with data already stored (HTTP 409): a second pairing of the same sides in
    overlapping years, a pairing ended twice."""
