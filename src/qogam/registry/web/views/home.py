"""The home page: how much the registry holds, two charts and the latest statements."""
from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from qogam.registry.core.models import Area, Organization, Person, Post, Proposal, Source, Statement
from qogam.registry.core.vocabularies import role_label
from qogam.registry.web.charts import bar_chart, columns, grouped_bars
from qogam.registry.web.stats import ngos_and_seats, per_month
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


def chart(title: str, svg: Any, heads: list[str], series: list[str], rows: list[tuple[str, list[int]]]) -> dict[str, Any]:
    """A chart and the table of its numbers (shown beside it, for screen readers and for copying)."""
    return {"title": title, "svg": svg, "series": series if len(series) > 1 else [],
            "table": {"headers": [*heads, *series], "rows": [[label, *values] for label, values in rows]}}


def time_charts(area_ids: list[int] | None, districts_of: Area | None) -> list[dict[str, Any]]:
    """Facts and statements per month (of ``area_ids``, or everywhere), and NGOs and council
    seats per area under ``districts_of``."""
    out = []
    series = [_("Facts"), _("Statements")]
    months = per_month(area_ids)
    if months:
        title = _("Facts and statements per month")
        out.append(chart(title, columns(months, series, title), [_("Month")], series, months))
    if districts_of is not None:
        rows = [row for row in ngos_and_seats(districts_of) if any(row[1])]
        if rows:
            title = _("NGOs and council seats per district")
            seats = [_("NGOs"), _("Council seats")]
            out.append(chart(title, grouped_bars(rows, seats, title), [_("District")], seats, rows))
    return out


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
            charts.append(chart(title, bar_chart(districts, title), [_("District")], [_("Organisations")],
                                [(label, [n]) for label, n in districts]))
        roles = posts_per_role()
        if roles:
            title = _("Posts per role")
            charts.append(chart(title, bar_chart(roles, title), [_("Role")], [_("Posts")], [(label, [n]) for label, n in roles]))
        context["charts"] = charts
        context["time_charts"] = time_charts(None, Area.objects.filter(slug=REGION_SLUG).first())
        # The newest ids first, on the narrow table; then the rows with their speakers. Sorting
        # the joined rows instead costs tens of milliseconds at 25,000 statements.
        latest = list(Statement.objects.order_by("-date", "-pk").values_list("pk", flat=True)[:LATEST])
        context["statements"] = list(Statement.objects.filter(pk__in=latest).select_related("speaker", "event")
                                     .order_by("-date", "-pk"))
        # Newest publication first, as the dates beside them read (an index on it keeps it cheap).
        context["sources"] = list(Source.objects.public().defer("text").order_by("-published", "-pk")[:LATEST])
        context["pending"] = Proposal.objects.filter(status=Proposal.Status.PENDING, source__withdrawn_at__isnull=True).count()
        return context
