"""The language library type-checks: mypy on qogam.nlp, as the house style asks."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_mypy_on_the_language_library() -> None:
    if shutil.which("mypy") is None and subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True).returncode:
        pytest.skip("mypy is not installed (it comes with the dev dependencies: pip install -e '.[dev]')")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "src/qogam/nlp"], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
