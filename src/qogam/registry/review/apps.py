"""The review application: the staff's queue of proposals."""
from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "qogam.registry.review"
    label = "review"
    verbose_name = _("Review and staff")

    def ready(self) -> None:
        # Connects the log-in signal receivers that count failed attempts.
        from qogam.registry.review import throttle  # noqa: F401
