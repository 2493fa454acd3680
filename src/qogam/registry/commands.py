"""The registry's CLI commands as small functions (``qogam setup``, ``ingest``, ``serve``, ``demo``).

:mod:`qogam.cli` parses the arguments and calls these; tests call them directly. Each sets
Django up on first use, so commands that never touch the registry never import Django.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from qogam.errors import InputError


def _django() -> None:
    from qogam.registry import setup_django

    setup_django()


def setup(out: TextIO) -> int:
    """Create the data directory, migrate the database and load the fixtures; return how
    many fixture objects were new."""
    from qogam.registry.config import create_data_dir, data_dir

    create_data_dir(data_dir())  # before Django reads its settings: the secret key is kept there
    _django()
    from django.conf import settings

    from qogam.registry.core.services.setup import setup_registry

    created = setup_registry()
    db = settings.DATABASES["default"]
    path = _sqlite_file(db)
    if path is not None and path.is_file():
        path.chmod(0o600)  # it holds password hashes: the owner's only
    out.write(f"registry ready: {_where(db)}; {created} fixture objects created\n")
    return created


def _sqlite_file(db: dict[str, object]) -> Path | None:
    """The file of an SQLite database (None for PostgreSQL or an in-memory test database)."""
    name = str(db["NAME"])
    if not str(db["ENGINE"]).endswith("sqlite3") or name == ":memory:" or "mode=memory" in name:
        return None
    return Path(name)


def registry_in_use() -> str:
    """Which registry the commands of this process use ("SQLite /home/…/qogam.sqlite3")."""
    _django()
    from django.conf import settings

    return _where(settings.DATABASES["default"])


def _where(db: dict[str, object]) -> str:
    if str(db["ENGINE"]).endswith("sqlite3"):
        return f"SQLite {db['NAME']}"
    return f"PostgreSQL {db.get('NAME')} on {db.get('HOST') or 'localhost'}"


def ingest(targets: Path | str | list[Path | str], progress: bool | None = None) -> dict[str, object]:
    """Ingest files, folders, URLs or "-" into a migrated registry; return the report as JSON.

    Keys: registry, read, stored, duplicates, near_duplicates, failed (a count), failures
    ({item, reason} each), proposals by kind, linked, ambiguous, notes. Raises
    :class:`InputError` when there is nothing to read or the registry is not set up.
    """
    _django()
    from qogam.registry.core.services.ingest import ingest_targets

    _require_migrated()
    report = ingest_targets(targets if isinstance(targets, list) else [targets], progress=progress)
    return {
        "registry": registry_in_use(), "read": report.read, "stored": report.stored, "duplicates": report.duplicates,
        "near_duplicates": report.near_duplicates, "failed": report.failed, "failures": report.failures,
        "proposals": dict(sorted(report.proposals.items())), "linked": report.linked,
        "ambiguous": report.ambiguous, "notes": report.notes,
    }


def _require_migrated() -> None:
    """Raise :class:`InputError` unless the registry exists and is migrated; never creates it
    (SQLite would make an empty file on connecting)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    db = connection.settings_dict
    path = _sqlite_file(db)
    if path is not None and not path.is_file():
        raise InputError(f"no registry at {db['NAME']}: run `qogam setup` first, "
                         "or set QOGAM_DATA_DIR to the data directory of the registry you use")
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise InputError("the registry database is not set up: run `qogam setup` first")


def create_admin(username: str, reset: bool, out: TextIO) -> str | None:
    """Create superuser ``username`` (or give it a new password with ``reset``); print the password once.

    Returns the new password, or None when the account exists and ``reset`` is false.
    """
    _django()
    from django.contrib.auth import get_user_model

    from qogam.registry.core.services.setup import create_demo_admin

    _require_migrated()
    if reset:
        import secrets

        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise InputError(f"no user {username!r}: run `qogam createadmin {username}` without --reset")
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
    else:
        password = create_demo_admin(username).password
    if password is None:
        out.write(f"admin {username!r} exists and keeps its password (qogam createadmin --reset gives a new one)\n")
    else:
        out.write(f"admin {username!r} password: {password}  (shown once; keep it)\n")
    return password


