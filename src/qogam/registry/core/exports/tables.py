"""The registry as tables: CSV (one file per kind, zipped) and XLSX (one sheet per kind).
Relationship rows carry names beside ids (a membership: the person's and the body's names)."""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from qogam.registry.core.exports import rows
from qogam.registry.core.exports.rows import ref
from qogam.registry.core.exports.selection import ALL, Selection

Table = tuple[list[str], Callable[[Selection], Iterator[list[Any]]]]


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def _organizations(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.organizations(sel):
        for o in batch:
            yield [ref("organization", o.pk), o.name_kk, o.name_ru, o.classification, o.legal_form, o.bin,
                   o.area.slug if o.area else "", o.area.name_kk if o.area else "",
                   ref("organization", o.parent_id) if o.parent_id else "", o.parent.name if o.parent else "",
                   _date(o.founding_date), "; ".join(o.aliases)]


def _people(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.people(sel):
        for p in batch:
            yield [ref("person", p.pk), p.name, p.given_name, p.family_name, p.patronymic_name, p.name_latin,
                   "; ".join(p.aliases)]


def _memberships(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.memberships(sel):
        for m in batch:
            yield [ref("membership", m.pk), ref("person", m.person_id), m.person.name, m.role,
                   m.post.label if m.post else "",
                   ref("organization", m.organization_id) if m.organization_id else "",
                   m.organization.name if m.organization else "",
                   ref("organization", m.on_behalf_of_id) if m.on_behalf_of_id else "",
                   m.on_behalf_of.name if m.on_behalf_of else "", _date(m.start_date), _date(m.end_date)]


def _posts(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.posts(sel):
        for p in batch:
            yield [ref("post", p.pk), p.role, p.label, ref("organization", p.organization_id) if p.organization_id else "",
                   p.organization.name if p.organization else ""]


def _areas(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.areas(sel):
        for a in batch:
            yield [ref("area", a.slug), a.name_kk, a.name_ru, a.name_en, a.classification, a.kato_code,
                   ref("area", a.parent.slug) if a.parent else "", a.parent.name_kk if a.parent else ""]


def _events(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.events(sel):
        for e in batch:
            yield [ref("event", e.pk), e.classification, e.name, _date(e.start_date), e.topic,
                   e.area.name_kk if e.area else "", e.organization.name if e.organization else "",
                   e.chair.name if e.chair else "", "; ".join(p.name for p in e.participants.all())]


def _statements(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.statements(sel):
        for s in batch:
            yield [ref("speech", s.pk), ref("person", s.speaker_id) if s.speaker_id else "",
                   s.speaker.name if s.speaker else "", s.text, s.language, _date(s.date),
                   ref("event", s.event_id) if s.event_id else ""]


def _sources(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.all_sources(sel):
        for s in batch:
            yield [ref("source", s.pk), s.title, s.outlet, s.url, _date(s.published), s.language, len(s.text)]


def _proposals(sel: Selection) -> Iterator[list[Any]]:
    for batch in rows.pending(sel):
        for p in batch:
            matches = f"{p.content_type.model}-{p.object_id}" if p.content_type and p.object_id else ""
            yield [ref("proposal", p.pk), p.kind, p.label, p.status, ref("source", p.source_id), p.source.title,
                   p.start, p.end, p.source.text[p.start:p.end], round(p.confidence, 3), matches]


TABLES: dict[str, Table] = {
    "organizations": (["id", "name_kk", "name_ru", "type", "legal_form", "bin", "area_id", "area", "parent_id", "parent",
                       "founding_date", "other_names"], _organizations),
    "people": (["id", "name", "given_name", "family_name", "patronymic_name", "name_latin", "other_names"], _people),
    "memberships": (["id", "person_id", "person", "role", "post", "organization_id", "organization", "on_behalf_of_id",
                     "on_behalf_of", "start_date", "end_date"], _memberships),
    "posts": (["id", "role", "label", "organization_id", "organization"], _posts),
    "areas": (["id", "name_kk", "name_ru", "name_en", "kind", "kato", "parent_id", "parent"], _areas),
    "events": (["id", "type", "name", "date", "topic", "area", "organizer", "chair", "participants"], _events),
    "statements": (["id", "speaker_id", "speaker", "text", "language", "date", "event_id"], _statements),
    "sources": (["id", "title", "outlet", "url", "published", "language", "characters"], _sources),
}
# asked for with --include-pending: what waits for review, not facts
PROPOSALS: Table = (["id", "kind", "label", "status", "source_id", "source", "start", "end", "text", "confidence",
                     "matches"], _proposals)


def _tables(sel: Selection) -> Iterator[tuple[str, Table]]:
    yield from TABLES.items()
    if sel.pending:
        yield "proposals", PROPOSALS


def write_csv_zip(out: BinaryIO, sel: Selection = ALL) -> None:
    """One UTF-8 CSV a kind (with a BOM, for spreadsheets), zipped."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, (header, produce) in _tables(sel):
            with archive.open(f"{name}.csv", "w") as member, io.TextIOWrapper(member, encoding="utf-8-sig", newline="") as text:
                writer = csv.writer(text)
                writer.writerow(header)
                for row in produce(sel):
                    writer.writerow(row)


def write_xlsx(out: BinaryIO, sel: Selection = ALL) -> None:
    """One sheet a kind (openpyxl's write-only workbook: rows stream to the file)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, (header, produce) in _tables(sel):
        sheet = book.create_sheet(title=name)
        sheet.append(header)
        for row in produce(sel):
            sheet.append(row)
    book.save(out)
