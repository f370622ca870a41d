"""The years the ``--year`` option of the verbs accepts: those of the web forms (1949–2100)."""

from __future__ import annotations

YEAR_MIN = 1949
"""The first year a pairing-off figure can belong to (the web forms' lower bound)."""
YEAR_MAX = 2100
"""The last year accepted (the web forms' upper bound)."""
