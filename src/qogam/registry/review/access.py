"""Who may review what: the personas and the area of a source.

- **anonymous**: public pages only; the queue sends them to the log-in page.
- **editor** (a :class:`~.models.StaffRole` with an area): the sources of their district.
- **reviewer** (a StaffRole without the area limit): every source of the region.
- **admin** (superuser): everything, and Django admin too.
- any other account: refused (403).

**The area of a source.** A news article belongs to every area it is about, read from what
was extracted from it: each *place* proposal linked to a registry area ("Сайрам ауданында")
and each *organisation* proposal linked to a registry organisation that has an area (an
information-resource centre, an akimat, an NGO registered in a district). Rejected proposals
do not count. An editor may act on every proposal of a source that is about their district
or an area inside it; an article about two districts is shared by both editors. An article
that names no known place or organisation is for the reviewers.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet

from qogam.registry.core.models import Area, Organization, Proposal, Source


@dataclass(frozen=True, slots=True)
class Scope:
    """What a user may review: nothing, everything, or the sources about some areas."""

    allowed: bool
    area_ids: frozenset[int] | None = None  # None with allowed: everything
    area: Area | None = None

    @property
    def everything(self) -> bool:
        return self.allowed and self.area_ids is None


NOTHING = Scope(False)
EVERYTHING = Scope(True)


def scope_of(user: object) -> Scope:
    """Return what ``user`` may review (reads the user's StaffRole; one query at most)."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return NOTHING
    if getattr(user, "is_superuser", False):
        return EVERYTHING
    from qogam.registry.review.models import StaffRole

    role = StaffRole.objects.select_related("area").filter(user=user).first()  # type: ignore[misc]  # any user object
    if role is None:
        return NOTHING
    if role.role == StaffRole.Role.REVIEWER:
        return EVERYTHING
    if role.area is None:
        return NOTHING
    return Scope(True, frozenset(area_with_descendants(role.area.pk)), role.area)


def area_with_descendants(area_id: int) -> set[int]:
    """Return ``area_id`` and the ids of every area inside it (one query over all areas)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Area.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, todo = set(), [area_id]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, []))
    return found


def sources_about(area_ids: frozenset[int] | set[int]) -> Q:
    """Return a filter on Source: the sources about one of ``area_ids`` (see the module's rule)."""
    area_type = ContentType.objects.get_for_model(Area)
    org_type = ContentType.objects.get_for_model(Organization)
    counted = Proposal.objects.filter(source=OuterRef("pk")).exclude(status=Proposal.Status.REJECTED)
    places = counted.filter(kind=Proposal.Kind.PLACE, content_type=area_type, object_id__in=list(area_ids))
    organizations = counted.filter(
        kind=Proposal.Kind.ORGANIZATION, content_type=org_type,
        object_id__in=Organization.objects.filter(area_id__in=list(area_ids)).values("pk"),
    )
    return Q(Exists(places)) | Q(Exists(organizations))


def visible_sources(scope: Scope) -> QuerySet[Source]:
    """Return the sources ``scope`` may review (none when it allows nothing)."""
    if not scope.allowed:
        return Source.objects.none()
    if scope.area_ids is None:
        return Source.objects.public()
    return Source.objects.public().filter(sources_about(scope.area_ids))


def may_review(scope: Scope, source: Source) -> bool:
    """Return True when ``scope`` allows acting on the proposals of ``source``."""
    if not scope.allowed:
        return False
    if scope.area_ids is None:
        return True
    return visible_sources(scope).filter(pk=source.pk).exists()
