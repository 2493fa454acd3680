"""Time and peak memory of each export format on synthetic registries of 1,000 and 10,000
organisations (`qogam demo-data`: 2 people, 2 posts, 1 article and ~2.7 statements per
organisation, ~10 evidence spans per article).

    python benchmarks/exports.py [--sizes 1000 10000]

Each export runs in a fresh process (its peak resident memory is that process's); the
baseline in the same run is that process doing everything but the export (Django set up,
the registry opened), so the figures say what the export itself costs. Memory should stay
flat from 1k to 10k: every writer reads the registry in batches.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

FORMATS = ("popolo", "ftm", "ftm-statements", "csv", "xlsx")
CHILD = """
import json, resource, sys, time
from qogam.registry import setup_django
setup_django()
from django.db import connection
connection.ensure_connection()
start = time.perf_counter()
fmt, path = sys.argv[1], sys.argv[2]
if fmt != "baseline":
    from qogam.registry.core.exports import write_file
    from pathlib import Path
    write_file(fmt, Path(path))
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(fmt: str, data: Path) -> dict[str, float]:
    env = dict(os.environ, QOGAM_DATA_DIR=str(data))
    env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", CHILD, fmt, str(data / f"export.{fmt}")], env=env, check=True,
                         capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    target = data / f"export.{fmt}"
    result["mb_written"] = target.stat().st_size / 1e6 if target.exists() else 0.0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    qogam = [sys.executable, "-m", "qogam.cli"]
    print(f"{'organisations':>13} {'format':15} {'seconds':>8} {'peak MB':>8} {'MB written':>10}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp)
            env = dict(os.environ, QOGAM_DATA_DIR=str(data))
            env.pop("DATABASE_URL", None)
            subprocess.run([*qogam, "setup"], env=env, check=True, capture_output=True)
            subprocess.run([*qogam, "demo-data", "--orgs", str(size), "--no-progress"], env=env, check=True,
                           capture_output=True)
            for fmt in ("baseline", *FORMATS):
                r = run(fmt, data)
                print(f"{size:>13} {fmt:15} {r['seconds']:>8.1f} {r['peak_mb']:>8.0f} {r['mb_written']:>10.1f}")


if __name__ == "__main__":
    main()
