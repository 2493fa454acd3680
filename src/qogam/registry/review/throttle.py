"""Log-in throttling: at most ``LOGIN_ATTEMPTS_LIMIT`` failures per user name and address per window.

The check sits in the authentication backend, so it guards every log-in form (the site's and
Django admin's): once a user name has failed ``LOGIN_ATTEMPTS_LIMIT`` times from one address
within ``LOGIN_ATTEMPTS_WINDOW_SECONDS``, even the right password is refused from there until
the oldest failure leaves the window. Other addresses are not affected, so an attacker cannot
lock the real user out everywhere. A successful log-in clears the count.

The address is ``REMOTE_ADDR``: behind a reverse proxy, the WSGI server must set it from the
proxy's header (Qogam does not trust ``X-Forwarded-For`` itself).
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qogam.registry.review.models import LoginFailure

_THROTTLED = "_qogam_login_throttled"


def client_ip(request: HttpRequest | None) -> str | None:
    """Return the client's address (``REMOTE_ADDR``), or None when there is no request."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _window_start() -> Any:
    return timezone.now() - timedelta(seconds=settings.LOGIN_ATTEMPTS_WINDOW_SECONDS)


def _name(username: str | None) -> str:
    return (username or "").strip().lower()[:150]


def is_throttled(username: str | None, ip: str | None) -> bool:
    """Return True when ``username`` has used up its failed attempts from ``ip`` in this window."""
    failures = LoginFailure.objects.filter(username=_name(username), ip=ip, at__gte=_window_start())
    return failures.count() >= settings.LOGIN_ATTEMPTS_LIMIT


class ThrottledModelBackend(ModelBackend):
    """Django's model backend that refuses, outright, a user name throttled from this address."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> Any:
        if request is not None and is_throttled(username, client_ip(request)):
            setattr(request, _THROTTLED, True)
            # PermissionDenied stops Django trying any other backend.
            raise PermissionDenied("too many failed log-ins")
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed, dispatch_uid="qogam-review-login-failed")
def _count_failure(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    # Refusals while throttled are not counted again: the lock ends a window after the last
    # real failure rather than sliding for as long as someone keeps knocking.
    if request is None or getattr(request, _THROTTLED, False):
        return
    LoginFailure.objects.filter(at__lt=_window_start()).delete()
    LoginFailure.objects.create(username=_name(credentials.get("username")), ip=client_ip(request))


@receiver(user_logged_in, dispatch_uid="qogam-review-logged-in")
def _clear_failures(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        LoginFailure.objects.filter(username=_name(user.get_username()), ip=client_ip(request)).delete()


class ThrottledAuthenticationForm(AuthenticationForm):
    """The log-in form, saying plainly when the attempts are used up instead of "wrong password"."""

    # Django's own "Please enter a correct %(username)s…" has no Kazakh translation and would
    # come out half in English; these are the project's, in the words of the form's labels.
    error_messages = {
        "invalid_login": _("Wrong user name or password. Both are case-sensitive."),
        "inactive": _("This account is switched off. Ask an administrator."),
        "throttled": _("Too many failed log-ins for this user from your address. Try again in %(minutes)d minutes."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username and is_throttled(username, client_ip(self.request)):
            raise forms.ValidationError(
                self.error_messages["throttled"], code="throttled",
                params={"minutes": settings.LOGIN_ATTEMPTS_WINDOW_SECONDS // 60},
            )
        return super().clean()
