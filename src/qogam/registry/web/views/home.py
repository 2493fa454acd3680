"""The home page: how much the registry holds, two charts and the latest statements."""
from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from qogam.registry.core.models import Organization, Person, Post, Source, Statement
from qogam.registry.web.views.public import ReadOnlyMixin


class HomeView(ReadOnlyMixin, TemplateView):
    template_name = "qogam/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["counts"] = {
            "organizations": Organization.objects.count(),
            "people": Person.objects.count(),
            "posts": Post.objects.count(),
            "statements": Statement.objects.count(),
            "sources": Source.objects.count(),
        }
        context["statements"] = Statement.objects.select_related("speaker").order_by("-date", "-pk")[:5]
        return context
