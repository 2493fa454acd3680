"""The registry as FollowTheMoney entities (JSON lines), and as FtM statements.

People are ``Person`` (firstName, lastName, fatherName); NGOs and companies ``Organization``,
state bodies, akimats, councils and commissions ``PublicBody`` (registrationNumber = BIN,
legalForm); a post is a ``Position`` held through an ``Occupancy``; a seat on a council or
commission a ``Membership``, and "on behalf of" a ``Representation`` (agent: the person,
client: the organisation they speak for); meetings are ``Event`` (organizer, involved); each
source an ``Article``. Evidence ties entities to articles through ``Documentation`` (role
"evidence", the offsets in ``summary``, the text in ``description``) and ``Mention`` (the
name as written, resolved to the entity); interval entities carry it in ``sourceUrl`` and
``description`` too, since FtM 3.5.9 (which OCCRP Aleph 4.1 pins) has no Membership.proof.
Ids are stable: ``qogam-<kind>-<id>``.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from qogam.registry.core.exports import rows
from qogam.registry.core.exports.rows import Span, evidence_of
from qogam.registry.core.exports.selection import ALL, Selection
from qogam.registry.core.models import Event, Membership, Organization, Person, Proposal, Statement

DATASET = "qogam"
PUBLIC_BODIES = {"state_body", "akimat", "council", "commission"}
SEAT_BODIES = {"council", "commission"}


def fid(kind: str, key: Any) -> str:
    return f"qogam-{kind}-{key}"


def _make(schema: str, entity_id: str, **props: Any) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    for prop, value in props.items():
        for item in value if isinstance(value, (list, tuple, set)) else [value]:
            if item not in (None, ""):
                proxy.add(prop, item)
    return proxy


def _evidence_entities(entity: EntityProxy, spans: list[Span], mention: bool) -> Iterator[EntityProxy]:
    for s in spans:
        key = f"{entity.id}-{s.source_id}-{s.start}-{s.end}"
        yield _make("Documentation", fid("doc", key.removeprefix("qogam-")), document=fid("source", s.source_id),
                    entity=entity.id, role="evidence", summary=f"{s.start}-{s.end}", description=s.text)
        if mention:
            yield _make("Mention", fid("mention", key.removeprefix("qogam-")), document=fid("source", s.source_id),
                        resolved=entity.id, name=s.text)


def _urls(spans: list[Span]) -> list[str]:
    return list(dict.fromkeys(s.url for s in spans if s.url))


def _note(spans: list[Span]) -> str:
    return "; ".join(f"source {s.source_id} [{s.start}:{s.end}] «{s.text}»" for s in spans)


def entities(sel: Selection = ALL) -> Iterator[EntityProxy]:
    """Every entity of the export, sources first so that references point backwards."""
    for batch in rows.all_sources(sel):
        for src in batch:
            yield _make("Article", fid("source", src.pk), title=src.title, bodyText=src.text, publisher=src.outlet,
                        sourceUrl=src.url, publishedAt=src.published.isoformat() if src.published else None,
                        language={"kk": "kaz", "ru": "rus"}.get(src.language), author=src.author)
    for batch in rows.people(sel):
        spans = evidence_of(Person, [p.pk for p in batch])
        for p in batch:
            person = _make("Person", fid("person", p.pk), name=p.name, firstName=p.given_name, lastName=p.family_name,
                           fatherName=p.patronymic_name, alias=[a for a in p.aliases if a != p.name],
                           weakAlias=p.name_latin, sourceUrl=_urls(spans.get(p.pk, [])))
            yield person
            yield from _evidence_entities(person, spans.get(p.pk, []), mention=True)
    for batch in rows.organizations(sel):
        spans = evidence_of(Organization, [o.pk for o in batch])
        for o in batch:
            schema = "PublicBody" if o.classification in PUBLIC_BODIES else "Organization"
            org = _make(schema, fid("organization", o.pk), name=[o.name_kk, o.name_ru],
                        alias=[a for a in o.aliases if a not in (o.name_kk, o.name_ru)], registrationNumber=o.bin,
                        legalForm=o.legal_form, country="kz", jurisdiction="kz",
                        incorporationDate=o.founding_date.isoformat() if o.founding_date else None,
                        sourceUrl=_urls(spans.get(o.pk, [])))
            yield org
            yield from _evidence_entities(org, spans.get(o.pk, []), mention=True)
    for batch in rows.posts(sel):
        for post in batch:
            yield _make("Position", fid("post", post.pk), country="kz",
                        name=f"{post.label or post.role}, {post.organization}" if post.organization_id else post.label or post.role,
                        organization=fid("organization", post.organization_id) if post.organization_id else None)
    yield from _memberships(sel)
    for batch in rows.events(sel):
        spans = evidence_of(Event, [e.pk for e in batch])
        for e in batch:
            event = _make("Event", fid("event", e.pk), name=e.name or f"{e.classification} {e.start_date or ''}".strip(),
                          date=e.start_date.isoformat() if e.start_date else None, summary=e.topic,
                          organizer=fid("organization", e.organization_id) if e.organization_id else None,
                          involved=[fid("person", p.pk) for p in e.participants.all()], sourceUrl=_urls(spans.get(e.pk, [])))
            yield event
            yield from _evidence_entities(event, spans.get(e.pk, []), mention=False)
    for batch in rows.statements(sel):
        spans = evidence_of(Statement, [s.pk for s in batch])
        for s in batch:
            if s.speaker_id is None:
                continue
            # a quote is what its speaker said in an article: a Documentation of the person
            for span in spans.get(s.pk, []):
                yield _make("Documentation", fid("quote", f"{s.pk}-{span.source_id}"), document=fid("source", span.source_id),
                            entity=fid("person", s.speaker_id), role="quote", summary=f"{span.start}-{span.end}",
                            description=s.text)


def pending_entities(sel: Selection) -> Iterator[tuple[EntityProxy, str]]:
    """What each pending proposal would add, with the article it comes from: a person or an
    organisation (the registry's id where the proposal matches one, so that its statements join
    that entity; else ``qogam-proposal-<id>``); a post as a Position, and an Occupancy when its
    holder is a person of the same article; an event; a quote as a Documentation of its
    speaker. Places are not FtM entities here and are left out."""
    for batch in rows.pending(sel):
        named = _names_in(batch, sel)
        for p in batch:
            origin = fid("source", p.source_id)
            data = p.payload if isinstance(p.payload, dict) else {}
            own = _matched(p, sel) or fid("proposal", p.pk)
            by_name = named.get(p.source_id, {})
            if p.kind == Proposal.Kind.PERSON:
                yield _make("Person", own, name=data.get("name") or p.label, firstName=data.get("given"),
                            lastName=data.get("family"), fatherName=data.get("patronymic")), origin
            elif p.kind == Proposal.Kind.ORGANIZATION:
                schema = "PublicBody" if data.get("type") in PUBLIC_BODIES else "Organization"
                yield _make(schema, own, name=data.get("name") or p.label, alias=data.get("abbreviation")), origin
            elif p.kind == Proposal.Kind.POST:
                body = by_name.get(data.get("organization") or "")
                position = fid("proposal", f"{p.pk}-position")
                role = data.get("role_text") or data.get("role") or p.label
                yield _make("Position", position, name=", ".join(x for x in (role, data.get("organization")) if x),
                            organization=body, country="kz"), origin
                holder = by_name.get(data.get("person") or "")
                if holder:
                    yield _make("Occupancy", fid("proposal", p.pk), holder=holder, post=position,
                                startDate=data.get("start_date"), endDate=data.get("end_date")), origin
            elif p.kind == Proposal.Kind.MEMBERSHIP:
                body, member = by_name.get(data.get("organization") or ""), by_name.get(data.get("person") or "")
                if body and member:
                    yield _make("Membership", fid("proposal", p.pk), member=member, organization=body,
                                role=data.get("role_text") or data.get("role")), origin
            elif p.kind == Proposal.Kind.EVENT:
                yield _make("Event", own, name=data.get("name") or p.label, summary=data.get("topic"),
                            date=data.get("date") or data.get("start_date"),
                            involved=[by_name[n] for n in [data.get("chair"), *(data.get("participants") or [])]
                                      if isinstance(n, str) and n in by_name]), origin
            elif p.kind == Proposal.Kind.STATEMENT:
                speaker = by_name.get(data.get("speaker") or "")
                if speaker:
                    yield _make("Documentation", fid("proposal", p.pk), document=origin, entity=speaker, role="quote",
                                summary=f"{p.start}-{p.end}", description=data.get("text") or p.label), origin


def _matched(p: Proposal, sel: Selection) -> str | None:
    """The FtM id of the registry person or organisation proposal ``p`` matches, if one and if
    the export holds it."""
    if p.object_id and p.content_type and p.content_type.model in ("person", "organization"):
        ids = sel.of(p.content_type.model)
        if ids is None or p.object_id in ids:
            return fid(p.content_type.model, p.object_id)
    return None


def _names_in(batch: list[Proposal], sel: Selection) -> dict[int, dict[str, str]]:
    """For each article of ``batch``: the FtM id of every person and organisation it proposes, by
    name as extracted (one query a batch)."""
    named: dict[int, dict[str, str]] = {}
    found = (Proposal.objects.filter(source_id__in={p.source_id for p in batch}, kind__in=["person", "organization"])
             .exclude(status=Proposal.Status.REJECTED).select_related("content_type"))
    for p in found:
        matched = _matched(p, sel)
        if p.status == Proposal.Status.PENDING or matched:
            name = p.payload.get("name") if isinstance(p.payload, dict) else None
            for key in {k for k in (name, p.label) if isinstance(k, str) and k}:
                named.setdefault(p.source_id, {})[key] = matched or fid("proposal", p.pk)
    return named


def _memberships(sel: Selection) -> Iterator[EntityProxy]:
    for batch in rows.memberships(sel):
        spans = evidence_of(Membership, [m.pk for m in batch])
        for m in batch:
            ev = spans.get(m.pk, [])
            common = {"startDate": m.start_date.isoformat() if m.start_date else None,
                      "endDate": m.end_date.isoformat() if m.end_date else None,
                      "sourceUrl": _urls(ev), "description": _note(ev)}
            org_id = fid("organization", m.organization_id) if m.organization_id else None
            if m.organization and m.organization.classification in SEAT_BODIES:
                yield _make("Membership", fid("membership", m.pk), member=fid("person", m.person_id),
                            organization=org_id, role=m.role, **common)
            else:
                position_id = fid("post", m.post_id) if m.post_id else fid("position", m.pk)
                if not m.post_id:  # a post of no body ("журналист"): a position of its own
                    yield _make("Position", position_id, name=m.role, country="kz")
                yield _make("Occupancy", fid("occupancy", m.pk), holder=fid("person", m.person_id), post=position_id,
                            **common)
            if m.on_behalf_of_id:
                yield _make("Representation", fid("representation", m.pk), agent=fid("person", m.person_id),
                            client=fid("organization", m.on_behalf_of_id), role=m.role, **common)


def write_entities(out: BinaryIO, sel: Selection = ALL) -> None:
    """One FtM entity a line (JSON); each id is made once, so nothing is held to deduplicate."""
    for entity in entities(sel):
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")


def write_statement_rows(out: BinaryIO, sel: Selection = ALL) -> None:
    """The entities as FtM statements (CSV), each value with its origin (the source it came from
    where one entity rests on one source); with ``sel.pending``, then what the pending proposals
    say, as ``external`` statements whose origin is their article."""
    from followthemoney.statement import CSV, Statement, write_statements

    def statements() -> Iterator[Statement]:
        for entity in entities(sel):
            yield from Statement.from_entity(entity, DATASET, origin=_origin(entity))
        for entity, origin in pending_entities(sel):
            yield from Statement.from_entity(entity, DATASET, origin=origin, external=True)

    write_statements(_KeptOpen(out), CSV, statements())  # type: ignore[arg-type]


class _KeptOpen(io.RawIOBase):
    """``out`` for a writer that closes its stream when done (standard output must stay open)."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.out.write(data)
        return len(data)

    def close(self) -> None:
        self.out.flush()
        super().close()


def _origin(entity: EntityProxy) -> str | None:
    documents = entity.get("document") if "document" in entity.schema.properties else []
    return documents[0] if documents else None
