"""Search: people and organisations by their name keys, areas by their names."""
from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from qogam.registry.web.views.public import ReadOnlyMixin


class SearchView(ReadOnlyMixin, TemplateView):
    template_name = "qogam/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["q"] = self.request.GET.get("q", "").strip()[:200]
        return context
