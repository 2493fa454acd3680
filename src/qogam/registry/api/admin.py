"""API tokens in the admin: listed and revoked there; made by ``qogam token create`` (the key is shown once)."""
from __future__ import annotations

from django.contrib import admin

from qogam.registry.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request: object) -> bool:  # type: ignore[override]
        return False  # a key is shown once, by `qogam token create`
