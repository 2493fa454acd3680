"""The project's URLs: Django admin, language switching, and the web application."""
from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("qogam.registry.web.urls")),
]
