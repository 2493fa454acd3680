"""Turning an accepted proposal's payload into registry objects (each write audited)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext as _

from qogam.ingest.articles import parse_date
from qogam.nlp.name_keys import latin_name
from qogam.registry.core.models import (
    Area,
    Event,
    Membership,
    Organization,
    Person,
    Post,
    Proposal,
    Source,
    Statement,
)
from qogam.registry.core.services import places
from qogam.registry.core.services.audit import Actor, create, record, snapshot, update
from qogam.registry.core.services.linking import area_matches
from qogam.registry.core.vocabularies import AREA_PARENT_KINDS, AreaKind, EventType, label
from qogam.registry.errors import ReviewError

if TYPE_CHECKING:
    from qogam.registry.core.services.review import _Resolver

User = Actor  # a user, AnonymousUser or None (the system)
_ORG_TYPES = set(Organization.Type.values)


def apply(proposal: Proposal, payload: dict[str, Any], user: User, resolve: _Resolver) -> models.Model:
    """Return the registry object that accepting ``proposal`` with ``payload`` creates or updates.

    Raises :class:`ReviewError` when the payload lacks what its kind needs.
    """
    kind = proposal.kind
    linked = proposal.linked
    if kind == Proposal.Kind.PLACE and linked is None:
        # an area made since the article came in ("Ақсукент ауылы", accepted a moment ago)
        ids = area_matches(payload.get("name") or "")
        linked = Area.objects.get(pk=ids[0]) if len(ids) == 1 else None
    if kind in (Proposal.Kind.PERSON, Proposal.Kind.ORGANIZATION, Proposal.Kind.PLACE) and linked is not None:
        add_spellings(linked, payload, user)
        if isinstance(linked, Organization):
            _place_organization(linked, payload, proposal.source, user)
        return linked
    if linked is not None:
        return linked  # a fact sent back to review by a correction of its source, confirmed again
    if kind == Proposal.Kind.PERSON:
        return new_person(payload, user)
    if kind == Proposal.Kind.ORGANIZATION:
        org = new_organization(dict(payload, lang=payload.get("lang") or proposal.source.language), user)
        _place_organization(org, payload, proposal.source, user)
        return org
    if kind == Proposal.Kind.PLACE:
        return _new_area(payload, proposal.source, user)
    if kind in (Proposal.Kind.POST, Proposal.Kind.MEMBERSHIP):
        return _membership(payload, user, resolve)
    if kind == Proposal.Kind.STATEMENT:
        return create(user, Statement, note="accepted proposal", speaker=resolve.person(payload.get("speaker")),
                      text=_required(payload, "text"), language=proposal.source.language or "kk",
                      date=proposal.source.published)
    if kind == Proposal.Kind.EVENT:
        return _event(proposal, payload, user, resolve)
    raise ReviewError(_("proposals of kind %(kind)s cannot be accepted") % {"kind": kind})


def _required(payload: dict[str, Any], name: str) -> Any:
    value = payload.get(name)
    if not value:
        raise ReviewError(_("the proposal has no %(field)s") % {"field": name})
    return value


def _spellings(payload: dict[str, Any]) -> list[str]:
    return [m["text"] for m in payload.get("mentions", []) if m.get("text")]


def new_person(payload: dict[str, Any], user: User) -> Person:
    """Return a new Person from an extracted person (name, given, family, patronymic, mentions)."""
    name = _required(payload, "name")
    aliases = sorted({s for s in _spellings(payload) if s != name})
    return create(user, Person, note="accepted proposal", name=name, given_name=payload.get("given") or "",
                  family_name=payload.get("family") or "", patronymic_name=payload.get("patronymic") or "",
                  aliases=aliases)


def new_organization(payload: dict[str, Any], user: User) -> Organization:
    """Return a new Organization from an extracted one (name, type, abbreviation, mentions)."""
    name = _required(payload, "name")
    aliases = sorted({s for s in [*_spellings(payload), payload.get("abbreviation") or ""] if s and s != name})
    kind = payload.get("type") if payload.get("type") in _ORG_TYPES else Organization.Type.OTHER
    field = "name_ru" if payload.get("lang") == "ru" else "name_kk"
    return create(user, Organization, note="accepted proposal", **{field: name}, classification=kind, aliases=aliases)


def add_spellings(target: models.Model, payload: dict[str, Any], user: User) -> None:
    """Add the payload's name and mention spellings to ``target``'s aliases (people, organisations)."""
    if not isinstance(target, (Person, Organization)):
        return
    name = payload.get("name") or ""
    field = {"kk": "name_kk", "ru": "name_ru"}.get(payload.get("lang") or "")
    if isinstance(target, Organization) and field and name and not getattr(target, field):
        # "общественное объединение «Жастар»" merged into «Жастар» қоғамдық бірлестігі is its
        # Russian name, shown beside the Kazakh one
        update(user, target, note="name in another language from a source", **{field: name})
    known = set(target.all_names())
    new = [s for s in dict.fromkeys([name, *_spellings(payload)]) if s and s not in known]
    if new:
        update(user, target, note="spellings from a source", aliases=[*target.aliases, *new])


def _new_area(payload: dict[str, Any], source: Source, user: User) -> Area:
    """A new area of the kind the name gives, inside the area the article implies (or the one
    the reviewer chose: ``payload["parent"]``, a slug). A place of no known kind, or whose
    district the article does not tell, stays pending for a person to place."""
    name = _required(payload, "name")
    kind = payload.get("kind") or ""
    if kind not in AreaKind.values:
        raise ReviewError(_("%(name)s: say what kind of place it is and where it is (correct it)") % {"name": name})
    parent = _area_by_slug(payload.get("parent")) or places.parent_for(kind, source)
    if parent is None and AREA_PARENT_KINDS[kind]:
        wanted = ", ".join(label(AreaKind, k) for k in AREA_PARENT_KINDS[kind])
        raise ReviewError(_("%(name)s: the article does not say which area (%(kinds)s) it is in; choose it (correct it)")
                          % {"name": name, "kinds": wanted})
    slug = slugify(latin_name(name).replace("ı", "i")) or "area"
    base, n = slug, 1
    while Area.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    field = "name_ru" if payload.get("lang") == "ru" else "name_kk"
    names = {field: name} if field == "name_kk" else {"name_kk": name, "name_ru": name}
    return create(user, Area, note="accepted proposal", slug=slug, classification=kind, parent=parent, **names)


def _area_by_slug(slug: Any) -> Area | None:
    if not slug:
        return None
    area = Area.objects.filter(slug=str(slug)).first()
    if area is None:
        raise ReviewError(_("no area %(slug)s") % {"slug": slug})
    return area


def _place_organization(org: Organization, payload: dict[str, Any], source: Source, user: User) -> None:
    """Give ``org`` the area the reviewer chose, or, when it has none, the one its name and the
    article imply ("Сайрам аудандық білім бөлімі": Сайрам ауданы)."""
    chosen = _area_by_slug(payload.get("area"))
    if chosen is not None and chosen.pk != org.area_id:
        update(user, org, note="area chosen by the reviewer", area=chosen)
    elif chosen is None and org.area_id is None:
        inferred = places.infer_area(org.name, source)
        if inferred is not None:
            update(user, org, note="area from its name and the article", area=inferred)


def _membership(payload: dict[str, Any], user: User, resolve: _Resolver) -> Membership:
    person = resolve.person(_required(payload, "person"))
    organization = resolve.organization(payload.get("organization"))
    on_behalf_of = resolve.organization(payload.get("on_behalf_of"))
    role = _required(payload, "role")
    post = Post.objects.filter(organization=organization, role=role).first() if organization else None
    if organization is not None and post is None:
        post = create(user, Post, note="accepted proposal", organization=organization, role=role,
                      label=payload.get("role_text") or role)
    existing = Membership.objects.filter(person=person, organization=organization, role=role, on_behalf_of=on_behalf_of).first()
    if existing is not None:
        return existing
    return create(user, Membership, note="accepted proposal", person=person, organization=organization, post=post,
                  role=role, on_behalf_of=on_behalf_of, start_date=parse_date(payload.get("start_date")),
                  end_date=parse_date(payload.get("end_date")))


def _event(proposal: Proposal, payload: dict[str, Any], user: User, resolve: _Resolver) -> Event:
    chair = resolve.person(payload.get("chair"))
    kind = payload.get("type") if payload.get("type") in EventType.values else EventType.OTHER
    event = create(user, Event, note="accepted proposal", classification=kind,
                   area=places.infer_area("", proposal.source),
                   start_date=parse_date(payload.get("date")) or proposal.source.published,
                   topic=(payload.get("topic") or "")[:500], chair=chair)
    participants = [p for p in (resolve.person(n) for n in payload.get("participants", [])) if p is not None]
    if participants:
        before = snapshot(event)
        event.participants.add(*participants)
        record(user, event, "update", before, snapshot(event), note="participants")
    return event


    return None
