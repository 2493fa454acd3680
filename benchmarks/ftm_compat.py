"""Does Qogam's FollowTheMoney export load with followthemoney 3.5.9, the version OCCRP Aleph
4.1 pins (it has no ``Membership.proof``)? The project itself uses followthemoney ≥ 4.

    python benchmarks/ftm_compat.py [--env var/ftm-3.5.9] [--orgs 200]

Makes (once) a separate virtual environment with followthemoney 3.5.9 from pip, builds a small
registry in a temporary data directory — the seed article of ../shared (when present) and the
sample articles, every proposal accepted, and a synthetic registry of ``--orgs`` organisations
(`qogam demo-data`) — exports it with ``qogam export --format ftm``, and loads the file with
``ftm_load.py`` under 3.5.9: every entity valid, no property dropped, every reference resolved,
every membership, occupancy and representation that was written with its evidence
(``sourceUrl``, ``description``; the synthetic registry's have none) still carrying it, and the
Documentation / Mention entities tying facts to articles. Exit 1 if anything was lost.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED = REPO.parent / "shared" / "data" / "seed" / "000_d4104ed61ffa5b9f.txt"
ACCEPT = """
from qogam.registry import setup_django
setup_django()
from qogam.registry.core.models import Proposal
from qogam.registry.core.services.review import bulk_accept
bulk_accept(Proposal.objects.all(), None, 0.0)
"""


def environment(path: Path) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "followthemoney==3.5.9"], check=True)
    return python


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--env", type=Path, default=REPO / "var" / "ftm-3.5.9")
    parser.add_argument("--orgs", type=int, default=200)
    args = parser.parse_args()
    old = environment(args.env)
    qogam = [sys.executable, "-m", "qogam.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QOGAM_DATA_DIR=tmp)
        env.pop("DATABASE_URL", None)
        subprocess.run([*qogam, "setup"], env=env, check=True, capture_output=True)
        articles = [str(REPO / "examples" / "articles")] + ([str(SEED)] if SEED.exists() else [])
        subprocess.run([*qogam, "ingest", *articles, "--no-progress"], env=env, check=True, capture_output=True)
        subprocess.run([sys.executable, "-c", ACCEPT], env=env, check=True, capture_output=True)
        subprocess.run([*qogam, "demo-data", "--orgs", str(args.orgs), "--no-progress"], env=env, check=True,
                       capture_output=True)
        export = Path(tmp) / "export.jsonl"
        subprocess.run([*qogam, "export", "--format", "ftm", "-o", str(export)], env=env, check=True)
        loaded = subprocess.run([str(old), str(HERE / "ftm_load.py"), str(export)], capture_output=True, text=True)
    if not loaded.stdout.strip():
        print(loaded.stderr, file=sys.stderr)
        return 1
    report = json.loads(loaded.stdout)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return loaded.returncode


if __name__ == "__main__":
    sys.exit(main())
