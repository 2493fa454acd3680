"""Django admin for staff roles: how an admin makes an account an editor or a reviewer."""
from __future__ import annotations

from django.contrib import admin

from qogam.registry.review.models import LoginFailure, StaffRole


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "area"]
    list_filter = ["role"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["area"]
    search_fields = ["user__username"]


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    """Read-only: shows who is being throttled; deleting the rows lifts a lock."""

    list_display = ["username", "ip", "at"]
    search_fields = ["username", "ip"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
