"""The registry: a Django project (models, admin, review queue, web pages, API).

:func:`setup_django` is what the CLI calls before it touches the database; the language
library (:mod:`qogam.nlp`) never imports anything from here.
"""
from __future__ import annotations

import os

SETTINGS_MODULE = "qogam.registry.settings"


def setup_django() -> None:
    """Point Django at Qogam's settings (unless DJANGO_SETTINGS_MODULE names others) and set it up.

    Raises :class:`qogam.registry.errors.ConfigError` when an environment variable has a bad value.
    """
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    django.setup()
