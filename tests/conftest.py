"""Shared fixtures: the location of ../shared and the seed article, skipped when absent."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_DIR = SHARED / "data" / "seed"
KAZNERD = SHARED / "data" / "kaznerd" / "IOB2_valid.txt"
EXAMPLES = REPO / "examples" / "articles"


def require(path: Path) -> Path:
    """Return ``path``, or skip the test with the reason that ../shared is not beside the repo."""
    if not path.exists():
        pytest.skip(f"{path} not found: these tests read ../shared beside the repository")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (require(SEED_DIR / "000_d4104ed61ffa5b9f.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(require(SEED_DIR / "000_d4104ed61ffa5b9f.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def kaznerd_path() -> Path:
    return require(KAZNERD)
