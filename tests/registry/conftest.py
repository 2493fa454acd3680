"""Registry tests run in their own pytest process with Django configured.

The language library's tests check in-process that Django was never imported, so the
registry's tests cannot share their process: ``make test`` runs them again with
``DJANGO_SETTINGS_MODULE=qogam.registry.settings`` (on SQLite, then on PostgreSQL when it
is available). Without that variable this folder is skipped with that reason.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

DJANGO_CONFIGURED = bool(os.environ.get("DJANGO_SETTINGS_MODULE"))
if not DJANGO_CONFIGURED:
    # Only test__django.py is collected: it skips with the reason, visibly.
    collect_ignore_glob = ["test_[!_]*.py"]

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "data" / "seed" / "000_d4104ed61ffa5b9f.txt"
EXAMPLES = REPO / "examples" / "articles"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"{SEED} not found: this test reads ../shared beside the repository")
    return SEED


@pytest.fixture
def reviewer(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="reviewer", password="x-unused-x")


@pytest.fixture(autouse=True)
def _default_language() -> Any:
    """Each test starts in the site's default language: a page requested in /en/ leaves English
    active in the thread (LocaleMiddleware never deactivates), which would leak into the next
    test's reverse() and messages."""
    if not DJANGO_CONFIGURED:
        yield
        return
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
