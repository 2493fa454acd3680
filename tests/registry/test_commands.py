"""The registry's CLI commands: setup, ingest, createadmin, serve and the one-command demo."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from qogam.cli import main
from qogam.registry.core.models import Area, Source

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "articles"


def _fresh_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["QOGAM_DATA_DIR"] = str(tmp_path / "data")
    return env


def _qogam(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "qogam.cli", *args], env=env, capture_output=True, text=True, **kwargs)


@pytest.mark.django_db
def test_setup_is_idempotent() -> None:
    first = CliRunner().invoke(main, ["setup"], catch_exceptions=False)
    assert first.exit_code == 0 and "56 fixture objects created" in first.output
    second = CliRunner().invoke(main, ["setup"], catch_exceptions=False)
    assert "0 fixture objects created" in second.output and Area.objects.count() == 38


@pytest.mark.django_db
def test_ingest_prints_json_summary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев келді.", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--no-progress"], catch_exceptions=False)
    summary = json.loads(result.stdout)
    assert summary["stored"] == 1 and summary["proposals"]["post"] == 1
    again = json.loads(CliRunner().invoke(main, ["ingest", str(tmp_path)], catch_exceptions=False).stdout)
    assert (again["stored"], again["duplicates"]) == (0, 1) and Source.objects.count() == 1


@pytest.mark.django_db
def test_ingest_reads_standard_input_and_the_sidecars(tmp_path: Path) -> None:
    text = "«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев келді."
    result = CliRunner().invoke(main, ["ingest", "-", "--no-progress"], input=text.encode(), catch_exceptions=False)
    summary = json.loads(result.stdout)
    assert result.exit_code == 0 and summary["stored"] == 1 and summary["registry"].startswith(("SQLite", "PostgreSQL"))
    (tmp_path / "b.txt").write_text("«Мейірім» қоғамдық бірлестігі жиын өткізді.", encoding="utf-8")
    (tmp_path / "b.meta.json").write_text(json.dumps({
        "title": "Мейірім жиыны", "outlet": "ontustik.kz", "url": "https://ontustik.kz/b", "date": "2024-03-12"}),
        encoding="utf-8")
    CliRunner().invoke(main, ["ingest", str(tmp_path / "b.txt")], catch_exceptions=False)
    source = Source.objects.get(origin__endswith="b.txt")
    assert (source.title, source.outlet, source.url, str(source.published)) == (
        "Мейірім жиыны", "ontustik.kz", "https://ontustik.kz/b", "2024-03-12")


def test_a_command_never_creates_a_registry_silently(tmp_path: Path) -> None:
    """Run from elsewhere, with no registry where it looks: it says where it looked and stops."""
    env = _fresh_env(tmp_path)
    (tmp_path / "a.txt").write_text("Мәтін.", encoding="utf-8")
    proc = _qogam(["ingest", str(tmp_path / "a.txt")], env, timeout=120, cwd=tmp_path)
    assert proc.returncode == 2 and "run `qogam setup` first" in proc.stderr and str(tmp_path / "data") in proc.stderr
    assert not (tmp_path / "data").exists() and not (tmp_path / "var").exists()


def test_the_default_registry_is_the_users_data_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in _fresh_env(tmp_path).items() if k != "QOGAM_DATA_DIR"}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = _qogam(["setup"], env, timeout=300, cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr
    database = tmp_path / "xdg" / "qogam" / "qogam.sqlite3"
    assert str(database) in proc.stdout and database.is_file() and not (elsewhere / "var").exists()
    assert oct(database.stat().st_mode & 0o777) == "0o600"
    assert oct(database.parent.stat().st_mode & 0o777) == "0o700"


@pytest.mark.django_db
def test_ingest_bad_input_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "none.txt")])
    assert result.exit_code == 2 and result.stderr.startswith("qogam: error:") and "Traceback" not in result.stderr


@pytest.mark.django_db
def test_createadmin_prints_password_once() -> None:
    first = CliRunner().invoke(main, ["createadmin", "boss"], catch_exceptions=False)
    assert "password:" in first.output
    second = CliRunner().invoke(main, ["createadmin", "boss"], catch_exceptions=False)
    assert "keeps its password" in second.output
    reset = CliRunner().invoke(main, ["createadmin", "boss", "--reset"], catch_exceptions=False)
    assert "password:" in reset.output
    missing = CliRunner().invoke(main, ["createadmin", "nobody", "--reset"])
    assert missing.exit_code == 2 and "no user 'nobody'" in missing.stderr


@pytest.mark.django_db
def test_serve_runs_the_development_server(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: calls.append((a, k)))
    result = CliRunner().invoke(main, ["serve", "--port", "8123"], catch_exceptions=False)
    assert "http://127.0.0.1:8123/" in result.output and "Ctrl-C" in result.output
    # static files come from whitenoise (its finders in development), not from runserver --insecure
    assert calls == [(("runserver", "127.0.0.1:8123"), {"use_reloader": False})]


def test_demo_in_a_fresh_data_dir(tmp_path: Path) -> None:
    env = _fresh_env(tmp_path)
    proc = _qogam(["demo", "--no-serve"], env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "registry ready: SQLite" in proc.stdout and "admin 'admin' password: " in proc.stdout
    assert f"{len(list(EXAMPLES.glob('*.txt')))} new sources" in proc.stdout
    secret = tmp_path / "data" / "secret_key"
    assert secret.exists() and oct(secret.stat().st_mode & 0o777) == "0o600"
    again = _qogam(["demo", "--no-serve"], env, timeout=300)
    assert "0 new sources" in again.stdout and "keeps its password" in again.stdout


def test_bad_setting_is_one_line(tmp_path: Path) -> None:
    env = dict(_fresh_env(tmp_path), QOGAM_DEBUG="maybe")
    proc = _qogam(["setup"], env, timeout=120)
    assert proc.returncode == 4 and proc.stderr.strip() == (
        "qogam: error: QOGAM_DEBUG='maybe' is not a boolean: use 1/0, true/false, yes/no or on/off")


def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    env = _fresh_env(tmp_path)
    assert _qogam(["setup"], env, timeout=300).returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "qogam.cli", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        status = None
        for _ in range(100):  # bounded: at most ~20 s
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login/", timeout=2) as response:
                    status = response.status
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200 and "csrfmiddlewaretoken" in page
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_help_never_imports_django() -> None:
    code = ("import sys; from click.testing import CliRunner; from qogam.cli import main\n"
            "for name in main.commands: CliRunner().invoke(main, [name, '--help'])\n"
            "assert 'django' not in sys.modules; print('ok')")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.stdout.strip() == "ok", proc.stderr




@pytest.mark.django_db
def test_home_page_answers(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/", follow=True)
    assert response.status_code == 200
