"""The numbers behind the charts of the home and area pages: facts and statements per month,
NGOs and council seats per district. Each is a few grouped queries, whatever the registry's size."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from qogam.registry.core.models import Area, Event, Evidence, Membership, Organization, Statement
from qogam.registry.web.labels import GROUPS

MONTHS = 24


def _month(day: date | None) -> str:
    return f"{day:%Y-%m}" if day else ""


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def per_month(area_ids: list[int] | None = None, months: int = MONTHS) -> list[tuple[str, list[int]]]:
    """(month "YYYY-MM", [confirmed facts, statements]) for the last ``months`` months that have
    any, in order, every month between them included. A fact is one evidence row of a confirmed
    fact, counted in the month its article was published; a statement, in the month it was said.
    With ``area_ids``: the facts about the bodies of those areas (them, their posts and seats,
    the events held there) and the statements of those events or of those bodies' people."""
    evidence = Evidence.objects.exclude(source__published=None).filter(source__withdrawn_at=None)
    statements = Statement.objects.exclude(date=None)
    if area_ids is not None:
        orgs = Organization.objects.filter(area_id__in=area_ids).values("pk")
        members = Membership.objects.filter(organization__area_id__in=area_ids)
        events = Event.objects.filter(area_id__in=area_ids)
        types = ContentType.objects.get_for_models(Organization, Membership, Event, Statement)
        speakers = members.values("person_id")
        evidence = evidence.filter(
            Q(content_type=types[Organization], object_id__in=orgs)
            | Q(content_type=types[Membership], object_id__in=members.values("pk"))
            | Q(content_type=types[Event], object_id__in=events.values("pk"))
            | Q(content_type=types[Statement], object_id__in=Statement.objects.filter(
                Q(event__area_id__in=area_ids) | Q(speaker_id__in=speakers)).values("pk")))
        statements = statements.filter(Q(event__area_id__in=area_ids) | Q(speaker_id__in=speakers))
    facts = Counter({_month(row["m"]): row["n"] for row in
                     evidence.annotate(m=TruncMonth("source__published")).values("m").annotate(n=Count("pk"))})
    said = Counter({_month(row["m"]): row["n"] for row in
                    statements.annotate(m=TruncMonth("date")).values("m").annotate(n=Count("pk"))})
    seen = sorted(m for m in set(facts) | set(said) if m)
    if not seen:
        return []
    window = _months_between(seen[0], seen[-1])[-months:]
    return [(m, [facts.get(m, 0), said.get(m, 0)]) for m in window]


def ngos_and_seats(parent: Area) -> list[tuple[str, list[int]]]:
    """For each area right under ``parent`` (with everything inside it): [NGOs registered there,
    seats held in its councils and commissions on behalf of a body], most NGOs first."""
    children: dict[int | None, list[int]] = defaultdict(list)
    names: dict[int, Area] = {}
    for area in Area.objects.only("pk", "parent_id", "name_kk", "name_ru", "name_en"):
        children[area.parent_id].append(area.pk)
        names[area.pk] = area
    top_of: dict[int, int] = {}
    for child in children.get(parent.pk, []):
        todo = [child]
        while todo:
            current = todo.pop()
            top_of[current] = child
            todo.extend(children.get(current, []))
    ngos: Counter[int] = Counter()
    for area_id, n in (Organization.objects.filter(classification__in=GROUPS["ngo"], area_id__in=list(top_of))
                       .values_list("area_id").annotate(n=Count("pk"))):
        ngos[top_of[area_id]] += n
    seats: Counter[int] = Counter()
    for area_id, n in (Membership.objects.exclude(on_behalf_of=None).filter(organization__area_id__in=list(top_of))
                       .values_list("organization__area_id").annotate(n=Count("pk"))):
        seats[top_of[area_id]] += n
    from qogam.registry.web.templatetags.qogam_web import local_name

    rows = [(local_name(names[pk]), [ngos[pk], seats[pk]]) for pk in children.get(parent.pk, [])]
    return sorted(rows, key=lambda r: (-r[1][0], -r[1][1], r[0]))
