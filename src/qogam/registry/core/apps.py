"""The core app of the registry."""
from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "qogam.registry.core"
    label = "core"
    verbose_name = "Qogam registry"
    default_auto_field = "django.db.models.BigAutoField"
