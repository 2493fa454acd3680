"""Registry tests need Django configured: ``make test`` runs the whole suite in one pytest
process with ``DJANGO_SETTINGS_MODULE=qogam.registry.settings`` and ``QOGAM_DATA_DIR=var/test``
(on SQLite), then this folder again on PostgreSQL when it is available. Without that variable
this folder is skipped with that reason. Passwords are hashed with MD5 here, for speed, except
in tests marked ``real_hashing``.
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
def _fast_passwords(request: pytest.FixtureRequest) -> None:
    """Passwords hashed with MD5 in tests (PBKDF2's 1,000,000 rounds cost ~0.5 s a user); a
    test of hashing itself is marked ``real_hashing`` and keeps the site's hashers."""
    if DJANGO_CONFIGURED and not request.node.get_closest_marker("real_hashing"):
        request.getfixturevalue("settings").PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
