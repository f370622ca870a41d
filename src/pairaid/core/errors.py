"""The project's exception hierarchy.

Every error pairaid raises on purpose is a :class:`PairaidError`; the CLI prints
its message on one line and exits non-zero, the API turns it into one JSON shape.
"""


class PairaidError(Exception):
    """Base class of every error pairaid raises on purpose."""


class InputError(PairaidError):
    """Input that cannot be used: wrong encoding, empty or binary file, unsupported type."""


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
