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


class LoginThrottle(models.Model):
    """The failed log-ins of ``username`` from ``ip`` and, once they reach the limit, the lock.

    One row a user name and address, counted with single conditional UPDATEs (see
    :mod:`.throttle`), so that concurrent attempts cannot all pass the check; kept in the
    database rather than a per-process cache so that every worker sees the same count.
    Deleting the row (Django admin's "Lift the lock") lifts the lock.
    """

    username = models.CharField(max_length=150, verbose_name=_("user name"))
    ip = models.CharField(max_length=45, blank=True, default="", verbose_name=_("address"))
    failures = models.PositiveIntegerField(default=0, verbose_name=_("failed log-ins"))
    last_failure_at = models.DateTimeField(null=True, blank=True, verbose_name=_("last failure"))
    locked_until = models.DateTimeField(null=True, blank=True, db_index=True, verbose_name=_("locked until"))

    class Meta:
        verbose_name = _("log-in lock")
        verbose_name_plural = pgettext_lazy("plural", "log-in locks")
        constraints = [models.UniqueConstraint(fields=["username", "ip"], name="login_throttle_unique")]

    def __str__(self) -> str:
        return f"{self.username} from {self.ip}: {self.failures}"
