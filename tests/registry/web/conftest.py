"""Tests of the public web pages; like the rest of tests/registry they need Django configured."""
from __future__ import annotations

import os

if not os.environ.get("DJANGO_SETTINGS_MODULE"):
    # ../test__django.py already says why the registry's tests are skipped in this process.
    collect_ignore_glob = ["test_*.py"]
