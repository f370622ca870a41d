"""Where pairaid keeps its files: read as the settings read it, for a verb that starts no Django."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def home_dir() -> Path:
    """``PAIRAID_HOME``, or the user's data directory when it is unset or empty."""
    configured = os.environ.get("PAIRAID_HOME") or ""
    return Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir("pairaid"))
