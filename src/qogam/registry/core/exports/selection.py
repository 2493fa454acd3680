"""What an export holds: the whole registry, or the part of it one area or one period is about.

``--area SLUG`` keeps the organisations of that area and every area inside it, the posts and
memberships of those bodies (or posts of the area), the events held there or by them, the
people of those memberships and events, and the statements of those people and events.
``--since DATE`` keeps the facts that rest on an article published on or after DATE (an article
without a date counts from the day it was ingested). Both together keep what both keep.

A scoped export must still be whole: every id it refers to is in it. So the selection is
closed over the references — a membership brings its person, body, post and "on behalf of";
a post its body and area; an event its body, chair, participants and area; a statement its
speaker and event; a body its parent bodies; an area the areas above it — and the sources are
those the selected facts' evidence points into.

``pending`` adds the proposals still waiting for review (of the same area and period): they
are not facts, so only the formats that can say so carry them (FtM statements as
``external``, a ``proposals`` table in CSV and XLSX).

Without a scope nothing is materialised (``ids`` is None: every row, read in batches); with
one, the ids of each kind are held as sets of integers.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from qogam.registry.core.models import (
    Area,
    Event,
    Evidence,
    Membership,
    Organization,
    Person,
    Post,
    Proposal,
    Source,
    Statement,
)

CHUNK = 500
KINDS = ("person", "organization", "membership", "post", "area", "event", "statement", "source")
MODELS: dict[str, type[models.Model]] = {
    "person": Person, "organization": Organization, "membership": Membership, "post": Post, "area": Area,
    "event": Event, "statement": Statement, "source": Source,
}


class ScopeError(ValueError):
    """An area that does not exist, or an option a format cannot honour."""


@dataclass(slots=True)
class Selection:
    """The ids of each kind to export (None: all of that kind) and the pending proposals."""

    ids: dict[str, set[int] | None] = field(default_factory=lambda: {k: None for k in KINDS})
    area_ids: frozenset[int] | None = None  # the area asked for and every area inside it
    since: dt.date | None = None
    pending: bool = False

    def of(self, kind: str) -> set[int] | None:
        return self.ids[kind]

    def proposals(self) -> models.QuerySet[Proposal]:
        """The pending proposals of the selection's area and period (none unless ``pending``)."""
        if not self.pending:
            return Proposal.objects.none()
        rows = Proposal.objects.filter(status=Proposal.Status.PENDING, source__in=Source.objects.public())
        if self.area_ids is not None:
            from qogam.registry.review.access import sources_about

            rows = rows.filter(source__in=Source.objects.filter(sources_about(self.area_ids)))
        if self.since is not None:
            rows = rows.filter(source__in=_sources_since(self.since))
        return rows


ALL = Selection()


def _sources_since(day: dt.date) -> models.QuerySet[Source]:
    return Source.objects.public().filter(Q(published__gte=day) | Q(published__isnull=True, ingested_at__date__gte=day))


def chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    """``ids`` sorted, CHUNK at a time (no query holds more parameters than a database allows)."""
    ordered = sorted(ids)
    for i in range(0, len(ordered), CHUNK):
        yield ordered[i:i + CHUNK]


def _values(rows: models.QuerySet[Any], *fields: str) -> set[int]:
    found: set[int] = set()
    for values in rows.values_list(*fields).iterator(chunk_size=2000):
        found.update(v for v in values if v is not None)
    return found


def _values_in(rows: type[models.Model] | models.QuerySet[Any], ids: set[int], *fields: str, key: str = "pk") -> set[int]:
    """The values of ``fields`` on the rows (of a model, or a queryset) whose ``key`` is one of ``ids``."""
    queryset = rows if isinstance(rows, models.QuerySet) else rows._default_manager.all()
    found: set[int] = set()
    for chunk in chunks(ids):
        found |= _values(queryset.filter(**{f"{key}__in": chunk}), *fields)
    return found


def _upwards(model: type[models.Model], ids: set[int]) -> set[int]:
    """``ids`` with their parents, the parents' parents, to the top (bodies, areas)."""
    found, new = set(ids), set(ids)
    while new:
        new = _values_in(model, new, "parent_id") - found
        found |= new
    return found


