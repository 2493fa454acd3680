"""The project's URLs: Django admin, language switching, and the web application."""
from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("qogam.registry.web.urls")),
    # Reached only while the web application defines no home page of its own.
    path("", RedirectView.as_view(pattern_name="admin:index"), name="fallback-home"),
]
