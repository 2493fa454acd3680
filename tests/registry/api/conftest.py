"""The review personas (tests/registry/review/conftest.py) for the API's tests."""
from __future__ import annotations

import os

if not os.environ.get("DJANGO_SETTINGS_MODULE"):
    # Like the folder above: these need Django configured in their own process.
    collect_ignore_glob = ["test_*.py"]
else:
    from tests.registry.review.conftest import (  # noqa: F401
        admin,
        anonymous,
        articles,
        editor,
        nobody,
        other_editor,
        reviewer,
    )
