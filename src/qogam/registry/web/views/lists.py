"""Paginated lists of organisations, people and areas."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from qogam.registry.core.models import Area, Membership, Organization, Person, Source
from qogam.registry.web.labels import GROUP_TITLES, GROUPS
from qogam.registry.web.views.places import subtree_ids
from qogam.registry.web.views.public import PAGE_SIZE, ReadOnlyMixin


class OrganizationListView(ReadOnlyMixin, ListView):
    template_name = "qogam/organization_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "organizations"

    def get_queryset(self) -> QuerySet[Organization]:
        organizations = Organization.objects.select_related("area", "parent")
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
        # Pagination links keep the filters.
        context["filters"] = urlencode({k: v for k, v in (("area", self.area.slug if self.area else ""),
                                                          ("group", self.group if self.group in GROUPS else "")) if v})
        return context


class PersonListView(ReadOnlyMixin, ListView):
    template_name = "qogam/person_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "people"

    def get_queryset(self) -> QuerySet[Person]:
        return Person.objects.order_by("family_name", "name", "pk")

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
        return Source.objects.defer("text").order_by("-published", "-pk")
