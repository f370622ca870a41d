"""Read pairaid's ``PAIRAID_*`` environment variables, failing loudly on a bad value.

Every setting pairaid reads from the environment goes through these helpers so that
a typo ("ture", "5O") stops the process with a message naming the variable instead
of silently falling back to a default.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pairaid.core.errors import PairaidError

PREFIX = "PAIRAID_"


class SettingError(PairaidError):
    """An environment variable holds a value pairaid cannot use."""


def env_str(name: str, default: str) -> str:
    """The value of ``PAIRAID_<name>``, or ``default`` when unset or empty."""
    return os.environ.get(PREFIX + name) or default


def env_bool(name: str, default: bool) -> bool:
    """``PAIRAID_<name>`` as a boolean (1/0, true/false, yes/no, on/off).

    Raises:
        SettingError: any other value.
    """
    raw = os.environ.get(PREFIX + name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"{PREFIX}{name}={raw!r} is not a boolean (use true or false)")


def env_int(name: str, default: int) -> int:
    """``PAIRAID_<name>`` as an integer.

    Raises:
        SettingError: a value that is not a whole number.
    """
    raw = os.environ.get(PREFIX + name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingError(f"{PREFIX}{name}={raw!r} is not a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """``PAIRAID_<name>`` as a comma-separated list of non-empty strings."""
    raw = os.environ.get(PREFIX + name, "")
    items = [part.strip() for part in raw.split(",") if part.strip()]
    return items or default


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """``PAIRAID_<name>``, which must be one of ``choices``.

    Raises:
        SettingError: a value outside ``choices``.
    """
    value = env_str(name, default)
    if value not in choices:
        raise SettingError(f"{PREFIX}{name}={value!r} must be one of {', '.join(choices)}")
    return value


DATABASE_ENGINES = ("django.db.backends.sqlite3", "django.db.backends.postgresql")


def env_database(name: str, default: str) -> dict[str, Any]:
    """``PAIRAID_<name>`` as a Django database setting: ``sqlite:///PATH`` (its folder is
    made) or ``postgres://user@host:port/db``.

    Raises:
        SettingError: a URL that does not parse, a database other than SQLite or
            PostgreSQL, or a SQLite folder that cannot be made.
    """
    url = env_str(name, default)
    usage = "use sqlite:///PATH or postgres://user@host:port/db"
    scheme = url.split("://", 1)[0] if "://" in url else url[:20]
    import dj_database_url  # only where a database is set up: not for a verb that needs none

    try:
        database: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except Exception:  # dj_database_url raises UnknownSchemeError, ValueError or KeyError
        raise SettingError(f"{PREFIX}{name}: {scheme!r} is not a database URL ({usage})") from None
    if database.get("ENGINE") not in DATABASE_ENGINES:
        raise SettingError(f"{PREFIX}{name}: {scheme}:// is not supported ({usage})")
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = Path(database["NAME"]).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SettingError(f"{PREFIX}{name}: cannot make the folder {folder} ({exc.strerror})") from None
    return database
