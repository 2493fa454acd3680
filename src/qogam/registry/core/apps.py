"""The core app of the registry."""
from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "qogam.registry.core"
    label = "core"
    verbose_name = _("Registry")
    default_auto_field = "django.db.models.BigAutoField"
