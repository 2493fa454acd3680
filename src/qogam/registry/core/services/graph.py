"""The registry as a graph: people, organisations and events, and the links between them.

Two uses. :func:`network` is the neighbourhood of one person, organisation or area for the
network view and ``/api/v1/…/graph``: the entries within two links of it (posts and
memberships, seats on behalf of a body, a body's parent, the events they held or attended),
the people and bodies named in the same articles as it, and every link among them — each
link with the sources behind it. :func:`registry_edges` and :func:`registry_nodes` stream the
whole registry's people and organisations and their posts, memberships and seats on behalf
of, for the GEXF and Cytoscape exports.

Nodes are ``person-ID``, ``organization-ID`` and ``event-ID``; the kinds of edge are those of
:class:`~qogam.registry.core.vocabularies.LinkKind`: ``post`` (a membership in a post),
``membership``, ``on_behalf_of`` (from the person holding the seat to the body it is held
for), ``part_of`` (a body in its parent), ``chair``, ``participant``, ``held_by`` (an event
and its body) and ``mentioned`` (named in the same article as the centre).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from qogam.registry.core.exports.selection import chunks
from qogam.registry.core.models import Area, Event, Evidence, Membership, Organization, Person
from qogam.registry.core.vocabularies import LinkKind as Link

#: The most nodes a network view holds; past it the farthest entries are left out (and said so).
MAX_NODES = 400
DEPTH = 2


@dataclass(slots=True)
class Node:
    id: str
    kind: str  # person, organization, event
    label: str
    classification: str = ""  # an organisation's type, an event's type
    pk: int = 0


@dataclass(slots=True)
class Edge:
    id: str
    source: str
    target: str
    kind: str
    role: str = ""
    start: str = ""
    end: str = ""
    sources: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Graph:
    nodes: list[Node]
    edges: list[Edge]
    centre: str = ""
    truncated: bool = False

    def cytoscape(self) -> dict[str, Any]:
        """The graph as Cytoscape.js JSON: ``{"elements": {"nodes": [...], "edges": [...]}}``."""
        return {
            "data": {"centre": self.centre, "truncated": self.truncated},
            "elements": {
                "nodes": [{"data": _clean(asdict(n))} for n in self.nodes],
                "edges": [{"data": _clean(asdict(e))} for e in self.edges],
            },
        }

    def count(self, kind: str) -> int:
        return sum(1 for n in self.nodes if n.kind == kind)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in ("", None) or k in ("id", "source", "target", "label")}


def node_id(kind: str, pk: int) -> str:
    return f"{kind}-{pk}"


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def membership_edges(memberships: Iterable[Membership], sources: dict[int, list[int]] | None = None) -> Iterator[Edge]:
    """The edges of memberships: person → body (a post or a membership) and, for a seat held
    on behalf of another body, person → that body."""
    for m in memberships:
        behind = (sources or {}).get(m.pk, [])
        start, end = _date(m.start_date), _date(m.end_date)
        if m.organization_id:
            yield Edge(f"m{m.pk}", node_id("person", m.person_id), node_id("organization", m.organization_id),
                       Link.POST if m.post_id else Link.MEMBERSHIP, m.role, start, end, behind)
        if m.on_behalf_of_id:
            yield Edge(f"b{m.pk}", node_id("person", m.person_id), node_id("organization", m.on_behalf_of_id),
                       Link.ON_BEHALF_OF, m.role, start, end, behind)


def _sources_of(model: type[Any], pks: Iterable[int]) -> dict[int, list[int]]:
    """The ids of the sources behind each of ``pks`` of ``model``."""
    found: dict[int, set[int]] = defaultdict(set)
    content_type = ContentType.objects.get_for_model(model)
    for chunk in chunks(pks):
        for pk, source in Evidence.objects.filter(content_type=content_type, object_id__in=chunk,
                                                  source__withdrawn_at=None).values_list("object_id", "source_id"):
            found[pk].add(source)
    return {pk: sorted(ids) for pk, ids in found.items()}


class _Walk:
    """The breadth-first walk of :func:`network`: nodes in the order they are reached."""

    def __init__(self, limit: int) -> None:
        self.order: dict[str, int] = {}
        self.limit = limit
        self.truncated = False

    def add(self, ident: str, hop: int) -> bool:
        if ident in self.order:
            return False
        if len(self.order) >= self.limit:
            self.truncated = True
            return False
        self.order[ident] = hop
        return True

    def of(self, kind: str) -> set[int]:
        return {int(i.rpartition("-")[2]) for i in self.order if i.startswith(kind + "-")}


def _neighbours(people: set[int], orgs: set[int], events: set[int]) -> dict[str, set[str]]:
    """The entries one structural link away from each of these."""
    out: dict[str, set[str]] = defaultdict(set)

    def link(a: str, b: str) -> None:
        out[a].add(b)
        out[b].add(a)

    memberships = Membership.objects.filter(Q(person_id__in=people) | Q(organization_id__in=orgs) | Q(on_behalf_of_id__in=orgs))
    for person, org, behalf in memberships.values_list("person_id", "organization_id", "on_behalf_of_id"):
        for body in (org, behalf):
            if body:
                link(node_id("person", person), node_id("organization", body))
    for pk, parent in Organization.objects.filter(Q(pk__in=orgs) | Q(parent_id__in=orgs)).exclude(parent=None).values_list("pk", "parent_id"):
        link(node_id("organization", pk), node_id("organization", parent))
    event_rows = Event.objects.filter(Q(pk__in=events) | Q(organization_id__in=orgs) | Q(chair_id__in=people)
                                      | Q(participants__in=people)).distinct()
    for pk, chair, org in event_rows.values_list("pk", "chair_id", "organization_id"):
        if chair:
            link(node_id("event", pk), node_id("person", chair))
        if org:
            link(node_id("event", pk), node_id("organization", org))
    through = Event.participants.through
    for event, person in through.objects.filter(Q(event_id__in=events) | Q(person_id__in=people)).values_list("event_id", "person_id"):
        link(node_id("event", event), node_id("person", person))
    return out


def _co_mentioned(kind: str, pk: int) -> list[tuple[str, list[int]]]:
    """The people and bodies named in the articles that name entry ``pk`` of ``kind``, most
    shared articles first, with those articles."""
    model = Person if kind == "person" else Organization
    sources = list(Evidence.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=pk,
                                           source__withdrawn_at=None).values_list("source_id", flat=True).distinct())
    shared: dict[str, set[int]] = defaultdict(set)
    for other_kind, other_model in (("person", Person), ("organization", Organization)):
        rows = Evidence.objects.filter(content_type=ContentType.objects.get_for_model(other_model), source_id__in=sources)
        for other, source in rows.values_list("object_id", "source_id"):
            if (other_kind, other) != (kind, pk):
                shared[node_id(other_kind, other)].add(source)
    return sorted(((ident, sorted(ids)) for ident, ids in shared.items()), key=lambda x: (-len(x[1]), x[0]))


def network(kind: str, key: int | str, depth: int = DEPTH, limit: int = MAX_NODES) -> Graph:
    """The network of person or organisation ``key`` (an id), or of area ``key`` (a slug): see
    the module. Raises ``LookupError`` when there is no such entry."""
    walk = _Walk(limit)
    mentioned: list[tuple[str, list[int]]] = []
    if kind == "area":
        from qogam.registry.review.access import area_with_descendants

        area = Area.objects.filter(slug=key).first()
        if area is None:
            raise LookupError(key)
        centre = ""
        for pk in Organization.objects.filter(area_id__in=area_with_descendants(area.pk)).order_by("pk").values_list("pk", flat=True):
            walk.add(node_id("organization", pk), 0)
        start_depth = 1  # the area's bodies, and the people and events one link from them
    else:
        model = Person if kind == "person" else Organization
        if not model.objects.filter(pk=key).exists():
            raise LookupError(key)
        centre = node_id(kind, int(key))
        walk.add(centre, 0)
        start_depth = depth
        mentioned = _co_mentioned(kind, int(key))
    frontier = set(walk.order)
    for hop in range(1, start_depth + 1):
        if not frontier:
            break
        links = _neighbours(*_split(frontier))
        reached: set[str] = set()
        for ident in sorted(frontier):
            for other in sorted(links.get(ident, ())):
                if walk.add(other, hop):
                    reached.add(other)
        frontier = reached
    for ident, _ids in mentioned:
        walk.add(ident, 1)
    graph = _induced(walk, centre, mentioned)
    graph.truncated = walk.truncated
    return graph


def _split(idents: Iterable[str]) -> tuple[set[int], set[int], set[int]]:
    parts: dict[str, set[int]] = {"person": set(), "organization": set(), "event": set()}
    for ident in idents:
        kind, _, pk = ident.rpartition("-")
        parts[kind].add(int(pk))
    return parts["person"], parts["organization"], parts["event"]


def _induced(walk: _Walk, centre: str, mentioned: list[tuple[str, list[int]]]) -> Graph:
    """The nodes of the walk and every link among them, each with its sources."""
    people, orgs, events = walk.of("person"), walk.of("organization"), walk.of("event")
    nodes: list[Node] = []
    for p in Person.objects.filter(pk__in=people).only("pk", "name"):
        nodes.append(Node(node_id("person", p.pk), "person", p.name, pk=p.pk))
    for o in Organization.objects.filter(pk__in=orgs).only("pk", "name_kk", "name_ru", "classification"):
        nodes.append(Node(node_id("organization", o.pk), "organization", o.name, o.classification, pk=o.pk))
    for e in Event.objects.filter(pk__in=events).only("pk", "name", "classification", "start_date", "topic"):
        label = e.name or " ".join(x for x in (e.topic, _date(e.start_date)) if x) or e.classification
        nodes.append(Node(node_id("event", e.pk), "event", label, e.classification, pk=e.pk))
    nodes.sort(key=lambda n: (walk.order.get(n.id, 99), n.kind, n.label))
    memberships = list(Membership.objects.filter(person_id__in=people).filter(
        Q(organization_id__in=orgs) | Q(on_behalf_of_id__in=orgs)))
    member_sources = _sources_of(Membership, [m.pk for m in memberships])
    edges = list(membership_edges(memberships, member_sources))
    for pk, parent in Organization.objects.filter(pk__in=orgs, parent_id__in=orgs).values_list("pk", "parent_id"):
        edges.append(Edge(f"o{pk}", node_id("organization", pk), node_id("organization", parent), Link.PART_OF))
    event_sources = _sources_of(Event, events)
    for pk, chair, org in Event.objects.filter(pk__in=events).values_list("pk", "chair_id", "organization_id"):
        if chair in people:
            edges.append(Edge(f"c{pk}", node_id("person", chair), node_id("event", pk), Link.CHAIR,
                              sources=event_sources.get(pk, [])))
        if org in orgs:
            edges.append(Edge(f"h{pk}", node_id("event", pk), node_id("organization", org), Link.HELD_BY,
                              sources=event_sources.get(pk, [])))
    through = Event.participants.through
    for event, person in through.objects.filter(event_id__in=events, person_id__in=people).values_list("event_id", "person_id"):
        edges.append(Edge(f"e{event}-{person}", node_id("person", person), node_id("event", event), Link.PARTICIPANT,
                          sources=event_sources.get(event, [])))
    present = {n.id for n in nodes}
    for ident, sources in mentioned:
        if ident in present:
            edges.append(Edge(f"s-{ident}", centre, ident, Link.MENTIONED, sources=sources))
    return Graph(nodes, [e for e in edges if e.source in present and e.target in present], centre)


# --- the whole registry, for the exports ------------------------------------------------------

def registry_nodes(people: Iterable[Iterable[Person]], orgs: Iterable[Iterable[Organization]]) -> Iterator[Node]:
    """The people and organisations of these batches as nodes."""
    for batch in people:
        for p in batch:
            yield Node(node_id("person", p.pk), "person", p.name, pk=p.pk)
    for batch in orgs:
        for o in batch:
            yield Node(node_id("organization", o.pk), "organization", o.name, o.classification, pk=o.pk)


def registry_edges(memberships: Iterable[Iterable[Membership]]) -> Iterator[Edge]:
    """The posts, memberships and seats on behalf of of these batches as edges."""
    for batch in memberships:
        yield from membership_edges(batch)
