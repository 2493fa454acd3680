"""The pages of one organisation and of one person."""
from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.generic import DetailView

from qogam.registry.core.models import Event, Evidence, Membership, Organization, Person, Statement
from qogam.registry.core.services.resolution import absorbed_ids, canonical
from qogam.registry.core.vocabularies import role_label
from qogam.registry.web.charts import timeline
from qogam.registry.web.sources import SOURCES_SHOWN, sources_for
from qogam.registry.web.views.public import ReadOnlyMixin

STATEMENTS_SHOWN = 20


def _chronological(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    # Undated posts come first: they are mostly the ones the news mentions without a date,
    # and a reader looks for the dated history below them.
    return memberships.order_by(F("start_date").asc(nulls_first=True), F("end_date").asc(nulls_last=True), "role", "pk")


def merged_redirect(kind: str, pk: int, page: str) -> HttpResponse | None:
    """The redirect to ``page`` of the entry that absorbed entry ``pk``, if it was merged (a
    split brings it back, so the redirect is temporary); None otherwise."""
    target = canonical(kind, pk)
    return HttpResponseRedirect(reverse(page, args=[target])) if target != pk else None


class FollowsMerges:
    """The page of an entry merged into another redirects to that one's."""

    kind = ""
    page = ""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().get(request, *args, **kwargs)  # type: ignore[misc, no-any-return]
        except Http404:
            moved = merged_redirect(self.kind, int(kwargs["pk"]), self.page)
            if moved is None:
                raise
            return moved


def _seen(memberships: list[Membership]) -> dict[int, list[Any]]:
    """The publication days of the articles behind each membership (one query)."""
    found: dict[int, set[Any]] = {}
    rows = Evidence.objects.filter(content_type=ContentType.objects.get_for_model(Membership),
                                   object_id__in=[m.pk for m in memberships], source__withdrawn_at=None,
                                   ).exclude(source__published=None)
    for pk, day in rows.values_list("object_id", "source__published"):
        found.setdefault(pk, set()).add(day)
    return {pk: sorted(days) for pk, days in found.items()}


class OrganizationView(FollowsMerges, ReadOnlyMixin, DetailView):
    kind = "organization"
    page = "web:organization"
    template_name = "qogam/organization.html"
    context_object_name = "org"
    queryset = Organization.objects.select_related("area", "parent")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        org: Organization = self.object
        memberships = list(_chronological(
            Membership.objects.filter(organization=org).select_related("person", "on_behalf_of", "post")))
        context["memberships"] = memberships
        seen = _seen(memberships)
        context["timeline"] = timeline([(f"{m.person} — {role_label(m.role)}", m.start_date, m.end_date, seen.get(m.pk, []))
                                        for m in memberships])
        context["absorbed"] = absorbed_ids("organization", org.pk)
        context["has_seats"] = any(m.on_behalf_of_id for m in memberships)
        context["seats_elsewhere"] = list(_chronological(
            Membership.objects.filter(on_behalf_of=org).select_related("person", "organization")))
        context["children"] = list(org.children.order_by("name_kk", "name_ru"))
        people_ids = {m.person_id for m in memberships}
        context["statements"] = list(Statement.objects.filter(speaker_id__in=people_ids)
                                     .select_related("speaker", "event").order_by("-date", "-pk")[:STATEMENTS_SHOWN])
        context["events"] = list(Event.objects.filter(organization=org).select_related("chair")[:STATEMENTS_SHOWN])
        context["sources"] = list(sources_for([
            (Organization, [org.pk]), (Membership, [m.pk for m in memberships]),
        ])[:SOURCES_SHOWN])
        return context


class PersonView(FollowsMerges, ReadOnlyMixin, DetailView):
    kind = "person"
    page = "web:person"
    template_name = "qogam/person.html"
    context_object_name = "person"
    queryset = Person.objects.all()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        person: Person = self.object
        memberships = list(_chronological(
            person.memberships.select_related("organization", "on_behalf_of", "post")))
        statements = list(person.statements.select_related("event").order_by("-date", "-pk")[:STATEMENTS_SHOWN])
        seen = _seen(memberships)
        events = list((Event.objects.filter(chair=person) | Event.objects.filter(participants=person))
                      .select_related("area", "chair").distinct()[:STATEMENTS_SHOWN])
        context.update(memberships=memberships, statements=statements, events=events,
                       absorbed=absorbed_ids("person", person.pk),
                       timeline=timeline([(f"{role_label(m.role)} — {m.organization or m.on_behalf_of or ''}".rstrip(" —"),
                                           m.start_date, m.end_date, seen.get(m.pk, [])) for m in memberships]))
        context["sources"] = list(sources_for([
            (Person, [person.pk]), (Membership, [m.pk for m in memberships]), (Statement, [s.pk for s in statements]),
        ])[:SOURCES_SHOWN])
        return context
