"""Django admin for the registry; every save and delete made here goes to the audit log."""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from qogam.registry.core.models import (
    Area,
    AuditLog,
    Event,
    Evidence,
    Feed,
    Judgement,
    Membership,
    Merge,
    Organization,
    Person,
    Post,
    Proposal,
    Source,
    Statement,
)
from qogam.registry.core.services.audit import record, snapshot
from qogam.registry.core.services.review import bulk_accept, reject
from qogam.registry.core.services.sources import revise_text
from qogam.registry.errors import ReviewError

# Django's own Kazakh admin strings are incomplete and in places wrong ("Даңғо әкімшілігі",
# "Өшіру/Уақыт" for date/time): the project's catalogue, which comes first, corrects the ones
# staff see most, and the header names the project.
admin.site.site_header = _("Qogam administration")
admin.site.site_title = _("Qogam administration")
admin.site.index_title = _("Registry administration")


class AuditedAdmin(admin.ModelAdmin):
    """Writes an audit-log entry with before and after for every change made in the admin."""

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        before = snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change and obj.pk else None
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


class LinesField(forms.CharField):
    """A list of names edited one a line (instead of raw JSON)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, list):
            return "\n".join(str(v) for v in value)
        return super().prepare_value(value)

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list):
            return value
        return list(dict.fromkeys(line.strip() for line in str(value or "").splitlines() if line.strip()))


class AliasesForm(forms.ModelForm):
    aliases = LinesField(label=_("other names"), required=False, help_text=_("One a line."))


@admin.register(Area)
class AreaAdmin(AuditedAdmin):
    list_display = ["name_kk", "name_ru", "classification", "kato_code", "parent"]
    list_filter = ["classification"]
    search_fields = ["name_kk", "name_ru", "name_en", "kato_code", "slug"]
    autocomplete_fields = ["parent"]


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    form = AliasesForm
    list_display = ["name", "classification", "area", "bin"]
    list_filter = ["classification"]
    search_fields = ["name_kk", "name_ru", "name_key", "bin", "slug"]
    autocomplete_fields = ["area", "parent"]
    readonly_fields = ["name_key"]


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    form = AliasesForm
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


class SourceForm(forms.ModelForm):
    """A source's details; its text is read-only, and a correction makes a new revision."""

    correction = forms.CharField(
        label=_("Corrected text"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Correct a typo here to make a new revision of the text: evidence whose words are "
                    "unchanged moves with them, evidence on changed words goes back to review."),
    )

    class Meta:
        model = Source
        fields = ["title", "outlet", "url", "published", "language", "origin"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["correction"].initial = self.instance.text
        else:
            del self.fields["correction"]


@admin.register(Source)
class SourceAdmin(AuditedAdmin):
    """Sources come from ``qogam ingest`` (or the site's "add an article"); here their details
    are corrected. The text never changes in place under its evidence (see revise_text)."""

    form = SourceForm
    list_display = ["__str__", "outlet", "published", "language", "origin", "revision", "withdrawn_at"]
    list_filter = ["language", "outlet"]
    search_fields = ["title", "url", "text"]
    readonly_fields = ["text", "content_hash", "revision", "withdrawn_at", "withdrawn_reason"]
    fieldsets = [
        (None, {"fields": ["title", "outlet", "url", "published", "language", "origin"]}),
        (_("Text"), {"fields": ["text", "revision", "content_hash", "withdrawn_at", "withdrawn_reason"]}),
        (_("Correct the text"), {"classes": ["collapse"], "fields": ["correction"]}),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # an article is added by ingest, which extracts its proposals

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        correction = form.cleaned_data.get("correction")
        if change and correction is not None and correction.strip():
            try:
                report = revise_text(obj, correction, request.user, note="corrected in the admin")  # type: ignore[arg-type]
            except ReviewError as exc:
                self.message_user(request, str(exc), level=messages.ERROR)
                return
            if report.sent_back:
                self.message_user(request, _("%(n)d proposals went back to review: the correction changed their words.")
                                  % {"n": len(report.sent_back)}, level=messages.WARNING)


@admin.register(Feed)
class FeedAdmin(AuditedAdmin):
    list_display = ["__str__", "url", "area", "language", "active", "last_success_at", "failures", "last_error"]
    list_filter = ["active", "language"]
    search_fields = ["url", "outlet"]
    autocomplete_fields = ["area"]
    readonly_fields = ["last_polled_at", "last_success_at", "last_error", "last_error_at", "failures", "next_poll_at",
                       "items_stored"]


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


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never edited here: the audit log; judgements and merges, which change through the
    review pages of who is who (/review/candidates/, /review/merges/) so that the registry and
    the audit log stay whole."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Judgement)
class JudgementAdmin(ReadOnlyAdmin):
    list_display = ["kind", "left", "right", "verdict", "score", "user", "at"]
    list_filter = ["kind", "verdict"]


@admin.register(Merge)
class MergeAdmin(ReadOnlyAdmin):
    list_display = ["kind", "absorbed_id", "name", "survivor_id", "user", "at", "undone_at"]
    list_filter = ["kind"]


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "action", "model", "object_id", "note"]
    list_filter = ["action", "model"]
    readonly_fields = [f.name for f in AuditLog._meta.fields]
