"""Environment-driven settings: typed readers, clear errors, the database URL, the secret key."""
from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from qogam.errors import QogamError
from qogam.registry.config import database_from_url, env_bool, env_int, env_list, secret_key
from qogam.registry.errors import ConfigError


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("yes", True), ("ON", True), ("0", False), ("false", False), ("", True)])
def test_env_bool(monkeypatch: pytest.MonkeyPatch, raw: str, value: bool) -> None:
    monkeypatch.setenv("QOGAM_X", raw)
    assert env_bool("QOGAM_X", True) is value


def test_bad_values_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QOGAM_X", "maybe")
    with pytest.raises(ConfigError, match="QOGAM_X='maybe' is not a boolean"):
        env_bool("QOGAM_X", False)
    monkeypatch.setenv("QOGAM_N", "five")
    with pytest.raises(ConfigError, match="QOGAM_N='five' is not a whole number"):
        env_int("QOGAM_N", 5)
    monkeypatch.setenv("QOGAM_N", "0")
    with pytest.raises(ConfigError, match="minimum of 1"):
        env_int("QOGAM_N", 5, minimum=1)
    assert issubclass(ConfigError, QogamError)


def test_env_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QOGAM_HOSTS", " a.kz, ,b.kz ")
    assert env_list("QOGAM_HOSTS", []) == ["a.kz", "b.kz"]


def test_database_url() -> None:
    db = database_from_url("postgres://qogam:p%40ss@127.0.0.1:5433/qogam?sslmode=disable")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == ("qogam", "qogam", "p@ss", "127.0.0.1", "5433")
    assert db["OPTIONS"] == {"sslmode": "disable"} and db["TEST"]["NAME"] == "qogam_test"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "postgres://u@h/", "postgres://u@h:port/db"])
def test_bad_database_urls(url: str) -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        database_from_url(url)


def test_secret_key_generated_once_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QOGAM_SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) >= 50 and secret_key(tmp_path) == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_secret_key_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QOGAM_SECRET_KEY", "k" * 40)
    assert secret_key(tmp_path) == "k" * 40 and not (tmp_path / "secret_key").exists()


@pytest.mark.django_db
def test_sqlite_connections_use_wal(settings) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("WAL is SQLite's")
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 30000  # the init command ran on this connection


@pytest.mark.real_hashing
@pytest.mark.django_db
def test_passwords_are_stored_with_the_sites_hasher(django_user_model: Any) -> None:
    """The suite hashes with MD5 for speed; the site itself keeps Django's PBKDF2."""
    user = django_user_model.objects.create_user("hashed", password="a-Long-pa55phrase")
    assert user.password.startswith("pbkdf2_sha256$") and user.check_password("a-Long-pa55phrase")


@pytest.mark.django_db
def test_the_suite_hashes_quickly(django_user_model: Any) -> None:
    assert django_user_model.objects.create_user("quick", password="x").password.startswith("md5$")
