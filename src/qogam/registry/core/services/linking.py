"""Linking extracted names to registry entities by their inflection-free name keys."""
from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from qogam.registry.core.models import Area, NameKey, Organization, Person, Proposal


def person_matches(key: str) -> list[int]:
    """Return the ids of the people one of whose names has ``key``, in id order."""
    if not key:
        return []
    return sorted(set(NameKey.objects.filter(key=key, person__isnull=False).values_list("person_id", flat=True)))


def organization_matches(key: str) -> list[int]:
    """Return the ids of the organisations one of whose names has ``key``, in id order."""
    if not key:
        return []
    return sorted(set(NameKey.objects.filter(key=key, organization__isnull=False).values_list("organization_id", flat=True)))


def person_candidates(name: str, limit: int = 5) -> list[int]:
    """The ids of the people who may be ``name`` spelled otherwise — in Russian, in Kazakh, in
    Latin (:mod:`qogam.nlp.name_match`) — best first: candidates for a reviewer, never a link."""
    from qogam.nlp.name_match import CANDIDATE_THRESHOLD, compare, could_match

    scored: list[tuple[float, int]] = []
    for pk, own, aliases in Person.objects.values_list("pk", "name", "aliases").iterator():
        names = [n for n in [own, *(aliases or [])] if n and could_match(name, n)]
        best = max((compare(name, n) for n in names), default=0.0)
        if best >= CANDIDATE_THRESHOLD:
            scored.append((-best, pk))
    return [pk for _, pk in sorted(scored)[:limit]]


def _same_person(name: str, pk: int) -> bool:
    """Whether ``name`` is close enough to a name of person ``pk`` to be linked to it."""
    from qogam.nlp.name_match import is_candidate

    person = Person.objects.only("name", "aliases").get(pk=pk)
    return any(is_candidate(name, n) for n in person.all_names())


def organization_candidates(name: str, limit: int = 5) -> list[int]:
    """The ids of the organisations that may be this one named in another language: the same
    name in «…» and the same kind of part (:func:`qogam.nlp.name_match.same_organization_candidate`:
    "«Жастар» қоғамдық бірлестігі" for "общественное объединение «Жастар»", not a party for
    its branch) — candidates only."""
    from qogam.nlp.name_match import same_organization_candidate

    if "«" not in name and "“" not in name and '"' not in name:
        return []
    found = [org.pk for org in Organization.objects.only("pk", "name_kk", "name_ru", "aliases")
             if any(same_organization_candidate(name, n) for n in org.all_names())]
    return found[:limit]


def area_matches(name: str, kind: str | None = None) -> list[int]:
    """Return the ids of the areas ``name`` names: the same proper name (a kk, ru or en name's
    key, :func:`qogam.nlp.area_names.area_key`) and a kind that fits.

    "Ақсукент" and "Ақсукент ауылы" find the village "Ақсукент ауылы"; "Түркістан облысы" finds
    the region, not the city "Түркістан қаласы", and a bare "Түркістан" only the city (news
    writes settlements bare, regions and districts with their noun; a bare name no settlement
    has finds the district or region of that name). ``kind`` overrides the
    kind the name's noun gives ("Сайрам аудандық …": the district). Areas are few (hundreds),
    so their keys are computed here rather than stored.
    """
    from qogam.nlp.area_names import area_key, same_kind

    key, named_kind = area_key(name)
    kind = kind or named_kind
    if not key:
        return []
    same_name = []
    for area in Area.objects.only("pk", "classification", "name_kk", "name_ru", "name_en"):
        names = [n for n in (area.name_kk, area.name_ru, area.name_en) if n]
        if any(area_key(n)[0] == key for n in names):
            same_name.append(area)
    found = [a.pk for a in same_name if same_kind(kind, a.classification)]
    if not found and kind is None:
        # a bare name of no settlement: the district or region of that name ("Сарыағаш,
        # Мақтаарал аудандарында" lists districts bare)
        found = [a.pk for a in same_name]
    return found


_MODELS: dict[str, type[models.Model]] = {
    Proposal.Kind.PERSON: Person,
    Proposal.Kind.ORGANIZATION: Organization,
    Proposal.Kind.PLACE: Area,
}


def link_proposal(proposal: Proposal) -> None:
    """Set ``proposal``'s link (exactly one match by name key) or its candidates (several
    matches; or, with none, the people and organisations it may be in another language's
    spelling); save nothing. Proposals of kinds other than person, organisation and place are
    left as they are.
    """
    model = _MODELS.get(proposal.kind)
    if model is None:
        return
    if model is Person:
        ids = person_matches(proposal.key)
    elif model is Organization:
        ids = organization_matches(proposal.key)
    else:
        ids = area_matches(proposal.label)
    if len(ids) == 1 and model is Person and not _same_person(proposal.label, ids[0]):
        # the key folds ш into с: "Ерлан Қошанов" meets "Ерлан Қосанов" there, but two names that
        # differ so are two people until a reviewer says otherwise
        ids = [0, ids[0]]
    elif not ids and model is Person:
        ids = [0, *person_candidates(proposal.label)]  # 0: no exact match, only candidates
    elif not ids and model is Organization:
        ids = [0, *organization_candidates(proposal.label)]
    if ids and ids[0] == 0:
        proposal.content_type = None
        proposal.object_id = None
        proposal.candidates = ids[1:]
    elif len(ids) == 1:
        proposal.content_type = ContentType.objects.get_for_model(model)
        proposal.object_id = ids[0]
        proposal.candidates = []
    else:
        proposal.content_type = None
        proposal.object_id = None
        proposal.candidates = ids
