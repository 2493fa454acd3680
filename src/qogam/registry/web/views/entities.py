"""The pages of one organisation and of one person."""
from __future__ import annotations

from django.views.generic import DetailView

from qogam.registry.core.models import Organization, Person
from qogam.registry.web.views.public import ReadOnlyMixin


class OrganizationView(ReadOnlyMixin, DetailView):
    model = Organization
    template_name = "qogam/organization.html"
    context_object_name = "org"


class PersonView(ReadOnlyMixin, DetailView):
    model = Person
    template_name = "qogam/person.html"
    context_object_name = "person"
