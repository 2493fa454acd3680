"""The home page: how much the registry holds, two charts and the latest statements."""
from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from qogam.registry.core.models import Area, Organization, Person, Post, Proposal, Source, Statement
from qogam.registry.core.vocabularies import role_label
from qogam.registry.web.charts import bar_chart
from qogam.registry.web.templatetags.qogam_web import local_name
from qogam.registry.web.views.public import ReadOnlyMixin

# The region whose districts the home page charts: where the project's centres are.
REGION_SLUG = "kz-turkistan"
ROLES_SHOWN = 10
LATEST = 5


def organizations_per_district(region_slug: str = REGION_SLUG) -> list[tuple[str, int]]:
    """Return (district or city name, organisations registered in it) for the region, most first."""
    areas = (Area.objects.filter(parent__slug=region_slug).annotate(n=Count("organizations"))
             .order_by("-n", "name_kk"))
    return [(local_name(area), area.n) for area in areas]


def posts_per_role(limit: int = ROLES_SHOWN) -> list[tuple[str, int]]:
    """Return (role, number of posts with it) for the commonest roles, most first."""
    rows = Post.objects.values("role").annotate(n=Count("pk")).order_by("-n", "role")[:limit]
    return [(role_label(row["role"]), row["n"]) for row in rows]


class HomeView(ReadOnlyMixin, TemplateView):
    template_name = "qogam/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["counts"] = {
            "organizations": Organization.objects.count(),
            "people": Person.objects.count(),
            "posts": Post.objects.count(),
            "statements": Statement.objects.count(),
            "sources": Source.objects.public().count(),
        }
        charts = []
        districts = organizations_per_district()
        if districts:
            title = _("Organisations per district of Turkistan region")
            charts.append({"title": title, "svg": bar_chart(districts, title)})
        roles = posts_per_role()
        if roles:
            title = _("Posts per role")
            charts.append({"title": title, "svg": bar_chart(roles, title)})
        context["charts"] = charts
        # The newest ids first, on the narrow table; then the rows with their speakers. Sorting
        # the joined rows instead costs tens of milliseconds at 25,000 statements.
        latest = list(Statement.objects.order_by("-date", "-pk").values_list("pk", flat=True)[:LATEST])
        context["statements"] = list(Statement.objects.filter(pk__in=latest).select_related("speaker", "event")
                                     .order_by("-date", "-pk"))
        # Newest publication first, as the dates beside them read (an index on it keeps it cheap).
        context["sources"] = list(Source.objects.public().defer("text").order_by("-published", "-pk")[:LATEST])
        context["pending"] = Proposal.objects.filter(status=Proposal.Status.PENDING, source__withdrawn_at__isnull=True).count()
        return context
