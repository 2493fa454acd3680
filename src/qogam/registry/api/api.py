"""The endpoints of /api/v1/ (OpenAPI document at /api/v1/openapi.json, docs at /api/v1/docs).

Public reads show accepted facts only, in a stable order (by id), paginated with ``limit``
(clamped to 1–200) and ``offset`` (clamped to 0–10,000,000: a huge number is never handed to
the database). Filters: ``area`` (a slug: the area and everything inside it), ``type``,
``since`` / ``until`` (dates), ``updated_since`` (people and organisations). Anonymous clients
are rate-limited. Staff authenticate with ``Authorization: Bearer <token>`` (``qogam token``)
and act through the review services with the same area scopes as the web.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.throttling import AnonRateThrottle

from qogam.registry.api.models import ApiToken
from qogam.registry.core.models import Area, Event, Evidence, Membership, Organization, Person, Post, Proposal, Source, Statement
from qogam.registry.core.services import review
from qogam.registry.errors import ReviewError
from qogam.registry.review.access import may_review, scope_of, visible_sources

M = TypeVar("M", bound=Model)

MAX_LIMIT = 200
MAX_OFFSET = 10_000_000

api = NinjaAPI(title="Qogam API", version="1", urls_namespace="api", throttle=[AnonRateThrottle("120/m")],
               description=__doc__)


class Bearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = ApiToken.user_of(token)
        if user is None or not scope_of(user).allowed:
            return None
        request.user = user  # type: ignore[assignment]
        return user


staff = Bearer()


class Page(Schema):
    limit: int = 50
    offset: int = 0


class ErrorOut(Schema):
    detail: Any


def responses(ok: Any, *errors: int, created: bool = False) -> dict[int, Any]:
    """The documented answers of an endpoint: ``ok`` and the error codes it can give (JSON
    ``{"detail": …}``); every endpoint can answer 422 (bad parameters) and 429 (rate limit)."""
    found = {201 if created else 200: ok}
    for code in (*errors, 422, 429):
        found[code] = ErrorOut
    return found


def _listing(rows: QuerySet[Any], page: Page, render: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """One page of ``rows`` in id order, each row rendered, with the total and the limit and
    offset as clamped (a huge number is never handed to the database)."""
    limit = min(max(page.limit, 1), MAX_LIMIT)
    offset = min(max(page.offset, 0), MAX_OFFSET)
    items = [render(row) for row in rows.order_by("pk")[offset:offset + limit]]
    return {"count": rows.count(), "limit": limit, "offset": offset, "items": items}


def _utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC (naive: taken as UTC). An offset such as +21:05 is valid ISO 8601 but
    out of PostgreSQL's range; the same instant in UTC is not."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _first_or_404(rows: QuerySet[M], message: str) -> M:
    """The first row of ``rows``; an HTTP 404 with ``message`` when there is none."""
    found = rows.first()
    if found is None:
        raise HttpError(404, message)
    return found


def _area_ids(slug: str | None) -> list[int] | None:
    if not slug:
        return None
    area = _first_or_404(Area.objects.filter(slug=slug), f"no area {slug!r}")
    from qogam.registry.web.views.places import subtree_ids

    return subtree_ids(area)


# --- schemas ---------------------------------------------------------------------------------

class AreaOut(Schema):
    id: str
    name_kk: str
    name_ru: str
    name_en: str
    kind: str
    kato_code: str
    parent: str | None


class OrganizationOut(Schema):
    id: int
    name: str
    name_kk: str
    name_ru: str
    other_names: list[str]
    type: str
    legal_form: str
    bin: str
    area: str | None
    parent_id: int | None
    updated_at: dt.datetime
    merged_ids: list[int] = []


class PersonOut(Schema):
    id: int
    name: str
    given_name: str
    family_name: str
    patronymic_name: str
    name_latin: str
    other_names: list[str]
    updated_at: dt.datetime
    merged_ids: list[int] = []


class MembershipOut(Schema):
    id: int
    person_id: int
    person: str
    role: str
    organization_id: int | None
    organization: str | None
    on_behalf_of_id: int | None
    on_behalf_of: str | None
    start_date: dt.date | None
    end_date: dt.date | None


class PostOut(Schema):
    id: int
    role: str
    label: str
    organization_id: int | None
    area: str | None


class EventOut(Schema):
    id: int
    type: str
    name: str
    topic: str
    start_date: dt.date | None
    area: str | None
    organization_id: int | None
    chair_id: int | None
    participant_ids: list[int]


class StatementOut(Schema):
    id: int
    speaker_id: int | None
    speaker: str | None
    text: str
    language: str
    date: dt.date | None
    event_id: int | None


class SpanOut(Schema):
    start: int
    end: int
    text: str
    kind: str
    object_id: int


class SourceOut(Schema):
    id: int
    title: str
    outlet: str
    url: str
    published: dt.date | None
    language: str
    text: str
    evidence: list[SpanOut]


class SearchOut(Schema):
    people: list[PersonOut]
    organizations: list[OrganizationOut]
    areas: list[AreaOut]


def _list_of(item: type[Schema]) -> type[Schema]:
    """The schema of one page of ``item``s: count, limit, offset, items."""
    name = item.__name__.removesuffix("Out") + "List"
    items: Any = list[item]  # type: ignore[valid-type]  # a schema made at import time
    return type(name, (Schema,), {"__annotations__": {"count": int, "limit": int, "offset": int, "items": items}})


OrganizationList = _list_of(OrganizationOut)
PersonList = _list_of(PersonOut)
MembershipList = _list_of(MembershipOut)
PostList = _list_of(PostOut)
AreaList = _list_of(AreaOut)
EventList = _list_of(EventOut)
StatementList = _list_of(StatementOut)


def _area(a: Area) -> dict[str, Any]:
    return {"id": a.slug, "name_kk": a.name_kk, "name_ru": a.name_ru, "name_en": a.name_en, "kind": a.classification,
            "kato_code": a.kato_code, "parent": a.parent.slug if a.parent else None}


def _org(o: Organization) -> dict[str, Any]:
    return {"id": o.pk, "name": o.name, "name_kk": o.name_kk, "name_ru": o.name_ru, "other_names": o.aliases,
            "type": o.classification, "legal_form": o.legal_form, "bin": o.bin,
            "area": o.area.slug if o.area else None, "parent_id": o.parent_id, "updated_at": o.updated_at}


def _person(p: Person) -> dict[str, Any]:
    return {"id": p.pk, "name": p.name, "given_name": p.given_name, "family_name": p.family_name,
            "patronymic_name": p.patronymic_name, "name_latin": p.name_latin, "other_names": p.aliases,
            "updated_at": p.updated_at}


# --- public reads ----------------------------------------------------------------------------

@api.get("/organizations", response=responses(OrganizationList, 404), tags=["registry"])
def organizations(request: HttpRequest, page: Query[Page], area: str | None = None, type: str | None = None,
                  updated_since: dt.datetime | None = None, q: str | None = None) -> dict[str, Any]:
    rows = Organization.objects.select_related("area")
    ids = _area_ids(area)
    if ids is not None:
        rows = rows.filter(area_id__in=ids)
    if type:
        rows = rows.filter(classification=type)
    if updated_since:
        rows = rows.filter(updated_at__gte=_utc(updated_since))
    if q:
        rows = rows.filter(Q(name_kk__icontains=q) | Q(name_ru__icontains=q))
    return _listing(rows, page, _org)


MOVED = {307: None}


def _entry_or_moved(rows: QuerySet[M], kind: str, pk: int, path: str, render: Callable[[M], dict[str, Any]]) -> Any:
    """Entry ``pk`` rendered with the ids it absorbed; for the id of an entry merged into
    another, a 307 to ``path`` with that one's id (temporary: a split may bring it back)."""
    from qogam.registry.core.services.resolution import absorbed_ids, canonical

    found = rows.filter(pk=pk).first()
    if found is not None:
        return dict(render(found), merged_ids=absorbed_ids(kind, pk))
    target = canonical(kind, pk)
    if target == pk:
        raise HttpError(404, f"no {'organisation' if kind == 'organization' else kind} {pk}")
    response = HttpResponseRedirect(path.format(id=target))
    response.status_code = 307
    return response


