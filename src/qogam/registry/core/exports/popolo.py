"""The registry as one Popolo JSON document: persons, organizations, memberships, posts, areas,
events and speeches (it validates against the Popolo JSON Schemas; a test does it).

Kazakh names are ``name``; Russian ones, other spellings and the 2021 Latin spelling are
``other_names`` with a BCP 47 ``note`` ("kk", "ru", "kk-Latn"; "und-Cyrl" where a Cyrillic
spelling's language is not known). A BIN is an identifier of scheme ``KZ-BIN``, a KATO code
the area's ``identifier``. Each record lists its ``sources`` (links) and, in the namespaced
``qogam:evidence``, every span of the articles it rests on: source id, offsets, text.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from qogam.registry.core.exports import rows
from qogam.registry.core.exports.rows import Span, evidence_of, ref
from qogam.registry.core.exports.selection import ALL, Selection
from qogam.registry.core.models import Event, Membership, Organization, Person, Post, Statement

_KAZAKH = re.compile("[әғқңөұүһі]", re.IGNORECASE)
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def language_note(name: str) -> str:
    """The BCP 47 tag of a spelling: kk for Kazakh letters, kk-Latn for Latin, und-Cyrl otherwise."""
    if _KAZAKH.search(name):
        return "kk"
    if _CYRILLIC.search(name):
        return "und-Cyrl"
    return "kk-Latn"


def _evidence(spans: list[Span]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    evidence = [{"source_id": ref("source", s.source_id), "start": s.start, "end": s.end, "text": s.text} for s in spans]
    first = {s.source_id: s for s in reversed(spans)}
    links = [{"url": s.url or f"urn:qogam:source:{s.source_id}", "note": s.title or f"source {s.source_id}"}
             for s in (first[i] for i in dict.fromkeys(s.source_id for s in spans))]
    return evidence, links


def _with_evidence(record: dict[str, Any], spans: list[Span]) -> dict[str, Any]:
    evidence, links = _evidence(spans)
    if links:
        record["sources"] = links
    if evidence:
        record["qogam:evidence"] = evidence
    return record


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def _merged(kind: str, name: str) -> dict[int, list[dict[str, str]]]:
    """The ids each entry of ``kind`` absorbed, as Popolo identifiers (scheme ``qogam:merged``):
    an address that named an absorbed entry still finds its entry in the export."""
    from qogam.registry.core.services.resolution import survivors_of

    return {pk: [{"scheme": "qogam:merged", "identifier": ref(name, old)} for old in ids]
            for pk, ids in survivors_of(kind).items()}


def persons(sel: Selection = ALL) -> Iterator[dict[str, Any]]:
    merged = _merged("person", "person")
    for batch in rows.people(sel):
        spans = evidence_of(Person, [p.pk for p in batch])
        for p in batch:
            other = [{"name": n, "note": language_note(n)} for n in p.aliases if n != p.name]
            if p.name_latin and p.name_latin != p.name:
                other.append({"name": p.name_latin, "note": "kk-Latn"})
            yield _with_evidence(_clean({
                "id": ref("person", p.pk), "name": p.name, "given_name": p.given_name, "family_name": p.family_name,
                "patronymic_name": p.patronymic_name, "other_names": other, "identifiers": merged.get(p.pk, []),
            }), spans.get(p.pk, []))


def organizations(sel: Selection = ALL) -> Iterator[dict[str, Any]]:
    merged = _merged("organization", "organization")
    for batch in rows.organizations(sel):
        spans = evidence_of(Organization, [o.pk for o in batch])
        for o in batch:
            other = [{"name": o.name_ru, "note": "ru"}] if o.name_kk and o.name_ru else []
            other += [{"name": n, "note": language_note(n)} for n in o.aliases if n not in (o.name_kk, o.name_ru)]
            yield _with_evidence(_clean({
                "id": ref("organization", o.pk), "name": o.name, "classification": o.classification,
                "other_names": other, "identifiers": ([{"scheme": "KZ-BIN", "identifier": o.bin}] if o.bin else []) + merged.get(o.pk, []),
                "area_id": ref("area", o.area.slug) if o.area else None,
                "parent_id": ref("organization", o.parent_id) if o.parent_id else None,
                "founding_date": o.founding_date.isoformat() if o.founding_date else None,
                "dissolution_date": o.dissolution_date.isoformat() if o.dissolution_date else None,
                "qogam:legal_form": o.legal_form,
            }), spans.get(o.pk, []))


def memberships(sel: Selection = ALL) -> Iterator[dict[str, Any]]:
    for batch in rows.memberships(sel):
        spans = evidence_of(Membership, [m.pk for m in batch])
        for m in batch:
            yield _with_evidence(_clean({
                "id": ref("membership", m.pk), "person_id": ref("person", m.person_id), "role": m.role,
                "label": m.post.label if m.post else None,
                "organization_id": ref("organization", m.organization_id) if m.organization_id else None,
                "post_id": ref("post", m.post_id) if m.post_id else None,
                "on_behalf_of_id": ref("organization", m.on_behalf_of_id) if m.on_behalf_of_id else None,
                "start_date": m.start_date.isoformat() if m.start_date else None,
                "end_date": m.end_date.isoformat() if m.end_date else None,
            }), spans.get(m.pk, []))


def posts(sel: Selection = ALL) -> Iterator[dict[str, Any]]:
    for batch in rows.posts(sel):
        spans = evidence_of(Post, [p.pk for p in batch])
        for p in batch:
            yield _with_evidence(_clean({
                "id": ref("post", p.pk), "label": p.label or p.role, "role": p.role,
                "organization_id": ref("organization", p.organization_id) if p.organization_id else None,
                "area_id": ref("area", p.area.slug) if p.area else None,
            }), spans.get(p.pk, []))


def areas(sel: Selection = ALL) -> Iterator[dict[str, Any]]:
    for batch in rows.areas(sel):
        for a in batch:
            yield _clean({
                "id": ref("area", a.slug), "name": a.name_kk, "identifier": a.kato_code, "classification": a.classification,
                "parent_id": ref("area", a.parent.slug) if a.parent else None,
                "qogam:other_names": [n for n in ({"name": a.name_ru, "note": "ru"} if a.name_ru else None,
                                                  {"name": a.name_en, "note": "en"} if a.name_en else None) if n],
            })


def events(sel: Selection = ALL) -> Iterator[dict[str, Any]]:
    for batch in rows.events(sel):
        spans = evidence_of(Event, [e.pk for e in batch])
        for e in batch:
            yield _with_evidence(_clean({
                "id": ref("event", e.pk), "name": e.name or str(e), "classification": e.classification,
                "description": e.topic, "start_date": e.start_date.isoformat() if e.start_date else None,
                "organization_id": ref("organization", e.organization_id) if e.organization_id else None,
                "attendees": [{"id": ref("person", p.pk), "name": p.name} for p in e.participants.all()],
                "qogam:chair_id": ref("person", e.chair_id) if e.chair_id else None,
                "qogam:area_id": ref("area", e.area.slug) if e.area else None,
            }), spans.get(e.pk, []))


def speeches(sel: Selection = ALL) -> Iterator[dict[str, Any]]:
    for batch in rows.statements(sel):
        spans = evidence_of(Statement, [s.pk for s in batch])
        for s in batch:
            yield _with_evidence(_clean({
                "id": ref("speech", s.pk), "creator_id": ref("person", s.speaker_id) if s.speaker_id else None,
                "text": s.text, "date": s.date.isoformat() if s.date else None, "type": "speech",
                "event_id": ref("event", s.event_id) if s.event_id else None, "qogam:lang": s.language,
            }), spans.get(s.pk, []))


SECTIONS = {"persons": persons, "organizations": organizations, "memberships": memberships, "posts": posts,
            "areas": areas, "events": events, "speeches": speeches}


def write_popolo(out: BinaryIO, sel: Selection = ALL) -> None:
    """Write the Popolo document to ``out``, record by record."""
    out.write(b"{")
    for i, (name, records) in enumerate(SECTIONS.items()):
        out.write((", " if i else "") .encode() + json.dumps(name).encode() + b": [")
        for j, record in enumerate(records(sel)):
            out.write((b",\n" if j else b"\n") + json.dumps(record, ensure_ascii=False).encode("utf-8"))
        out.write(b"]")
    out.write(b"}\n")
