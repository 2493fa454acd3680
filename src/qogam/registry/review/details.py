"""What tells two registry entries of one name apart: a line of posts, areas and dates for each.

Shown beside each "possible match" on the review page and on the "same as" page, so that a
reviewer choosing between two Ерлан Қосановs sees that one chairs a council in Сайрам ауданы
since 2023 and the other directs a school in Кентау.
"""
from __future__ import annotations

from collections import defaultdict

from django.db import models
from django.utils.formats import date_format

from qogam.registry.core.models import Area, Membership, Organization, Person
from qogam.registry.core.vocabularies import AreaKind, OrganizationType, label, role_label

POSTS_SHOWN = 3


def describe(entries: list[models.Model]) -> None:
    """Set ``details`` (a short line) on each person, organisation or area of ``entries``."""
    people = [e for e in entries if isinstance(e, Person)]
    if people:
        by_person: dict[int, list[Membership]] = defaultdict(list)
        rows = (Membership.objects.filter(person__in=people).select_related("organization", "organization__area")
                .order_by("-start_date", "pk"))
        for membership in rows:
            by_person[membership.person_id].append(membership)
        for person in people:
            person.details = "; ".join(_post(m) for m in by_person[person.pk][:POSTS_SHOWN])  # type: ignore[attr-defined]
    for entry in entries:
        if isinstance(entry, Organization):
            parts = [label(OrganizationType, entry.classification)]
            if entry.area_id:
                parts.append(str(entry.area))
            if entry.bin:
                parts.append(f"BIN {entry.bin}")
            entry.details = ", ".join(parts)  # type: ignore[attr-defined]
        elif isinstance(entry, Area):
            parent = f", {entry.parent}" if entry.parent_id else ""
            entry.details = label(AreaKind, entry.classification) + parent  # type: ignore[attr-defined]


def _post(membership: Membership) -> str:
    text = role_label(membership.role)
    org = membership.organization
    if org is not None:
        text += f", {org}" + (f" ({org.area})" if org.area_id else "")
    if membership.start_date:
        text += f", {date_format(membership.start_date, 'SHORT_DATE_FORMAT')}"
    return text
