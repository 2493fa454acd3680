"""kill -9 at any moment of an ingest loses nothing and duplicates nothing, and two ingests at
once on one SQLite registry both finish: real `qogam ingest` subprocesses, checked with SQL."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NEWS = REPO.parent / "shared" / "data" / "news"
EXAMPLES = REPO / "examples" / "articles"


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["QOGAM_DATA_DIR"] = str(data)
    return env


def _qogam(args: list[str], data: Path, **kwargs) -> subprocess.Popen[bytes]:  # type: ignore[no-untyped-def]
    return subprocess.Popen([sys.executable, "-m", "qogam.cli", *args], env=_env(data), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)


def _setup(data: Path) -> None:
    proc = _qogam(["setup"], data)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()  # type: ignore[union-attr]


def _articles(folder: Path, n: int) -> Path:
    """``n`` distinct articles: the real news of ../shared (or, without it, the examples)."""
    folder.mkdir()
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((NEWS / "kk").glob("*.json"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for i, text in enumerate(texts[:n]):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _kill_when(proc: subprocess.Popen[bytes], data: Path, stored: int) -> None:
    """SIGKILL ``proc`` as soon as the registry holds ``stored`` sources (at once for 0)."""
    deadline = time.monotonic() + 120
    while stored and time.monotonic() < deadline and proc.poll() is None:
        with sqlite3.connect(data / "qogam.sqlite3", timeout=30) as db:
            if db.execute("SELECT COUNT(*) FROM core_source").fetchone()[0] >= stored:
                break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)


def _state(data: Path) -> dict[str, object]:
    with sqlite3.connect(data / "qogam.sqlite3") as db:
        sources = db.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM core_source").fetchone()
        by_kind = dict(db.execute("SELECT kind, COUNT(*) FROM core_proposal GROUP BY kind").fetchall())
        orphans = db.execute(
            "SELECT COUNT(*) FROM core_source s WHERE s.duplicate_of_id IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM core_proposal p WHERE p.source_id = s.id)").fetchone()[0]
        dangling = db.execute("SELECT COUNT(*) FROM core_proposal p LEFT JOIN core_source s ON s.id = p.source_id "
                              "WHERE s.id IS NULL").fetchone()[0]
    return {"sources": sources[0], "distinct": sources[1], "proposals": by_kind, "orphans": orphans, "dangling": dangling}



def test_kill_9_during_ingest_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "articles", 50)
    if len(list(folder.iterdir())) < 50:
        pytest.skip("needs the real news of ../shared beside the repository (50 articles)")
    clean = tmp_path / "clean"
    _setup(clean)
    assert _qogam(["ingest", str(folder), "--no-progress"], clean).wait(timeout=600) == 0
    expected = _state(clean)
    assert expected["sources"] >= 20

    crashed = tmp_path / "crashed"
    _setup(crashed)
    partial = []
    for target in (0, 5, 20, 35):  # while the models load, then at several points of the batch
        proc = _qogam(["ingest", str(folder), "--no-progress"], crashed)
        _kill_when(proc, crashed, target)
        state = _state(crashed)
        assert state["orphans"] == 0 and state["dangling"] == 0 and state["sources"] == state["distinct"]
        partial.append(state["sources"])
    assert any(0 < n < expected["sources"] for n in partial), partial  # kills landed inside the batch
    finish = _qogam(["ingest", str(folder), "--no-progress"], crashed)
    assert finish.wait(timeout=600) == 0
    assert _state(crashed) == expected


def test_two_ingests_at_once_both_finish(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "articles", 30)
    halves = [tmp_path / "a", tmp_path / "b"]
    for half in halves:
        half.mkdir()
    for i, path in enumerate(sorted(folder.iterdir())):
        path.rename(halves[i % 2] / path.name)
    data = tmp_path / "data"
    _setup(data)
    procs = [_qogam(["ingest", str(half), "--no-progress"], data) for half in halves]
    outputs = [proc.communicate(timeout=600) for proc in procs]
    for proc, (_out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err.decode()
        assert b"database is locked" not in err
    stored = sum(json.loads(out)["stored"] + json.loads(out)["near_duplicates"] for out, _ in outputs)
    state = _state(data)
    assert state["sources"] == stored == state["distinct"] and state["orphans"] == 0
