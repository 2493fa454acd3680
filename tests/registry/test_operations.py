"""Running the registry for real: qogam serve --production (gunicorn, whitenoise, headers),
production settings and qogam check --deploy, qogam backup and restore (SQLite and PostgreSQL)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "articles"
STRONG_KEY = "k3Y-" + "a1B2c3D4e5F6g7H8i9J0" * 3


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "QOGAM_PRODUCTION", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env["QOGAM_DATA_DIR"] = str(tmp_path / "data")
    env.update(extra)
    return env


def _qogam(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qogam.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _serving(args: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen([sys.executable, "-m", "qogam.cli", "serve", "--port", str(port), *args], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(150):  # bounded: at most ~30 s
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None:
                raise AssertionError(server.stderr.read().decode() if server.stderr else "server died") from None
            time.sleep(0.2)
    server.terminate()
    raise AssertionError("server did not start")


def test_check_deploy_is_clean_in_production_and_weak_keys_are_refused(tmp_path: Path) -> None:
    plain = _qogam(["check", "--deploy"], _env(tmp_path))
    assert plain.returncode == 1 and "security.W004" in plain.stdout and "security.W008" in plain.stdout
    production = _qogam(["check", "--deploy"], _env(tmp_path, QOGAM_PRODUCTION="1", QOGAM_SECRET_KEY=STRONG_KEY))
    assert production.returncode == 0 and production.stdout.strip() == "0 issues (with the deployment checks)"
    for key in ("short-key", "a" * 60, "django-insecure-" + "x1y2z3" * 10):
        weak = _qogam(["check", "--deploy"], _env(tmp_path, QOGAM_PRODUCTION="1", QOGAM_SECRET_KEY=key))
        assert weak.returncode == 4 and "secret key is too short or too simple" in weak.stderr
        assert len(weak.stderr.strip().splitlines()) == 1
    debug = _qogam(["check"], _env(tmp_path, QOGAM_PRODUCTION="1", QOGAM_SECRET_KEY=STRONG_KEY, QOGAM_DEBUG="1"))
    assert debug.returncode == 4 and "QOGAM_DEBUG must be off" in debug.stderr


def test_serve_production_hides_the_server_and_sends_the_headers(tmp_path: Path) -> None:
    env = _env(tmp_path, QOGAM_PRODUCTION="1", QOGAM_SECRET_KEY=STRONG_KEY)
    assert _qogam(["setup"], env).returncode == 0
    port = _port()
    server = _serving(["--production", "--workers", "2"], env, port)
    try:
        status, headers, _ = _get(f"http://127.0.0.1:{port}/")
        assert status == 301 and headers["Location"].startswith("https://")  # HTTPS only
        proxied = {"X-Forwarded-Proto": "https"}
        status, headers, body = _get(f"http://127.0.0.1:{port}/", proxied)
        assert status == 200 and "Қоғам" in body.decode()
        assert headers["Server"] == "qogam"
        assert "max-age=31536000" in headers["Strict-Transport-Security"]
        assert "script-src 'self'" in headers["Content-Security-Policy"] and "'unsafe-inline'" not in headers[
            "Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "<style" not in body.decode() and "<script>" not in body.decode()
        css = body.decode().split('rel="stylesheet" href="')[1].split('"')[0]
        status, headers, sheet = _get(f"http://127.0.0.1:{port}{css}", proxied)
        assert status == 200 and headers["Content-Type"].startswith("text/css") and b"--accent" in sheet
        assert "max-age" in headers.get("Cache-Control", "")  # whitenoise's hashed, cached file
        status, headers, _ = _get(f"http://127.0.0.1:{port}/api/v1/docs", proxied)
        assert status == 200 and headers["Server"] == "qogam"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.returncode is not None


def test_the_development_server_names_no_server_either(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert _qogam(["setup"], env).returncode == 0
    port = _port()
    server = _serving([], env, port)
    try:
        status, headers, _ = _get(f"http://127.0.0.1:{port}/accounts/login/")
        assert status == 200 and headers["Server"] == "qogam" and "Python" not in str(headers)
        status, headers, sheet = _get(f"http://127.0.0.1:{port}/static/qogam/site.css")
        assert status == 200 and b"--accent" in sheet  # whitenoise serves the apps' files in development
        assert _get(f"http://127.0.0.1:{port}/static/admin/css/base.css")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert _qogam(["serve", "--workers", "3"], env).returncode == 2


def test_the_data_directory_and_database_are_the_owners_only(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert _qogam(["setup"], env).returncode == 0
    assert _qogam(["ingest", str(EXAMPLES / "02_sairam_qogamdyq_kenes.txt"), "--no-progress"], env).returncode == 0
    data = tmp_path / "data"
    assert oct(data.stat().st_mode & 0o777) == "0o700"
    for path in data.glob("qogam.sqlite3*"):  # the database and its WAL files
        assert oct(path.stat().st_mode & 0o777) == "0o600", path


def _sources(env: dict[str, str]) -> int:
    code = ("from qogam.registry import setup_django; setup_django()\n"
            "from qogam.registry.core.models import Source; print(Source.objects.count())")
    return int(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout)


def test_sqlite_backup_and_restore_find_the_same_rows(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert _qogam(["setup"], env).returncode == 0
    assert _qogam(["ingest", str(EXAMPLES / "02_sairam_qogamdyq_kenes.txt"), "--no-progress"], env).returncode == 0
    backup = tmp_path / "registry.backup"
    made = _qogam(["backup", str(backup)], env)
    assert made.returncode == 0 and oct(backup.stat().st_mode & 0o777) == "0o600"
    assert _qogam(["ingest", str(EXAMPLES / "03_zhomart_zhurek_qory.txt"), "--no-progress"], env).returncode == 0
    assert _sources(env) == 2
    restored = _qogam(["restore", str(backup)], env)
    assert restored.returncode == 0 and "kept in" in restored.stdout
    assert _sources(env) == 1
    kept = next((tmp_path / "data" / "backups").glob("before-restore-*.sqlite3"))
    assert _qogam(["restore", str(kept)], env).returncode == 0 and _sources(env) == 2  # nothing was lost
    (tmp_path / "junk").write_text("not a database", encoding="utf-8")
    refused = _qogam(["restore", str(tmp_path / "junk")], env)
    assert refused.returncode == 2 and "not an SQLite database" in refused.stderr and _sources(env) == 2
    assert _qogam(["restore", str(tmp_path / "missing")], env).returncode == 2


@pytest.mark.django_db(transaction=True)
def test_postgresql_backup_and_restore_find_the_same_rows(tmp_path: Path) -> None:
    import io

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (make test runs the registry tests on PostgreSQL too)")
    from qogam.registry.core.models import Source
    from qogam.registry.core.services.ingest import ingest_path
    from qogam.registry.operations import backup, restore

    ingest_path(EXAMPLES / "02_sairam_qogamdyq_kenes.txt", progress=False)
    before = sorted(Source.objects.values_list("content_hash", flat=True))
    path = backup(tmp_path / "registry.dump", io.StringIO())
    ingest_path(EXAMPLES / "03_zhomart_zhurek_qory.txt", progress=False)
    assert Source.objects.count() == 2
    restore(path, io.StringIO())
    assert sorted(Source.objects.values_list("content_hash", flat=True)) == before