def serve(host: str, port: int, out: TextIO) -> None:
    """Serve the registry with Django's development server until Ctrl-C (never returns normally).

    Static files (the admin's) are served by the same process: fine for a demo, not for
    production, where a WSGI server runs ``qogam.registry.wsgi:application``.
    """
    _django()
    from django.core.management import call_command

    from qogam.registry.operations import hide_server_names

    _require_migrated()
    out.write(f"registry: {registry_in_use()}\n")
    out.write(f"serving on http://{host}:{port}/ (admin: http://{host}:{port}/admin/) — Ctrl-C stops it\n")
    out.flush()
    hide_server_names()
    call_command("runserver", f"{host}:{port}", use_reloader=False)


def serve_production(host: str, port: int, workers: int | None, threads: int, out: TextIO) -> None:
    """Serve with gunicorn (``qogam serve --production``) until stopped."""
    _django()
    from qogam.registry.operations import default_workers
    from qogam.registry.operations import serve_production as run

    _require_migrated()
    out.write(f"registry: {registry_in_use()}\n")
    run(host, port, workers or default_workers(), threads, out)


def check(deploy: bool, out: TextIO) -> int:
    """Django's system checks under Qogam's settings; returns the number of issues."""
    _django()
    from qogam.registry.operations import check as run

    return run(deploy, out)


def backup(path: Path, out: TextIO) -> None:
    _django()
    from qogam.registry.operations import backup as run

    _require_migrated()
    run(path, out)


def restore(path: Path, out: TextIO) -> None:
    _django()
    from qogam.registry.operations import restore as run

    _require_migrated()
    run(path, out)


def demo(directory: Path, host: str, port: int, serve_too: bool, out: TextIO) -> None:
    """The main job: set up, load fixtures, ingest ``directory``, create the demo admin, serve."""
    if not directory.is_dir():
        raise InputError(f"{directory}: not a directory of articles")
    setup(out)
    report = ingest(directory)
    proposals: dict[str, int] = report["proposals"]  # type: ignore[assignment]
    kinds = ", ".join(f"{n} {k}" for k, n in proposals.items()) or "no new proposals"
    out.write(f"ingested {directory}: {report['stored']} new sources, {report['duplicates']} already known; {kinds}\n")
    create_admin("admin", reset=False, out=out)
    if serve_too:
        serve(host, port, out)


def feeds_add(url: str, outlet: str, area: str, language: str) -> dict[str, object]:
    """Follow the feed at ``url``; return it as JSON. Raises :class:`InputError` for a bad one."""
    _django()
    from qogam.registry.core.services.feeds import add_feed
    from qogam.registry.errors import ReviewError

    _require_migrated()
    try:
        feed = add_feed(url, None, outlet=outlet, area=area, language=language)
    except ReviewError as exc:
        raise InputError(str(exc)) from None
    return _feed_json(feed)


def feeds_list() -> list[dict[str, object]]:
    """Every feed with how its polling goes, as JSON."""
    _django()
    from qogam.registry.core.models import Feed

    _require_migrated()
    return [_feed_json(feed) for feed in Feed.objects.select_related("area")]


def _feed_json(feed: object) -> dict[str, object]:
    def when(value: object) -> str | None:
        return value.isoformat() if value is not None else None  # type: ignore[attr-defined]

    return {
        "id": feed.pk, "url": feed.url, "outlet": feed.outlet,  # type: ignore[attr-defined]
        "area": feed.area.slug if feed.area else None, "language": feed.language or None,  # type: ignore[attr-defined]
        "active": feed.active, "last_success": when(feed.last_success_at),  # type: ignore[attr-defined]
        "last_error": feed.last_error or None, "failures": feed.failures,  # type: ignore[attr-defined]
        "next_poll": when(feed.next_poll_at), "articles_stored": feed.items_stored,  # type: ignore[attr-defined]
    }


