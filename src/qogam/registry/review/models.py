"""Staff roles (the personas that may review) and the record of failed log-ins."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StaffRole(models.Model):
    """What one account may review: an editor one area (and everything inside it), a reviewer all.

    Superusers need no role: they are the admins and may do everything. An account with no
    role and no superuser flag may log in but is refused the queue.
    """

    class Role(models.TextChoices):
        EDITOR = "editor", _("editor (one district)")
        REVIEWER = "reviewer", _("reviewer (the whole region)")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_role")
    role = models.CharField(max_length=10, choices=Role.choices)
    area = models.ForeignKey(
        "core.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("The editor's district (or city); its rural districts and villages are included."),
    )

    class Meta:
        verbose_name = _("staff role")
        verbose_name_plural = pgettext_lazy("plural", "staff roles")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="editor") | models.Q(area__isnull=False), name="staffrole_editor_has_area",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.role}{' of ' + str(self.area) if self.area_id else ''}"

    def clean(self) -> None:
        if self.role == self.Role.EDITOR and self.area_id is None:
            raise ValidationError({"area": _("An editor needs the district they edit.")})

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().save(*args, **kwargs)
        # Staff of the centres are "staff" to Django too (the site shows them the queue); the
        # admin still shows them nothing unless a superuser grants model permissions.
        if not self.user.is_staff:
            self.user.is_staff = True
            self.user.save(update_fields=["is_staff"])


class LoginFailure(models.Model):
    """One failed log-in for ``username`` from ``ip``; counted per window by :mod:`.throttle`.

    Kept in the database rather than a per-process cache so that every worker of a WSGI
    server sees the same count.
    """

    username = models.CharField(max_length=150)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed log-in")
        verbose_name_plural = pgettext_lazy("plural", "failed log-ins")
        indexes = [models.Index(fields=["username", "ip", "at"])]

    def __str__(self) -> str:
        return f"{self.username} from {self.ip} at {self.at:%Y-%m-%d %H:%M}"
