"""Finding people, organisations and areas from what a visitor types.

The query is reduced to the core's name keys (:mod:`qogam.nlp.name_keys`): case endings
go, Cyrillic and Latin spellings meet, so "Намазбаеваның", "Namazbaeva" and the Russian
"Намазбаева" all become ``namazbaeva``. A stored key matches when it contains every word of
the query's key as a whole word. When nothing does, each long word is cut back by two
letters and matched as the start of a word, which catches endings the Kazakh lemmatiser
does not know — Russian declension above all ("Намазбаевой", "Жамалбеку").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Q

from qogam.nlp.name_keys import organization_key, person_key
from qogam.registry.core.models import Area, NameKey, Organization, Person

LIMIT = 50
# Words shorter than this are matched whole even in the relaxed pass: "ali" cut to "a" would match everyone.
_MIN_STEM = 4
_CUT = 2


@dataclass
class Results:
    """What a search found; each list holds at most :data:`LIMIT` entries."""

    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    relaxed: bool = False

    def __len__(self) -> int:
        return len(self.people) + len(self.organizations) + len(self.areas)


def _whole_word(word: str) -> Q:
    return Q(key=word) | Q(key__startswith=word + " ") | Q(key__endswith=" " + word) | Q(key__contains=f" {word} ")


def _word_start(stem: str) -> Q:
    return Q(key__startswith=stem) | Q(key__contains=" " + stem)


def _stem(word: str) -> str | None:
    """Return ``word`` cut back for the relaxed pass, or None when it is too short to cut."""
    return word[:-_CUT] if len(word) - _CUT >= _MIN_STEM else None


def _key_filter(words: list[str], relaxed: bool) -> Q:
    condition = Q()
    for word in words:
        stem = _stem(word) if relaxed else None
        condition &= _word_start(stem) if stem else _whole_word(word)
    return condition


def _ids(owner: str, words: list[str], relaxed: bool) -> list[int]:
    if not words:
        return []
    rows = (NameKey.objects.filter(_key_filter(words, relaxed), **{f"{owner}__isnull": False})
            .values_list(f"{owner}_id", flat=True).distinct())
    return list(rows[:LIMIT])


@lru_cache(maxsize=4096)
def _area_words(name: str) -> frozenset[str]:
    return frozenset(organization_key(name).split())


def _area_matches(area: Area, words: list[str], relaxed: bool) -> bool:
    names = [n for n in (area.name_kk, area.name_ru, area.name_en) if n]
    for name in names:
        have = _area_words(name)
        if all(_word_matches(q, have, relaxed) for q in words):
            return True
    return False


def _word_matches(word: str, have: frozenset[str], relaxed: bool) -> bool:
    stem = _stem(word) if relaxed else None
    return any(w.startswith(stem) for w in have) if stem else word in have


def search(query: str) -> Results:
    """Return the people, organisations and areas whose names match ``query``. Never raises.

    An empty query, or one without letters, finds nothing.
    """
    person_words = person_key(query).split()
    org_words = organization_key(query).split()
    results = Results()
    if not person_words and not org_words:
        return results
    for relaxed in (False, True):
        people_ids = _ids("person", person_words, relaxed)
        org_ids = _ids("organization", org_words, relaxed)
        areas = [a for a in Area.objects.only("pk", "slug", "classification", "name_kk", "name_ru", "name_en")
                 if _area_matches(a, org_words, relaxed)]
        if people_ids or org_ids or areas:
            results.relaxed = relaxed
            break
    results.people = list(Person.objects.filter(pk__in=people_ids).order_by("family_name", "name", "pk"))
    results.organizations = list(Organization.objects.filter(pk__in=org_ids).select_related("area")
                                 .order_by("name_kk", "name_ru", "pk"))
    results.areas = areas[:LIMIT]
    return results
