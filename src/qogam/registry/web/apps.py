"""The public web application: read-only pages over the registry."""
from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "qogam.registry.web"
    label = "web"
    verbose_name = "Qogam web pages"
