"""Django admin for the registry; every save and delete made here goes to the audit log."""
from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from qogam.registry.core.models import (
    Area, AuditLog, Event, Evidence, Membership, Organization, Person, Post, Proposal, Source, Statement,
)
from qogam.registry.core.services.audit import record, snapshot
from qogam.registry.core.services.review import bulk_accept, reject


class AuditedAdmin(admin.ModelAdmin):
    """Writes an audit-log entry with before and after for every change made in the admin."""

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        record(request.user, obj, "update" if change else "create", before, snapshot(obj), note="admin")

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        before = snapshot(form.instance)
        super().save_related(request, form, formsets, change)
        after = snapshot(form.instance)
        if after != before:
            record(request.user, form.instance, "update", before, after, note="admin (relations)")

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        record(request.user, obj, "delete", snapshot(obj), None, note="admin")
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            record(request.user, obj, "delete", snapshot(obj), None, note="admin")
        super().delete_queryset(request, queryset)


@admin.register(Area)
class AreaAdmin(AuditedAdmin):
    list_display = ["name_kk", "name_ru", "classification", "kato_code", "parent"]
    list_filter = ["classification"]
    search_fields = ["name_kk", "name_ru", "name_en", "kato_code", "slug"]
    autocomplete_fields = ["parent"]


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    list_display = ["name", "classification", "area", "bin"]
    list_filter = ["classification"]
    search_fields = ["name_kk", "name_ru", "name_key", "bin", "slug"]
    autocomplete_fields = ["area", "parent"]
    readonly_fields = ["name_key"]


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["name", "name_latin", "family_name", "given_name"]
    search_fields = ["name", "name_key", "name_latin"]
    readonly_fields = ["name_key", "name_latin"]


@admin.register(Post)
class PostAdmin(AuditedAdmin):
    list_display = ["role", "label", "organization", "area"]
    search_fields = ["role", "label"]
    autocomplete_fields = ["organization", "area"]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["person", "role", "organization", "on_behalf_of", "start_date", "end_date"]
    search_fields = ["person__name", "role"]
    autocomplete_fields = ["person", "organization", "on_behalf_of", "post"]


@admin.register(Event)
class EventAdmin(AuditedAdmin):
    list_display = ["__str__", "classification", "start_date", "area", "chair"]
    search_fields = ["name", "topic"]
    autocomplete_fields = ["area", "organization", "chair", "participants"]


@admin.register(Statement)
class StatementAdmin(AuditedAdmin):
    list_display = ["__str__", "speaker", "date", "language"]
    search_fields = ["text"]
    autocomplete_fields = ["speaker", "event"]


@admin.register(Source)
class SourceAdmin(AuditedAdmin):
    list_display = ["__str__", "outlet", "published", "language", "origin"]
    search_fields = ["title", "url", "text"]
    readonly_fields = ["content_hash"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["source", "content_type", "object_id", "start", "end", "rule"]
    list_filter = ["content_type"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "status", "confidence", "source", "decided_by", "decided_at"]
    list_filter = ["status", "kind"]
    search_fields = ["label", "key"]
    readonly_fields = [f.name for f in Proposal._meta.fields]
    actions = ["accept_selected", "reject_selected"]

    @admin.action(description="Accept selected pending proposals", permissions=["change"])
    def accept_selected(self, request: HttpRequest, queryset: QuerySet[Proposal]) -> None:
        report = bulk_accept(queryset, request.user, min_confidence=0.0)
        self.message_user(request, f"{len(report.accepted)} accepted, {len(report.failed)} not: "
                          + "; ".join(report.failed.values())[:500])

    @admin.action(description="Reject selected pending proposals", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Proposal]) -> None:
        done = 0
        for proposal in queryset.filter(status=Proposal.Status.PENDING):
            reject(proposal, request.user)
            done += 1
        self.message_user(request, f"{done} rejected")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "model", "object_id", "note"]
    list_filter = ["action", "model"]
    readonly_fields = [f.name for f in AuditLog._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
