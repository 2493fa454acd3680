"""API tokens: a staff member's key for the API, made and revoked by ``qogam token`` and the admin.

Only the key's SHA-256 is stored; the key itself is shown once, when it is made.
"""
from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name=_("user"))
    name = models.CharField(max_length=100, blank=True, verbose_name=_("name"))
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False, help_text=_("The key's first characters, to recognise it."))
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked"))

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = pgettext_lazy("plural", "API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} {self.prefix}… {self.name}".strip()

    @classmethod
    def make(cls, user: object, name: str = "") -> tuple[ApiToken, str]:
        """A new token for ``user``; returns it and its key (shown once)."""
        key = "qgm_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name[:100], key_hash=digest(key), prefix=key[4:12])
        return token, key

    @classmethod
    def user_of(cls, key: str) -> object | None:
        """The active user whose unrevoked token ``key`` is, or None."""
        token = cls.objects.select_related("user").filter(key_hash=digest(key), revoked_at__isnull=True).first()
        if token is None or not token.user.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
