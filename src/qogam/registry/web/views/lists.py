"""Paginated lists of organisations, people, areas, sources, events, statements and posts, with filters."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from qogam.registry.core.models import Area, Event, Membership, Organization, Person, Source, Statement
from qogam.registry.core.vocabularies import EventType, OrganizationType
from qogam.registry.web.filters import Filtered
from qogam.registry.web.labels import GROUP_TITLES, GROUPS
from qogam.registry.web.views.downloads import downloads_of
from qogam.registry.web.views.places import subtree_ids
from qogam.registry.web.views.public import PAGE_SIZE, ReadOnlyMixin


class OrganizationListView(Filtered, ReadOnlyMixin, ListView):
    template_name = "qogam/organization_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "organizations"
    filters = ("type", "q")
    types = staticmethod(lambda: list(OrganizationType.choices))
    text_fields = ("name_kk", "name_ru", "bin")

    def get_queryset(self) -> QuerySet[Organization]:
        organizations = self.filtered(Organization.objects.select_related("area", "parent"))
        self.area = None
        slug = self.request.GET.get("area", "")
        if slug:
            self.area = get_object_or_404(Area, slug=slug)
            organizations = organizations.filter(area_id__in=subtree_ids(self.area))
        self.group = self.request.GET.get("group", "")
        if self.group in GROUPS:
            organizations = organizations.filter(classification__in=GROUPS[self.group])
        return organizations.order_by("name_kk", "name_ru", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["area"] = self.area
        context["group_title"] = GROUP_TITLES.get(self.group)
        if self.area is not None:
            context.update(downloads_of(self.area.slug))
        # Pagination links keep the filters (the mixin's and the area's and group's).
        context["filters"] = "&".join(f for f in [
            urlencode({k: v for k, v in (("area", self.area.slug if self.area else ""),
                                         ("group", self.group if self.group in GROUPS else "")) if v}),
            context["filters"]] if f)
        return context


class PersonListView(Filtered, ReadOnlyMixin, ListView):
    template_name = "qogam/person_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "people"
    filters = ("area", "q")
    text_fields = ("name", "name_latin")

    def apply_area(self, rows: QuerySet[Person], ids: list[int]) -> QuerySet[Person]:
        return rows.filter(pk__in=Membership.objects.filter(organization__area_id__in=ids).values("person_id"))

    def get_queryset(self) -> QuerySet[Person]:
        return self.filtered(Person.objects.all()).order_by("family_name", "name", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Memberships are counted for the page's people only, in one query: annotating the
        # whole table before paginating it costs a grouped scan of every person.
        people = context["people"]
        counts = dict(Membership.objects.filter(person_id__in=[p.pk for p in people])
                      .values_list("person_id").annotate(n=Count("pk")).values_list("person_id", "n"))
        for person in people:
            person.n_memberships = counts.get(person.pk, 0)
        return context


class AreaListView(ReadOnlyMixin, ListView):
    template_name = "qogam/area_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "areas"

    def get_queryset(self) -> QuerySet[Area]:
        return (Area.objects.select_related("parent").annotate(n_organizations=Count("organizations"))
                .order_by("classification", "name_kk", "pk"))


class SourceListView(ReadOnlyMixin, ListView):
    template_name = "qogam/source_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "sources"

    def get_queryset(self) -> QuerySet[Source]:
        return Source.objects.public().defer("text").order_by("-published", "-pk")


class EventListView(Filtered, ReadOnlyMixin, ListView):
    template_name = "qogam/event_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "events"
    filters = ("area", "type", "since", "until", "q")
    types = staticmethod(lambda: list(EventType.choices))
    area_fields = ("area_id", "organization__area_id")
    date_field = "start_date"
    text_fields = ("name", "topic", "chair__name")

    def get_queryset(self) -> QuerySet[Event]:
        return (self.filtered(Event.objects.select_related("area", "organization", "chair"))
                .annotate(n_participants=Count("participants")).order_by("-start_date", "-pk"))


class StatementListView(Filtered, ReadOnlyMixin, ListView):
    template_name = "qogam/statement_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "statements"
    filters = ("area", "since", "until", "q")
    area_fields = ("event__area_id", "speaker__memberships__organization__area_id")
    date_field = "date"
    text_fields = ("text", "speaker__name")
    distinct = True  # a speaker with two posts in the area is one row

    def get_queryset(self) -> QuerySet[Statement]:
        return self.filtered(Statement.objects.select_related("speaker", "event")).order_by("-date", "-pk")


class PostListView(Filtered, ReadOnlyMixin, ListView):
    """Posts and memberships: who holds which role where, since when, on whose behalf."""

    template_name = "qogam/post_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "memberships"
    filters = ("area", "type", "since", "until", "q")
    types = staticmethod(lambda: list(OrganizationType.choices))
    area_fields = ("organization__area_id",)
    type_field = "organization__classification"
    text_fields = ("person__name", "role", "organization__name_kk", "organization__name_ru")

    def apply_since(self, rows: QuerySet[Membership], value: Any) -> QuerySet[Membership]:
        return rows.filter(Q(end_date__isnull=True) | Q(end_date__gte=value))  # held on or after the date

    def apply_until(self, rows: QuerySet[Membership], value: Any) -> QuerySet[Membership]:
        return rows.filter(Q(start_date__isnull=True) | Q(start_date__lte=value))

    def get_queryset(self) -> QuerySet[Membership]:
        return (self.filtered(Membership.objects.select_related("person", "organization", "on_behalf_of", "post"))
                .order_by("person__family_name", "person__name", "pk"))
