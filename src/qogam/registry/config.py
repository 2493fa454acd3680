"""Typed readers of environment variables for ``settings.py``, with one clear error each.

Every reader returns the default when the variable is unset or empty, and raises
:class:`~qogam.registry.errors.ConfigError` naming the variable and the accepted values when
it is set to something else.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from qogam.registry.errors import ConfigError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str) -> str:
    """Return the variable ``name``, or ``default`` when unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool) -> bool:
    """Return the variable as a boolean (1/0, true/false, yes/no, on/off). Raises ConfigError."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={value!r} is not a boolean: use 1/0, true/false, yes/no or on/off")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    """Return the variable as an integer of at least ``minimum``. Raises ConfigError."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a whole number") from None
    if number < minimum:
        raise ConfigError(f"{name}={number} is below its minimum of {minimum}")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    """Return the variable as a comma-separated list with blanks dropped."""
    value = os.environ.get(name, "").strip()
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def default_data_dir() -> Path:
    """The platform's per-user data directory for Qogam: ``$XDG_DATA_HOME/qogam``, else
    ``~/.local/share/qogam`` (``%LOCALAPPDATA%\\qogam`` on Windows, ``~/Library/Application
    Support/qogam`` on macOS). One registry per user, wherever a command is run from."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "qogam"
    if os.uname().sysname == "Darwin":
        return Path.home() / "Library" / "Application Support" / "qogam"
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "qogam"


def data_dir(name: str = "QOGAM_DATA_DIR") -> Path:
    """Return the data directory: the variable ``name`` when set, else :func:`default_data_dir`.

    Nothing is created here: ``qogam setup`` (:func:`create_data_dir`) makes the directory,
    so that a command run with another environment never starts a second, empty registry.
    """
    value = env_str(name, "")
    return Path(value).expanduser().resolve() if value else default_data_dir()


def create_data_dir(path: Path, name: str = "QOGAM_DATA_DIR") -> Path:
    """Create the data directory ``path`` (readable by its owner only); return it.

    Raises ConfigError when it exists as a file or cannot be created.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{name}={path}: cannot create the data directory ({exc.strerror})") from None
    return path


def secret_key(directory: Path, name: str = "QOGAM_SECRET_KEY") -> str:
    """Return the secret key: the variable when set, else ``secret_key`` in ``directory``.

    On first run the file is generated (random, 0600, never in the repository). Before the
    directory exists (no ``qogam setup`` yet) the key is a random one for this process only:
    nothing is written. Raises ConfigError when the file cannot be read or written.
    """
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if not directory.is_dir():
        return secrets.token_urlsafe(50)
    path = directory / "secret_key"
    try:
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(secrets.token_urlsafe(50))
        key = path.read_text(encoding="ascii").strip()
    except FileExistsError:
        # Another process created it between our check and our open: read theirs.
        key = path.read_text(encoding="ascii").strip()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read or create the secret key ({exc.strerror})") from None
    if len(key) < 32:
        raise ConfigError(f"{path}: the secret key is too short; delete the file to generate a new one")
    return key


_PG_SCHEMES = {"postgres", "postgresql", "pgsql"}


def database_from_url(url: str, name: str = "DATABASE_URL") -> dict[str, Any]:
    """Return Django's DATABASES entry for a ``postgres://user:password@host:port/db`` URL.

    Query parameters become connection OPTIONS (``?sslmode=require``). Raises ConfigError for
    another scheme or a URL without a database name.
    """
    parts = urlsplit(url)
    if parts.scheme not in _PG_SCHEMES:
        raise ConfigError(f"{name}: scheme {parts.scheme!r} is not supported; use postgres://user:password@host:port/name")
    db_name = unquote(parts.path.lstrip("/"))
    if not db_name:
        raise ConfigError(f"{name}: the URL names no database (postgres://…/NAME)")
    try:
        port = parts.port
    except ValueError:
        raise ConfigError(f"{name}: the port is not a number") from None
    options = dict(pair.split("=", 1) for pair in parts.query.split("&") if "=" in pair)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": db_name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(port or ""),
        "OPTIONS": options,
        "CONN_MAX_AGE": 60,
        "TEST": {"NAME": f"{db_name}_test"},
    }


def check_production(debug: bool, key: str) -> None:
    """Refuse to run in production (``QOGAM_PRODUCTION``) with DEBUG on or a weak secret key:
    shorter than 50 characters, fewer than 5 different ones, or Django's insecure default."""
    if debug:
        raise ConfigError("QOGAM_PRODUCTION is set: QOGAM_DEBUG must be off (it shows tracebacks and settings)")
    if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-"):
        raise ConfigError("QOGAM_PRODUCTION is set and the secret key is too short or too simple: give "
                          "QOGAM_SECRET_KEY 50 or more random characters "
                          "(python -c 'import secrets; print(secrets.token_urlsafe(50))') or delete "
                          "the data directory's secret_key to have one generated")
