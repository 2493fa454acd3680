"""The pages of one organisation and of one person."""
from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.views.generic import DetailView

from qogam.registry.core.models import Event, Membership, Organization, Person, Statement
from qogam.registry.web.sources import SOURCES_SHOWN, sources_for
from qogam.registry.web.views.public import ReadOnlyMixin

STATEMENTS_SHOWN = 20


def _chronological(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    # Undated posts come first: they are mostly the ones the news mentions without a date,
    # and a reader looks for the dated history below them.
    return memberships.order_by(F("start_date").asc(nulls_first=True), F("end_date").asc(nulls_last=True), "role", "pk")


class OrganizationView(ReadOnlyMixin, DetailView):
    template_name = "qogam/organization.html"
    context_object_name = "org"
    queryset = Organization.objects.select_related("area", "parent")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        org: Organization = self.object
        memberships = list(_chronological(
            Membership.objects.filter(organization=org).select_related("person", "on_behalf_of", "post")))
        context["memberships"] = memberships
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


class PersonView(ReadOnlyMixin, DetailView):
    template_name = "qogam/person.html"
    context_object_name = "person"
    queryset = Person.objects.all()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        person: Person = self.object
        memberships = list(_chronological(
            person.memberships.select_related("organization", "on_behalf_of", "post")))
        statements = list(person.statements.select_related("event").order_by("-date", "-pk")[:STATEMENTS_SHOWN])
        events = list((Event.objects.filter(chair=person) | Event.objects.filter(participants=person))
                      .select_related("area", "chair").distinct()[:STATEMENTS_SHOWN])
        context.update(memberships=memberships, statements=statements, events=events)
        context["sources"] = list(sources_for([
            (Person, [person.pk]), (Membership, [m.pk for m in memberships]), (Statement, [s.pk for s in statements]),
        ])[:SOURCES_SHOWN])
        return context
