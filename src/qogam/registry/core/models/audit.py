"""The audit log: every change to registry data, who made it, when, before and after."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AuditLog(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", "create"
        UPDATE = "update", "update"
        DELETE = "delete", "delete"
        ACCEPT = "accept", "accept"
        REJECT = "reject", "reject"
        MERGE = "merge", "merge"
        REVERT = "revert", "revert"
        WITHDRAW = "withdraw", "withdraw"
        REVISE = "revise", "revise"
        JUDGE = "judge", "judge"
        SPLIT = "split", "split"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    model = models.CharField(max_length=60, help_text="app_label.model")
    object_id = models.CharField(max_length=40)
    action = models.CharField(max_length=10, choices=Action.choices)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = pgettext_lazy("plural", "audit log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user or 'system'} {self.action} {self.model}#{self.object_id}"
