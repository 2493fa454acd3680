"""Django admin for staff roles (how an admin makes an account an editor or a reviewer) and
log-in locks (who is locked out, until when; lifting a lock)."""
from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from qogam.registry.core.models import AuditLog
from qogam.registry.core.services.audit import record
from qogam.registry.review.models import LoginThrottle, StaffRole
from qogam.registry.review.throttle import lift


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "area"]
    list_filter = ["role"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["area"]
    search_fields = ["user__username"]


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin):
    """Who is being throttled, and until when; "Lift the lock" (or deleting the row) lifts it."""

    list_display = ["username", "ip", "failures", "last_failure_at", "locked_until"]
    search_fields = ["username", "ip"]
    actions = ["lift_locks"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    @admin.action(description=_("Lift the lock"))
    def lift_locks(self, request: HttpRequest, queryset: QuerySet[LoginThrottle]) -> None:
        for row in queryset:
            record(request.user, row, AuditLog.Action.DELETE, {"username": row.username, "ip": row.ip,
                                                               "locked_until": str(row.locked_until)}, None,
                   "log-in lock lifted")
        lifted = lift(queryset)
        self.message_user(request, ngettext("%(count)d lock lifted.", "%(count)d locks lifted.", lifted) % {"count": lifted})
