"""The project's URLs: Django admin, the JSON API, language switching, and the web application."""
from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from qogam.registry.api.api import api
from qogam.registry.review.throttle import ThrottledAuthenticationForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Pages in Kazakh, the default, have no prefix (/people/); Russian and English ones do
# (/ru/people/, /en/people/), so every page has one address per language to link and cite.
urlpatterns += i18n_patterns(  # type: ignore[arg-type]  # URLResolvers and URLPatterns both
    path("accounts/login/", auth_views.LoginView.as_view(
        next_page="web:home", authentication_form=ThrottledAuthenticationForm), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(next_page="web:home"), name="logout"),
    path("review/", include("qogam.registry.review.urls")),
    path("", include("qogam.registry.web.urls")),
    prefix_default_language=False,
)

handler500 = "qogam.registry.web.views.errors.server_error"
