"""Paginated lists of organisations, people and areas."""
from __future__ import annotations

from django.db.models import Count, QuerySet
from django.views.generic import ListView

from qogam.registry.core.models import Area, Organization, Person
from qogam.registry.web.views.public import PAGE_SIZE, ReadOnlyMixin


class OrganizationListView(ReadOnlyMixin, ListView):
    template_name = "qogam/organization_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "organizations"

    def get_queryset(self) -> QuerySet[Organization]:
        return Organization.objects.select_related("area", "parent").order_by("name_kk", "name_ru", "pk")


class PersonListView(ReadOnlyMixin, ListView):
    template_name = "qogam/person_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "people"

    def get_queryset(self) -> QuerySet[Person]:
        return Person.objects.annotate(n_memberships=Count("memberships")).order_by("family_name", "name", "pk")


class AreaListView(ReadOnlyMixin, ListView):
    template_name = "qogam/area_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "areas"

    def get_queryset(self) -> QuerySet[Area]:
        return (Area.objects.select_related("parent").annotate(n_organizations=Count("organizations"))
                .order_by("classification", "name_kk", "pk"))