@api.get("/organizations/{org_id}", response={**responses(OrganizationOut, 404), **MOVED}, tags=["registry"])
def organization(request: HttpRequest, org_id: int) -> Any:
    """One organisation; the id of one merged into another redirects (307) to that one."""
    return _entry_or_moved(Organization.objects.select_related("area"), "organization", org_id,
                           "/api/v1/organizations/{id}", _org)


@api.get("/people", response=responses(PersonList, 404), tags=["registry"])
def people(request: HttpRequest, page: Query[Page], area: str | None = None,
           updated_since: dt.datetime | None = None) -> dict[str, Any]:
    rows = Person.objects.all()
    ids = _area_ids(area)
    if ids is not None:
        rows = rows.filter(pk__in=Membership.objects.filter(organization__area_id__in=ids).values("person_id"))
    if updated_since:
        rows = rows.filter(updated_at__gte=_utc(updated_since))
    return _listing(rows, page, _person)


@api.get("/people/{person_id}", response={**responses(PersonOut, 404), **MOVED}, tags=["registry"])
def person(request: HttpRequest, person_id: int) -> Any:
    """One person; the id of one merged into another redirects (307) to that one."""
    return _entry_or_moved(Person.objects.all(), "person", person_id, "/api/v1/people/{id}", _person)


