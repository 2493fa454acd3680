"""Running the registry: the production server, Django's checks, backups and restores.

``qogam serve --production`` runs gunicorn (``preload_app``: the application, its settings and
its secret key are loaded once, before the workers fork) with static files from whitenoise;
``qogam check --deploy`` is Django's check framework under Qogam's settings; ``qogam backup``
and ``qogam restore`` copy the registry with SQLite's online backup (a consistent copy while
the site runs) or ``pg_dump`` / ``pg_restore`` for PostgreSQL.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from typing import Any, TextIO

from qogam.errors import InputError

SERVER_NAME = "qogam"  # what the Server header says: not the server's name, not Python's version


def hide_server_names() -> None:
    """Make gunicorn's and Django's development server's ``Server`` header say only "qogam"."""
    try:
        import gunicorn.http.wsgi

        gunicorn.http.wsgi.SERVER = SERVER_NAME  # type: ignore[attr-defined]
    except ImportError:
        pass
    from django.core.servers.basehttp import WSGIRequestHandler

    WSGIRequestHandler.server_version = SERVER_NAME
    WSGIRequestHandler.sys_version = ""


def default_workers() -> int:
    """2 × CPUs + 1, gunicorn's rule of thumb, at most 9."""
    return min(2 * (os.cpu_count() or 1) + 1, 9)


def serve_production(host: str, port: int, workers: int, threads: int, out: TextIO) -> None:
    """Serve with gunicorn until stopped (SIGINT or SIGTERM); static files are collected first."""
    from django.conf import settings
    from django.core.management import call_command
    from gunicorn.app.base import BaseApplication

    call_command("collectstatic", interactive=False, verbosity=0)
    hide_server_names()
    if "QOGAM_PAGE_CACHE_SECONDS" not in os.environ:
        settings.PAGE_CACHE_SECONDS = 600  # the public pages' cache (qogam.registry.middleware)
    from qogam.registry.wsgi import application  # after collecting: whitenoise indexes the files once

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options = {"bind": f"{host}:{port}", "workers": workers, "threads": threads, "preload_app": True,
                       "worker_class": "gthread" if threads > 1 else "sync", "timeout": 120,
                       "graceful_timeout": 30, "accesslog": None, "errorlog": "-", "loglevel": "warning",
                       "proc_name": "qogam"}
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    https = "HTTPS behind a proxy (QOGAM_PRODUCTION)" if settings.PRODUCTION else "plain HTTP (QOGAM_PRODUCTION unset)"
    out.write(f"serving on http://{host}:{port}/ with gunicorn, {workers} workers × {threads} threads, {https}\n")
    out.flush()
    Server().run()


def check(deploy: bool, out: TextIO) -> int:
    """Run Django's system checks (``deploy``: the deployment ones too); return how many issues
    of warning level or worse were found (each printed)."""
    from django.core import checks
    from django.core.management.color import no_style

    found = [m for m in checks.run_checks(include_deployment_checks=deploy) if m.level >= checks.WARNING]
    style = no_style()
    for message in found:
        out.write(f"{style.WARNING(str(message))}\n")
    out.write(f"{len(found)} issue{'s' if len(found) != 1 else ''} "
              f"({'with' if deploy else 'without'} the deployment checks)\n")
    return len(found)


# --- backup and restore -----------------------------------------------------------------------

def backup(target: Path, out: TextIO) -> Path:
    """Copy the registry to ``target`` (a file): SQLite's online backup or ``pg_dump -Fc``;
    written next to it first and renamed, so a failed backup leaves no half file."""
    from django.db import connection

    target = target.expanduser()
    if target.is_dir():
        raise InputError(f"{target}: is a directory; give the backup file's path")
    if not target.parent.is_dir():
        raise InputError(f"{target.parent}: no such directory")
    partial = target.with_name(f".{target.name}.partial")
    try:
        if connection.vendor == "sqlite":
            _sqlite_copy(Path(connection.settings_dict["NAME"]), partial)
        else:
            _pg(["pg_dump", "--format=custom", "--no-owner", f"--file={partial}"], connection.settings_dict)
        partial.chmod(0o600)  # it holds password hashes
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    out.write(f"backed up the registry ({connection.vendor}) to {target}\n")
    return target


def restore(source: Path, out: TextIO) -> Path | None:
    """Replace the registry with the backup ``source``; the registry as it was is kept first
    (SQLite: ``backups/before-restore-….sqlite3`` in the data directory, returned)."""
    from django.conf import settings
    from django.db import connection

    source = source.expanduser()
    if not source.is_file():
        raise InputError(f"{source}: no such backup file")
    kept = None
    if connection.vendor == "sqlite":
        _check_sqlite_backup(source)
        live = Path(connection.settings_dict["NAME"])
        folder = Path(settings.DATA_DIR) / "backups"
        folder.mkdir(mode=0o700, exist_ok=True)
        kept = folder / f"before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite3"
        _sqlite_copy(live, kept)
        connection.close()
        _sqlite_copy(source, live)
    else:
        if source.read_bytes()[:5] != b"PGDMP":
            raise InputError(f"{source}: not a pg_dump archive (qogam backup writes one for PostgreSQL)")
        connection.close()
        _pg(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(source)],
            connection.settings_dict, database_flag=True)
    out.write(f"restored the registry ({connection.vendor}) from {source}"
              + (f"; the registry as it was is kept in {kept}" if kept else "") + "\n")
    return kept


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of SQLite database ``source`` into ``target`` (online backup API)."""
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _check_sqlite_backup(path: Path) -> None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
        db.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path}: not an SQLite database ({exc})") from None
    if not {"django_migrations", "core_source"} <= tables:
        raise InputError(f"{path}: an SQLite database, but not a Qogam registry")


def _pg(command: list[str], db: dict[str, Any], database_flag: bool = False) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise InputError(f"{command[0]} not found: install PostgreSQL's client tools (scripts/services.sh does)")
    env = dict(os.environ, PGPASSWORD=str(db.get("PASSWORD") or ""))
    args = [tool, *command[1:], "--host", str(db.get("HOST") or "localhost"), "--port", str(db.get("PORT") or 5432),
            "--username", str(db.get("USER") or "")]
    args += ["--dbname", str(db["NAME"])] if database_flag else [str(db["NAME"])]
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(args, env=env, stderr=errors, stdout=subprocess.DEVNULL, check=False)
        if done.returncode != 0:
            errors.seek(0)
            raise InputError(f"{command[0]} failed: {errors.read().decode(errors='replace').strip()[:500]}")