def _with_evidence_since(model: type[models.Model], day: dt.date) -> set[int]:
    content_type = ContentType.objects.get_for_model(model)
    return _values(Evidence.objects.filter(content_type=content_type, source__in=_sources_since(day)), "object_id")


def _area_part(area_ids: list[int]) -> dict[str, set[int]]:
    orgs = _values(Organization.objects.filter(area_id__in=area_ids), "pk")
    body_or_place = Q(area_id__in=area_ids) | Q(organization__area_id__in=area_ids)
    memberships = _values(Membership.objects.filter(Q(organization__area_id__in=area_ids) | Q(post__area_id__in=area_ids)), "pk")
    events = _values(Event.objects.filter(body_or_place), "pk")
    people = _values_in(Membership, memberships, "person_id") | _values_in(Event, events, "chair_id")
    people |= _values_in(Event.participants.through, events, "person_id", key="event_id")
    statements = _values_in(Statement, events, "pk", key="event_id") | _values_in(Statement, people, "pk", key="speaker_id")
    return {"organization": orgs, "membership": memberships, "post": _values(Post.objects.filter(body_or_place), "pk"),
            "event": events, "person": people, "statement": statements}


def select(area: str | None = None, since: dt.date | None = None, pending: bool = False) -> Selection:
    """The selection of area slug ``area`` and articles from ``since``, closed over its references.

    Raises :class:`ScopeError` for an area slug that is not in the registry.
    """
    if area is None and since is None:
        return Selection(pending=pending)
    area_ids: list[int] | None = None
    primary: dict[str, set[int]] = {}
    if area is not None:
        found_area = Area.objects.filter(slug=area).first()
        if found_area is None:
            raise ScopeError(f"no area {area!r} in the registry (see qogam areas or /areas/)")
        from qogam.registry.web.views.places import subtree_ids

        area_ids = subtree_ids(found_area)
        primary = _area_part(area_ids)
        primary["area"] = set(area_ids) if since is None else set()
    if since is not None:
        dated = {kind: _with_evidence_since(MODELS[kind], since)
                 for kind in ("person", "organization", "membership", "post", "event", "statement")}
        primary = {kind: (primary[kind] & ids) if kind in primary else ids for kind, ids in dated.items()} | {
            "area": primary.get("area", set())}
    ids = _closed(primary)
    selection = Selection(ids=dict(ids), area_ids=frozenset(area_ids) if area_ids is not None else None,
                          since=since, pending=pending)
    if pending:  # the articles the pending proposals come from, so that their origins resolve
        selection.ids["source"] = ids["source"] | _values(selection.proposals(), "source_id")
    return selection


def _closed(primary: dict[str, set[int]]) -> dict[str, set[int]]:
    """``primary`` with everything its rows refer to (see the module's rules)."""
    statements = set(primary["statement"])
    events = primary["event"] | _values_in(Statement, statements, "event_id")
    memberships = set(primary["membership"])
    people = (primary["person"] | _values_in(Statement, statements, "speaker_id") | _values_in(Event, events, "chair_id")
              | _values_in(Event.participants.through, events, "person_id", key="event_id")
              | _values_in(Membership, memberships, "person_id"))
    posts = primary["post"] | _values_in(Membership, memberships, "post_id")
    orgs = (primary["organization"] | _values_in(Membership, memberships, "organization_id", "on_behalf_of_id")
            | _values_in(Post, posts, "organization_id") | _values_in(Event, events, "organization_id"))
    orgs = _upwards(Organization, orgs)  # parent bodies, to the top
    areas = _upwards(Area, primary["area"] | _values_in(Organization, orgs, "area_id") | _values_in(Post, posts, "area_id")
                     | _values_in(Event, events, "area_id"))  # the areas above, to the country
    selected = {"person": people, "organization": orgs, "membership": memberships, "post": posts, "area": areas,
                "event": events, "statement": statements}
    sources: set[int] = set()
    for kind, ids in selected.items():
        evidence = Evidence.objects.filter(content_type=ContentType.objects.get_for_model(MODELS[kind]))
        sources |= _values_in(evidence, ids, "source_id", key="object_id")
    return {**selected, "source": _values_in(Source.objects.public(), sources, "pk")}
