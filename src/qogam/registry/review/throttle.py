"""Log-in throttling: at most ``LOGIN_ATTEMPTS_LIMIT`` failures per user name and address, then
a lock of ``LOGIN_LOCKOUT_SECONDS`` that the log-in page states, with its end, and that an
administrator can lift (Django admin, *Log-in locks*, "Lift the lock").

The check sits in the authentication backend, so it guards every log-in form (the site's and
Django admin's). It is atomic: an attempt first takes one of the allowed failures with a single
conditional UPDATE (``failures < limit``), and only an attempt that got one has its password
checked — thirty concurrent wrong passwords check five, not thirty. A wrong password keeps
what it took; the one that reaches the limit sets the lock; the right one deletes the count.
Failures older than ``LOGIN_ATTEMPTS_WINDOW_SECONDS`` are forgotten. Other addresses are not
affected, so an attacker cannot lock the real user out everywhere.

The address is ``REMOTE_ADDR``, or behind a trusted reverse proxy (``QOGAM_TRUSTED_PROXIES``,
in production 127.0.0.1 and ::1 by default) the address that proxy put last in
``X-Forwarded-For``.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _

from qogam.registry.review.models import LoginThrottle


def client_ip(request: HttpRequest | None) -> str:
    """Return the client's address, or "" when there is no request: ``REMOTE_ADDR``, or, when
    that is a trusted reverse proxy (``TRUSTED_PROXIES``), the last address of the
    ``X-Forwarded-For`` it set (the one it saw; earlier ones the client may have forged)."""
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR") or ""
    if remote in settings.TRUSTED_PROXIES:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1][:45]
    return remote


def _name(username: str | None) -> str:
    return (username or "").strip().lower()[:150]


def _row(username: str | None, ip: str) -> LoginThrottle:
    """The count of ``username`` from ``ip``, made if missing (a concurrent maker is tolerated)."""
    name = _name(username)
    try:
        with transaction.atomic():
            row, _ = LoginThrottle.objects.get_or_create(username=name, ip=ip)
    except IntegrityError:
        row = LoginThrottle.objects.get(username=name, ip=ip)
    return row


def locked_until(username: str | None, ip: str) -> datetime | None:
    """When the lock of ``username`` from ``ip`` ends, or None when there is none now."""
    until = (LoginThrottle.objects.filter(username=_name(username), ip=ip, locked_until__gt=timezone.now())
             .values_list("locked_until", flat=True).first())
    return until


def take_attempt(username: str | None, ip: str) -> bool:
    """Take one of the allowed failures of ``username`` from ``ip``; False when none is left
    (locked). One conditional UPDATE: concurrent callers cannot take more than the limit."""
    now = timezone.now()
    row = _row(username, ip)
    rows = LoginThrottle.objects.filter(pk=row.pk)
    # an ended lock, or failures older than the window, are forgotten
    rows.filter(locked_until__lte=now).update(failures=0, locked_until=None)
    rows.filter(locked_until__isnull=True, last_failure_at__lt=now - timedelta(
        seconds=settings.LOGIN_ATTEMPTS_WINDOW_SECONDS)).update(failures=0)
    return bool(rows.filter(locked_until__isnull=True, failures__lt=settings.LOGIN_ATTEMPTS_LIMIT)
                .update(failures=F("failures") + 1, last_failure_at=now))


def failed(username: str | None, ip: str) -> None:
    """The attempt taken failed: the one that reaches the limit sets the lock."""
    now = timezone.now()
    LoginThrottle.objects.filter(username=_name(username), ip=ip, locked_until__isnull=True,
                                 failures__gte=settings.LOGIN_ATTEMPTS_LIMIT).update(
        locked_until=now + timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS))


def succeeded(username: str | None, ip: str) -> None:
    LoginThrottle.objects.filter(username=_name(username), ip=ip).delete()


def lift(rows: Any) -> int:
    """Lift the locks (and forget the failures) of the LoginThrottle queryset ``rows``."""
    return int(rows.delete()[0])


class ThrottledModelBackend(ModelBackend):
    """Django's model backend that checks a password only when an attempt is left."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> Any:
        if request is None:
            return super().authenticate(request, username=username, password=password, **kwargs)
        ip = client_ip(request)
        if not take_attempt(username, ip):
            # PermissionDenied stops Django trying any other backend.
            raise PermissionDenied("too many failed log-ins")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            failed(username, ip)
        else:
            succeeded(username, ip)
        return user


class ThrottledAuthenticationForm(AuthenticationForm):
    """The log-in form, saying plainly when the attempts are used up, and until when, instead of
    "wrong password"."""

    # Django's own "Please enter a correct %(username)s…" has no Kazakh translation and would
    # come out half in English; these are the project's, in the words of the form's labels.
    error_messages = {
        "invalid_login": _("Wrong user name or password. Both are case-sensitive."),
        "inactive": _("This account is switched off. Ask an administrator."),
        "throttled": _("Too many failed log-ins for this user from your address: log-in is locked until %(time)s "
                       "(%(minutes)d minutes). An administrator can lift the lock sooner."),
    }

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except forms.ValidationError:
            until = locked_until(self.cleaned_data.get("username"), client_ip(self.request))
            if until is None:
                raise
        minutes = max(1, -(-int((until - timezone.now()).total_seconds()) // 60))  # rounded up
        raise forms.ValidationError(self.error_messages["throttled"], code="throttled", params={
            "time": time_format(timezone.localtime(until), "H:i"), "minutes": minutes})
