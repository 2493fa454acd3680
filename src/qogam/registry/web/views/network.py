"""The network view of a person, an organisation or an area.

The page carries the graph of :func:`qogam.registry.core.services.graph.network` twice: as
Cytoscape.js data in a ``<script type="application/json">`` block, which ``network.js`` draws
with Cytoscape.js (installed from npm by ``scripts/assets.sh``), and as plain lists of the
entries and links with the sources behind each link — what a reader without JavaScript, or
with a screen reader, gets.
"""
from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from qogam.registry.core.models import Area, Organization, Person, Source
from qogam.registry.core.services.graph import Graph, network
from qogam.registry.core.vocabularies import LinkKind, label
from qogam.registry.web.templatetags.qogam_web import local_name
from qogam.registry.web.views.entities import merged_redirect

LIBRARY = "qogam/vendor/cytoscape.min.js"

_PAGES = {"person": "web:person", "organization": "web:organization", "event": "web:event"}


def has_library() -> bool:
    """Whether the build installed Cytoscape.js (without it the page shows the lists only)."""
    return finders.find(LIBRARY) is not None


def _view(request: HttpRequest, kind: str, key: int | str, title: str, back: str) -> HttpResponse:
    try:
        graph = network(kind, key)
    except LookupError:
        raise Http404(f"no {kind} {key}") from None
    data = graph.cytoscape()
    for node in data["elements"]["nodes"]:
        node["data"]["url"] = reverse(_PAGES[node["data"]["kind"]], args=[node["data"]["pk"]])
    lists = _lists(graph)
    data["labels"] = {code: str(name) for code, name in LinkKind.choices}
    data["titles"] = lists["titles"]
    return render(request, "qogam/network.html", {
        "title": title, "back": back, "graph": graph, "data": data, "library": has_library(), "lists": lists,
        "counts": {k: graph.count(k) for k in ("person", "organization", "event")},
    })


def _lists(graph: Graph) -> dict[str, Any]:
    """The graph's nodes by kind and its links, with names and source titles, for the lists."""
    names = {n.id: n for n in graph.nodes}
    source_ids = sorted({s for e in graph.edges for s in e.sources})
    titles = dict(Source.objects.filter(pk__in=source_ids).values_list("pk", "title"))
    links = [{"edge": e, "from": names[e.source], "to": names[e.target], "kind": label(LinkKind, e.kind),
              "sources": [(s, titles.get(s) or f"#{s}") for s in e.sources]} for e in graph.edges]
    return {
        "people": [n for n in graph.nodes if n.kind == "person"],
        "organizations": [n for n in graph.nodes if n.kind == "organization"],
        "events": [n for n in graph.nodes if n.kind == "event"],
        "links": links,
        "titles": {pk: title for pk, title in titles.items() if title},
    }


def _gone(kind: str, pk: int, page: str) -> HttpResponse:
    """The network of the entry that absorbed entry ``pk``; a 404 when there is none."""
    moved = merged_redirect(kind, pk, page)
    if moved is None:
        raise Http404(f"no such {kind}")
    return moved


@require_safe
def person_network(request: HttpRequest, pk: int) -> HttpResponse:
    person = Person.objects.filter(pk=pk).first()
    if person is None:
        return _gone("person", pk, "web:person-network")
    return _view(request, "person", pk, _("Network of %(name)s") % {"name": person.name}, reverse("web:person", args=[pk]))


@require_safe
def organization_network(request: HttpRequest, pk: int) -> HttpResponse:
    org = Organization.objects.filter(pk=pk).first()
    if org is None:
        return _gone("organization", pk, "web:organization-network")
    return _view(request, "organization", pk, _("Network of %(name)s") % {"name": local_name(org)},
                 reverse("web:organization", args=[pk]))


@require_safe
def area_network(request: HttpRequest, slug: str) -> HttpResponse:
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        raise Http404("no such area")
    return _view(request, "area", slug, _("Network of %(name)s") % {"name": local_name(area)},
                 reverse("web:area", args=[slug]))
