"""The pages of one area and of one event."""
from __future__ import annotations

from django.views.generic import DetailView

from qogam.registry.core.models import Area
from qogam.registry.web.views.public import ReadOnlyMixin


class AreaView(ReadOnlyMixin, DetailView):
    model = Area
    template_name = "qogam/area.html"
    context_object_name = "area"