def watch_once(every_feed: bool = True) -> list[dict[str, object]]:
    """Poll every active feed once (``every_feed``), or only those due after their back-off;
    return a JSON report per feed."""
    _django()
    from qogam.registry.core.services.feeds import poll_due

    _require_migrated()
    return [report.as_json() for report in poll_due(every_feed=every_feed)]


def export(fmt: str, output: str | None, area: str | None = None, since: dt.date | None = None,
           include_pending: bool = False) -> None:
    """Write the export of format ``fmt`` to ``output`` (a path) or standard output: the whole
    registry, or the selection of ``area`` (a slug) and ``since``; with ``include_pending``, the
    pending proposals too (ftm-statements, csv and xlsx only).

    Raises :class:`InputError` for csv and xlsx without ``output`` (they are files, not streams),
    an unknown area, or pending proposals asked of a format that cannot carry them.
    """
    _django()
    import sys

    from qogam.registry.core.exports import NEEDS_FILE, ScopeError, check, select, write, write_file

    _require_migrated()
    if output in (None, "-") and fmt in NEEDS_FILE:
        raise InputError(f"--format {fmt} writes a file: give -o PATH")
    try:
        sel = select(area=area, since=since, pending=include_pending)
        check(fmt, sel)
    except ScopeError as exc:
        raise InputError(str(exc)) from exc
    if output in (None, "-"):
        write(fmt, sys.stdout.buffer, sel)
        sys.stdout.buffer.flush()
    else:
        write_file(fmt, Path(output), sel)


def resolve(kinds: list[str], progress: bool | None = None) -> dict[str, object]:
    """Recompute the stored candidate pairs of ``kinds``; return their counts and how many
    reach the queue's threshold."""
    _django()
    import sys

    from qogam.registry.core.models import MatchCandidate
    from qogam.registry.core.services.resolution import QUEUE_THRESHOLD, refresh_candidates

    _require_migrated()
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(desc="resolve", unit="pair", file=sys.stderr, disable=not show) as bar:
        def report(n: int) -> None:
            bar.update(n - bar.n)

        counts: dict[str, object] = dict(refresh_candidates(kinds, progress=report))
    counts["queued"] = {kind: MatchCandidate.objects.filter(kind=kind, score__gte=QUEUE_THRESHOLD).count() for kind in kinds}
    return counts


def token_create(username: str, name: str) -> str:
    """A new API token for ``username`` (a staff member); returns the key, shown once."""
    _django()
    from django.contrib.auth import get_user_model

    from qogam.registry.api.models import ApiToken
    from qogam.registry.review.access import scope_of

    _require_migrated()
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise InputError(f"no user {username!r}")
    if not scope_of(user).allowed:
        raise InputError(f"{username!r} has no staff role: give them one (editor or reviewer) first")
    _, key = ApiToken.make(user, name)
    return key


def token_revoke(prefix: str) -> int:
    """Revoke the tokens whose key starts with ``prefix`` (8 characters after "qgm_"); returns how many."""
    _django()
    from qogam.registry.api.models import ApiToken

    _require_migrated()
    prefix = prefix.removeprefix("qgm_")[:8]
    tokens = list(ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True))
    if not tokens:
        raise InputError(f"no active token {prefix}…")
    for token in tokens:
        token.revoke()
    return len(tokens)


def token_list() -> list[dict[str, object]]:
    _django()
    from qogam.registry.api.models import ApiToken

    _require_migrated()
    return [{"user": t.user.get_username(), "name": t.name, "prefix": t.prefix, "created": t.created_at.isoformat(),
             "last_used": t.last_used_at.isoformat() if t.last_used_at else None,
             "revoked": t.revoked_at.isoformat() if t.revoked_at else None}
            for t in ApiToken.objects.select_related("user")]
