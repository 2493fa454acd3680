"""URLs of the public pages and the review queue; the web application fills this in."""
from __future__ import annotations

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
