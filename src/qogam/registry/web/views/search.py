"""Search: people and organisations by their name keys, areas by their names."""
from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from qogam.registry.web.search import LIMIT, search
from qogam.registry.web.views.public import ReadOnlyMixin

MAX_QUERY = 200


class SearchView(ReadOnlyMixin, TemplateView):
    template_name = "qogam/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:MAX_QUERY]
        context["q"] = query
        context["results"] = search(query) if query else None
        context["limit"] = LIMIT
        return context