class GraphOut(Schema):
    data: dict[str, Any]
    elements: dict[str, list[dict[str, Any]]]


def _graph(kind: str, key: int | str) -> dict[str, Any]:
    from qogam.registry.core.services.graph import network

    try:
        return network(kind, key).cytoscape()
    except LookupError:
        raise HttpError(404, f"no {kind} {key}") from None


@api.get("/people/{person_id}/graph", response=responses(GraphOut, 404), tags=["registry"])
def person_graph(request: HttpRequest, person_id: int) -> dict[str, Any]:
    """The person's network as Cytoscape.js JSON: people, organisations and events within two
    links (posts, memberships, seats on behalf of, events), those named in the same articles,
    and every link among them with the ids of the sources behind it."""
    return _graph("person", person_id)


@api.get("/organizations/{org_id}/graph", response=responses(GraphOut, 404), tags=["registry"])
def organization_graph(request: HttpRequest, org_id: int) -> dict[str, Any]:
    """The organisation's network as Cytoscape.js JSON (as for a person)."""
    return _graph("organization", org_id)


@api.get("/areas/{slug}/graph", response=responses(GraphOut, 404), tags=["registry"])
def area_graph(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The network of an area: its bodies (and those of the areas inside it), their people and events."""
    return _graph("area", slug)


@api.get("/memberships", response=responses(MembershipList, 404), tags=["registry"])
def memberships(request: HttpRequest, page: Query[Page], area: str | None = None, type: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
    rows = Membership.objects.select_related("person", "organization", "on_behalf_of")
    ids = _area_ids(area)
    if ids is not None:
        rows = rows.filter(organization__area_id__in=ids)
    if type:
        rows = rows.filter(organization__classification=type)
    if since:
        rows = rows.filter(Q(end_date__isnull=True) | Q(end_date__gte=since))
    if until:
        rows = rows.filter(Q(start_date__isnull=True) | Q(start_date__lte=until))
    return _listing(rows, page, lambda m: {
        "id": m.pk, "person_id": m.person_id, "person": m.person.name, "role": m.role,
        "organization_id": m.organization_id, "organization": m.organization.name if m.organization else None,
        "on_behalf_of_id": m.on_behalf_of_id, "on_behalf_of": m.on_behalf_of.name if m.on_behalf_of else None,
        "start_date": m.start_date, "end_date": m.end_date})


@api.get("/posts", response=responses(PostList, 404), tags=["registry"])
def posts(request: HttpRequest, page: Query[Page], area: str | None = None) -> dict[str, Any]:
    rows = Post.objects.select_related("area")
    ids = _area_ids(area)
    if ids is not None:
        rows = rows.filter(Q(area_id__in=ids) | Q(organization__area_id__in=ids))
    return _listing(rows, page, lambda p: {
        "id": p.pk, "role": p.role, "label": p.label, "organization_id": p.organization_id,
        "area": p.area.slug if p.area else None})


@api.get("/areas", response=responses(AreaList, 404), tags=["registry"])
def areas(request: HttpRequest, page: Query[Page], area: str | None = None, type: str | None = None) -> dict[str, Any]:
    rows = Area.objects.select_related("parent")
    ids = _area_ids(area)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    if type:
        rows = rows.filter(classification=type)
    return _listing(rows, page, _area)


@api.get("/areas/{slug}", response=responses(AreaOut, 404), tags=["registry"])
def area_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _area(_first_or_404(Area.objects.select_related("parent").filter(slug=slug), f"no area {slug!r}"))


@api.get("/events", response=responses(EventList, 404), tags=["registry"])
def events(request: HttpRequest, page: Query[Page], area: str | None = None, type: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
    rows = Event.objects.select_related("area").prefetch_related("participants")
    ids = _area_ids(area)
    if ids is not None:
        rows = rows.filter(Q(area_id__in=ids) | Q(organization__area_id__in=ids))
    if type:
        rows = rows.filter(classification=type)
    if since:
        rows = rows.filter(start_date__gte=since)
    if until:
        rows = rows.filter(start_date__lte=until)
    return _listing(rows, page, lambda e: {
        "id": e.pk, "type": e.classification, "name": e.name, "topic": e.topic, "start_date": e.start_date,
        "area": e.area.slug if e.area else None, "organization_id": e.organization_id, "chair_id": e.chair_id,
        "participant_ids": [p.pk for p in e.participants.all()]})


@api.get("/statements", response=responses(StatementList, 404), tags=["registry"])
def statements(request: HttpRequest, page: Query[Page], since: dt.date | None = None, until: dt.date | None = None,
               q: str | None = None) -> dict[str, Any]:
    rows = Statement.objects.select_related("speaker")
    if since:
        rows = rows.filter(date__gte=since)
    if until:
        rows = rows.filter(date__lte=until)
    if q:
        rows = rows.filter(text__icontains=q)
    return _listing(rows, page, lambda s: {
        "id": s.pk, "speaker_id": s.speaker_id, "speaker": s.speaker.name if s.speaker else None,
        "text": s.text, "language": s.language, "date": s.date, "event_id": s.event_id})


@api.get("/sources/{source_id}", response=responses(SourceOut, 404), tags=["registry"])
def source(request: HttpRequest, source_id: int) -> dict[str, Any]:
    found = _first_or_404(Source.objects.public().filter(pk=source_id), f"no source {source_id}")
    spans = [{"start": e.start, "end": e.end, "text": found.text[e.start:e.end], "kind": e.content_type.model,
              "object_id": e.object_id} for e in Evidence.objects.filter(source=found).select_related("content_type")
             .order_by("start", "pk")]
    return {"id": found.pk, "title": found.title, "outlet": found.outlet, "url": found.url, "published": found.published,
            "language": found.language, "text": found.text, "evidence": spans}


@api.get("/search", response=responses(SearchOut, 404), tags=["registry"])
def search(request: HttpRequest, q: str) -> dict[str, Any]:
    from qogam.registry.web.search import search as find

    found = find(q[:200])
    return {"people": [_person(p) for p in found.people], "organizations": [_org(o) for o in found.organizations],
            "areas": [_area(a) for a in found.areas]}


# --- staff -----------------------------------------------------------------------------------

class ProposalOut(Schema):
    id: int
    source_id: int
    kind: str
    label: str
    status: str
    confidence: float
    payload: dict[str, Any]


class ArticleIn(Schema):
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    date: dt.date | None = None


class IngestOut(Schema):
    stored: bool
    source_id: int | None
    proposals: int


class Decision(Schema):
    id: int
    status: str
    object_id: int | None


class MergeIn(Schema):
    target_id: int


ProposalList = _list_of(ProposalOut)


def _proposal(p: Proposal) -> dict[str, Any]:
    return {"id": p.pk, "source_id": p.source_id, "kind": p.kind, "label": p.label, "status": p.status,
            "confidence": p.confidence, "payload": p.payload}


@api.get("/proposals", response=responses(ProposalList, 401), auth=staff, tags=["staff"])
def proposals(request: HttpRequest, page: Query[Page], status: str = "pending", kind: str | None = None) -> dict[str, Any]:
    rows = Proposal.objects.filter(source__in=visible_sources(scope_of(request.user)), status=status)
    if kind:
        rows = rows.filter(kind=kind)
    return _listing(rows, page, _proposal)


def _in_scope(request: HttpRequest, proposal_id: int) -> Proposal:
    found = _first_or_404(Proposal.objects.select_related("source").filter(pk=proposal_id), f"no proposal {proposal_id}")
    if not may_review(scope_of(request.user), found.source):
        raise HttpError(403, "the proposal is outside your area")
    return found


def _decided(proposal: Proposal) -> dict[str, Any]:
    proposal.refresh_from_db()
    return {"id": proposal.pk, "status": proposal.status, "object_id": proposal.object_id}


@api.post("/proposals/{proposal_id}/accept", response=responses(Decision, 401, 403, 404, 409), auth=staff, tags=["staff"])
def accept(request: HttpRequest, proposal_id: int) -> dict[str, Any]:
    proposal = _in_scope(request, proposal_id)
    try:
        review.accept(proposal, request.user)
    except ReviewError as exc:
        raise HttpError(409, str(exc)) from None
    return _decided(proposal)


@api.post("/proposals/{proposal_id}/reject", response=responses(Decision, 401, 403, 404, 409), auth=staff, tags=["staff"])
def reject(request: HttpRequest, proposal_id: int) -> dict[str, Any]:
    proposal = _in_scope(request, proposal_id)
    try:
        review.reject(proposal, request.user)
    except ReviewError as exc:
        raise HttpError(409, str(exc)) from None
    return _decided(proposal)


@api.post("/proposals/{proposal_id}/merge", response=responses(Decision, 401, 403, 404, 409), auth=staff, tags=["staff"])
def merge(request: HttpRequest, proposal_id: int, body: MergeIn) -> dict[str, Any]:
    proposal = _in_scope(request, proposal_id)
    model = review.MERGEABLE.get(proposal.kind)
    rows = model._default_manager.filter(pk=body.target_id) if model else Area.objects.none()
    target = _first_or_404(rows, f"no {proposal.kind} {body.target_id} to merge into")
    try:
        review.merge(proposal, target, request.user)
    except ReviewError as exc:
        raise HttpError(409, str(exc)) from None
    return _decided(proposal)


@api.post("/articles", response={**responses(IngestOut, 401, created=True), 200: IngestOut}, auth=staff, tags=["staff"])
def submit(request: HttpRequest, body: ArticleIn) -> tuple[int, dict[str, Any]]:
    from qogam.errors import InputError
    from qogam.registry.core.services.ingest import Article, IngestReport, ingest_article

    if not body.text.strip():
        raise HttpError(422, "the article has no text")
    report = IngestReport()
    try:
        made = ingest_article(Article(name="api", text=body.text, title=body.title, url=body.url, outlet=body.outlet,
                                      published=body.date), report, user=request.user)
    except InputError as exc:
        raise HttpError(422, str(exc)) from None
    if made is None:
        return 200, {"stored": False, "source_id": None, "proposals": 0}
    return 201, {"stored": True, "source_id": made.pk, "proposals": sum(report.proposals.values())}
