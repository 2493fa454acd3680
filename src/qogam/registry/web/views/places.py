"""The pages of one area and of one event."""
from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.views.generic import DetailView

from qogam.registry.core.models import Area, Event, Organization, Statement
from qogam.registry.web.labels import GROUP_TITLES, GROUPS
from qogam.registry.web.sources import SOURCES_SHOWN, sources_for
from qogam.registry.web.views.downloads import downloads_of
from qogam.registry.web.views.home import time_charts
from qogam.registry.web.views.public import ReadOnlyMixin

SHOWN = 50
# Kazakhstan → region → district → rural district → village: four levels below the country.
_MAX_DEPTH = 5


def subtree_ids(area: Area) -> list[int]:
    """Return the ids of ``area`` and every area below it (one query per level)."""
    found, level = [area.pk], [area.pk]
    for _ in range(_MAX_DEPTH):
        level = list(Area.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        if not level:
            break
        found.extend(level)
    return found


class AreaView(ReadOnlyMixin, DetailView):
    template_name = "qogam/area.html"
    context_object_name = "area"
    queryset = Area.objects.select_related("parent")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        area: Area = self.object
        ids = subtree_ids(area)
        context.update(downloads_of(area.slug))
        context["children"] = list(area.children.annotate(n_organizations=Count("organizations"))
                                   .order_by("classification", "name_kk"))
        in_area = Organization.objects.filter(area_id__in=ids).select_related("area")
        groups = []
        for group, types in GROUPS.items():
            members = in_area.filter(classification__in=types).order_by("name_kk", "name_ru", "pk")
            rows = list(members[:SHOWN + 1])
            groups.append({"key": group, "title": GROUP_TITLES[group], "rows": rows[:SHOWN], "more": len(rows) > SHOWN})
        context["groups"] = groups
        context["events"] = list(Event.objects.filter(area_id__in=ids).select_related("chair")[:SHOWN])
        context["time_charts"] = time_charts(ids, area if context["children"] else None)
        return context


class EventView(ReadOnlyMixin, DetailView):
    template_name = "qogam/event.html"
    context_object_name = "event"
    queryset = Event.objects.select_related("area", "organization", "chair")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        event: Event = self.object
        statements = list(Statement.objects.filter(event=event).select_related("speaker", "event").order_by("pk"))
        context["participants"] = list(event.participants.order_by("family_name", "name"))
        context["statements"] = statements
        context["sources"] = list(sources_for([(Event, [event.pk]), (Statement, [s.pk for s in statements])])[:SOURCES_SHOWN])
        return context
