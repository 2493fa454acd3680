"""Says why the registry tests were skipped, or checks that they run on Qogam's settings."""
from __future__ import annotations

import os

import pytest


def test_registry_tests_run_with_qogam_settings() -> None:
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        pytest.skip("registry tests need Django in their own process: "
                    "DJANGO_SETTINGS_MODULE=qogam.registry.settings pytest tests/registry (make test does)")
    from django.conf import settings

    assert settings.ROOT_URLCONF == "qogam.registry.urls"
    assert settings.LANGUAGE_CODE == "kk" and [code for code, _ in settings.LANGUAGES] == ["kk", "ru", "en"]
    assert "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE
