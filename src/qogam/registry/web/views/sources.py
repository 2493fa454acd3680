"""The page of one source: its text with every accepted fact highlighted, and what awaits review."""
from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.urls import reverse
from django.views.generic import DetailView

from qogam.registry.core.models import (
    Area,
    Event,
    Evidence,
    Membership,
    Organization,
    Person,
    Post,
    Proposal,
    Source,
    Statement,
)
from qogam.registry.core.vocabularies import ProposalKind, label
from qogam.registry.review.access import scope_of
from qogam.registry.web.highlight import Span, highlight
from qogam.registry.web.views.public import ReadOnlyMixin


def _link(model: type[Model], object_id: int, fields: dict[str, Any]) -> tuple[str, str]:
    """Return (kind, url) for a fact of ``model``; ``fields`` holds the few columns it needs."""
    if model is Person:
        return "person", reverse("web:person", args=[object_id])
    if model is Organization:
        return "organization", reverse("web:organization", args=[object_id])
    if model is Area:
        return "place", reverse("web:area", args=[fields["slug"]])
    if model is Event:
        return "event", reverse("web:event", args=[object_id])
    if model is Membership:
        return "post", reverse("web:person", args=[fields["person_id"]])
    if model is Statement and fields.get("speaker_id"):
        return "statement", reverse("web:person", args=[fields["speaker_id"]]) + f"#statement-{object_id}"
    if model is Post and fields.get("organization_id"):
        return "post", reverse("web:organization", args=[fields["organization_id"]])
    return model._meta.model_name or "fact", ""


_COLUMNS: dict[type[Model], tuple[str, ...]] = {
    Area: ("slug",), Membership: ("person_id",), Statement: ("speaker_id",), Post: ("organization_id",),
}


def evidence_spans(source: Source) -> list[Span]:
    """Return the spans of ``source`` that accepted registry facts rest on, with links to them.

    One query for the evidence and at most one per model that needs a column to be linked.
    """
    rows = list(Evidence.objects.filter(source=source).values_list("content_type_id", "object_id", "start", "end"))
    by_type: dict[int, set[int]] = {}
    for type_id, object_id, _start, _end in rows:
        by_type.setdefault(type_id, set()).add(object_id)
    columns: dict[tuple[int, int], dict[str, Any]] = {}
    models: dict[int, type[Model]] = {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        models[type_id] = model
        wanted = _COLUMNS.get(model)
        if wanted:
            for values in model._default_manager.filter(pk__in=ids).values("pk", *wanted):
                columns[(type_id, values["pk"])] = values
    spans = []
    for type_id, object_id, start, end in rows:
        model = models.get(type_id)
        if model is None or (model in _COLUMNS and (type_id, object_id) not in columns):
            continue  # the fact was deleted since; its evidence row will follow
        kind, url = _link(model, object_id, columns.get((type_id, object_id), {}))
        spans.append(Span(start, end, kind, _label(kind), url))
    return spans


def _label(kind: str) -> str:
    return label(ProposalKind, kind)


class SourceView(ReadOnlyMixin, DetailView):
    template_name = "qogam/source.html"
    context_object_name = "source"
    queryset = Source.objects.public().select_related("duplicate_of")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        source: Source = self.object
        spans = evidence_spans(source)
        context["article"] = highlight(source.text, spans)
        context["n_facts"] = len(spans)
        # what awaits review is counted, never shown: unconfirmed facts about named people are
        # for the staff (the review page), not for the public
        context["n_pending"] = source.proposals.filter(status=Proposal.Status.PENDING).count()
        if context["n_pending"] and scope_of(self.request.user).allowed:
            context["source_review_url"] = reverse("review:source", args=[source.pk])
        return context
