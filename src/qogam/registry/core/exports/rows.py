"""The registry's accepted facts as plain rows, read in batches, with their evidence: what every
export format is built from (ids are stable: the kind and the database id, an area's slug)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from qogam.registry.core.exports.selection import ALL, Selection, chunks
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

BATCH = 500


def ref(kind: str, key: Any) -> str:
    return f"{kind}-{key}"


@dataclass(frozen=True, slots=True)
class Span:
    source_id: int
    start: int
    end: int
    text: str
    url: str = ""
    title: str = ""


def batches(queryset: models.QuerySet[Any], ids: set[int] | None = None) -> Iterator[list[Any]]:
    """The rows of ``queryset`` in primary-key order, BATCH at a time (keyset pagination); only
    those of ``ids`` when it is given."""
    if ids is not None:
        for chunk in chunks(ids):
            yield list(queryset.filter(pk__in=chunk).order_by("pk"))
        return
    last: Any = 0
    while True:
        page = list(queryset.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not page:
            return
        yield page
        last = page[-1].pk


def evidence_of(model: type[models.Model], ids: list[int]) -> dict[int, list[Span]]:
    """The evidence spans of objects ``ids`` of ``model``, by object id (one query a batch)."""
    content_type = ContentType.objects.get_for_model(model)
    found: dict[int, list[Span]] = defaultdict(list)
    rows = list(Evidence.objects.filter(content_type=content_type, object_id__in=ids, source__withdrawn_at__isnull=True)
                .values_list("object_id", "source_id", "start", "end").order_by("source_id", "start"))
    # each source's text once for the batch, not once for every span that points into it
    texts = {pk: (text, url, title) for pk, text, url, title in
             Source.objects.filter(pk__in={r[1] for r in rows}).values_list("pk", "text", "url", "title")}
    for object_id, source_id, start, end in rows:
        text, url, title = texts.get(source_id, ("", "", ""))
        found[object_id].append(Span(source_id, start, end, text[start:end], url, title))
    return found


def people(sel: Selection = ALL) -> Iterator[list[Person]]:
    return batches(Person.objects.all(), sel.of("person"))


def organizations(sel: Selection = ALL) -> Iterator[list[Organization]]:
    return batches(Organization.objects.select_related("area", "parent"), sel.of("organization"))


def memberships(sel: Selection = ALL) -> Iterator[list[Membership]]:
    return batches(Membership.objects.select_related("person", "organization", "on_behalf_of", "post"), sel.of("membership"))


def posts(sel: Selection = ALL) -> Iterator[list[Post]]:
    return batches(Post.objects.select_related("organization", "area"), sel.of("post"))


def areas(sel: Selection = ALL) -> Iterator[list[Area]]:
    return batches(Area.objects.select_related("parent"), sel.of("area"))


def events(sel: Selection = ALL) -> Iterator[list[Event]]:
    return batches(Event.objects.select_related("organization", "chair", "area").prefetch_related("participants"),
                   sel.of("event"))


def statements(sel: Selection = ALL) -> Iterator[list[Statement]]:
    return batches(Statement.objects.select_related("speaker", "event"), sel.of("statement"))


def all_sources(sel: Selection = ALL) -> Iterator[list[Source]]:
    return batches(Source.objects.public().defer("minhash"), sel.of("source"))


def pending(sel: Selection) -> Iterator[list[Proposal]]:
    """The pending proposals of the selection (none unless it asks for them), source by source."""
    return batches(sel.proposals().select_related("source", "content_type"))
