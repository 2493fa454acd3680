"""The review application: the staff's queue of proposals."""
from __future__ import annotations

from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "qogam.registry.review"
    label = "review"
    verbose_name = "Qogam review queue"

    def ready(self) -> None:
        # Connects the log-in signal receivers that count failed attempts.
        from qogam.registry.review import throttle  # noqa: F401
