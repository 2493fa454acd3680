"""Whether two organisation names, in Kazakh, Russian or Latin, may be one body.

A name is its words' inflection-free skeletons (:func:`qogam.nlp.name_keys.organization_key`),
each cut to its first :data:`STEM` letters so that a case ending does not count
("Шымкента"/"Шымкент"). Its **core** is what is left without the words that every body of a
kind shares — type nouns, levels, area nouns, connectors (the type phrases and modifiers of
``kk/org_type_phrases.txt`` and ``kk/org_words.txt``, the heads of ``ru/org_types.txt``, and the
``org_generic_words.txt`` of both languages). "Шымкент қаласы мәслихаты" and "маслихат города
Шымкента" have the core {шымкент}; "облыстық ардагерлер кеңесі" has none, and is compared by
all its words (and, by the registry, only within one area).

:func:`compare` returns a score in [0, 1] and the reason for it. It never merges: the
registry adds what it knows of the two bodies (type, area, BIN, people) before a reviewer
sees the pair.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rigour.text import jaro_winkler

from qogam.nlp.name_keys import organization_key
from qogam.nlp.name_match import QUOTED, same_organization_candidate

STEM = 5


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    from qogam.nlp.kk import lexicon as kk
    from qogam.nlp.ru import lexicon as ru

    words: set[str] = set(kk.entries("org_generic_words.txt", "generic"))
    words.update(w for phrase in kk.entries("org_type_phrases.txt") for w in phrase.split())
    for section in ("modifiers", "level", "branch_heads", "wing_heads", "department_heads", "venue_heads"):
        words.update(kk.entries("org_words.txt", section))
    words.update(ru.entries("org_generic_words.txt", "generic"))
    words.update(line.rpartition(" ")[0] or line for line in ru.entries("org_types.txt", "heads"))
    words.update(w for line in ru.entries("org_types.txt", "qualified") for w in line.split()[:2])
    words.update(ru.entries("org_types.txt", "parts"))
    return frozenset(s for w in words for s in _stems(w))


@lru_cache(maxsize=50_000)
def _stems(name: str) -> tuple[str, ...]:
    return tuple(word[:STEM] for word in organization_key(name).split() if word)


def words_of(name: str) -> tuple[str, ...]:
    """The stems of every word of ``name``, in order."""
    return _stems(name)


@lru_cache(maxsize=50_000)
def core(name: str) -> frozenset[str]:
    """The stems of the words of ``name`` that tell it from other bodies of its kind: the
    words in quotation marks, and the others that are not generic."""
    found = QUOTED.search(name)
    inside = set(_stems(found.group(1))) if found else set()
    return frozenset(inside | {s for s in _stems(name) if not _is_generic(s)})


@lru_cache(maxsize=1)
def _short_generic() -> frozenset[str]:
    return frozenset(s for s in _generic() if len(s) == 4)


def _is_generic(stem: str) -> bool:
    """A generic word's stem, or one of a four-letter generic word with an ending the key kept
    ("алқасы" of "алқа"). Three-letter words ("қор") are matched whole: "Қорған" is a name."""
    return len(stem) <= 1 or stem in _generic() or stem[:4] in _short_generic()


@lru_cache(maxsize=1)
def _signs() -> dict[str, tuple[str, str]]:
    """Each stem of ``[signs]`` and the sign it gives, as (family, code): ("kind", "maslihat")."""
    from qogam.nlp.ru import lexicon as ru

    table: dict[str, tuple[str, str]] = {}
    for line in ru.entries("org_generic_words.txt", "signs"):
        code, *words = line.split()
        family, _, value = code.partition(":")
        for word in words:
            for stem in _stems(word):
                table[stem] = (family, value)
    return table


@lru_cache(maxsize=50_000)
def signs(name: str) -> dict[str, frozenset[str]]:
    """The kinds and levels the words of ``name`` outside its quotation marks give:
    {"kind": {...}, "level": {...}} («Қазақстан халқына» қоры is a foundation of no level)."""
    table = _signs()
    found: dict[str, set[str]] = {"kind": set(), "level": set()}
    outside = QUOTED.sub(" ", name)
    if _ADDRESS.search(outside):
        found["kind"].add("media")  # "Orda.kz", "Almaty.tv": an outlet named by its address
    if _REGION_BRANCH.search(outside):
        found["kind"].add("branch")  # "ВКОФ партии": a regional branch ("областной филиал") by its letters
        found["level"].add("region")
    for stem in _stems(outside):
        if stem in table:
            family, value = table[stem]
            found[family].add(value)
    return {family: frozenset(values) for family, values in found.items()}


_REGION_BRANCH = re.compile(r"\b[А-ЯӘҒҚҢӨҰҮҺІ]{1,3}(?:ОФ|ОФП)\b")
_ADDRESS = re.compile(r"\w\.(?:kz|tv|com|org|net|ru|info|media|news)\b", re.IGNORECASE)


# Levels from the most local up: two bodies named at different most-local levels are two
# ("қалалық Қазақстан халқы ассамблеясы" is not "Қазақстан халқы Ассамблеясы").
_LEVELS = ("village", "district", "city", "region", "republic")
# Kinds that make a body a part of another: a name with one of them is not the whole body.
_PART_KINDS = frozenset({"branch", "wing"})


def _local(levels: frozenset[str]) -> str | None:
    return next((level for level in _LEVELS if level in levels), None)


def _other_kind(a: str, b: str) -> str | None:
    """"kind" when the two names give kinds and none in common; "level" when their most local
    levels differ; "part" when one is a branch or wing and the other is not, or both give kinds
    and one more (a council of an assembly and the assembly); else None."""
    sa, sb = signs(a), signs(b)
    if sa["kind"] and sb["kind"] and not sa["kind"] & sb["kind"]:
        return "kind"
    if sa["level"] and sb["level"] and _local(sa["level"]) != _local(sb["level"]):
        return "level"
    if (sa["kind"] & _PART_KINDS) != (sb["kind"] & _PART_KINDS):
        return "part"
    if sa["kind"] and sb["kind"] and sa["kind"] != sb["kind"]:
        return "part"
    return None


@lru_cache(maxsize=1)
def _place_stems() -> frozenset[str]:
    """The stems of the words of the place names of ``kk/places.txt`` (regions, cities, districts)."""
    from qogam.nlp.kk import lexicon as kk

    return frozenset(s for place in kk.entries("places.txt") for s in _stems(place) if not _is_generic(s))


def _places(stems: frozenset[str]) -> frozenset[str]:
    return stems & _place_stems()


def _outside(name: str) -> frozenset[str]:
    """The distinctive stems of ``name`` outside its quotation marks (a place, a field)."""
    return core(QUOTED.sub(" ", name))


def quoted(name: str) -> str:
    """The words in the first quotation marks of ``name``, as stems joined by a space ("" if none)."""
    found = QUOTED.search(name)
    return " ".join(_stems(found.group(1))) if found else ""


def _fuzzy_equal(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether each stem of ``a`` pairs with its own stem of ``b`` at Jaro-Winkler ≥ 0.9."""
    if len(a) != len(b) or _places(a) != _places(b):
        return False  # places are compared as they are: "Сайрам" is not "Сарыағаш"
    left = sorted(b)
    for stem in sorted(a):
        best = max(left, key=lambda other: jaro_winkler(stem, other))
        if jaro_winkler(stem, best) < 0.9:
            return False
        left.remove(best)
    return True


def compare(a: str, b: str) -> tuple[float, str]:
    """The score that organisation names ``a`` and ``b`` are one body's, and why.

    Reasons: ``same-quoted`` (the same words in quotation marks), ``part-of`` (one is a branch, wing,
    faction or council of the other), ``same-quoted-elsewhere`` (the same in quotation marks,
    but one names a place the other does not), ``same-quoted-local`` (the same, with a
    level and no place: "облыстық филиал" — the registry asks for one area), ``same-core`` (the same
    distinctive words), ``close-core`` (the same number of them, each one close), ``more-core``
    (one name has one distinctive word more), ``same-generic`` (no distinctive word, the same
    words: the registry asks for one area), ``other-kind`` and ``other-level`` (the names' type
    nouns, or level words, have nothing in common: an akimat and a maslihat, a city's body and
    a region's), ``different``.
    """
    other = _other_kind(a, b)
    if other == "part":
        return 0.6, "part-of"
    if other is not None:
        return 0.5, f"other-{other}"
    qa, qb = quoted(a), quoted(b)
    ca, cb = core(a), core(b)
    if qa and qa == qb:
        if not same_organization_candidate(a, b):
            return 0.6, "part-of"  # a party and its branch, a wing and its branch
        oa, ob = _outside(a), _outside(b)
        if _places(oa) != _places(ob):
            return 0.8, "same-quoted-elsewhere"  # one names a place the other does not
        if signs(a)["level"] and not oa:
            return 0.9, "same-quoted-local"  # "«Нұр Отан» облыстық филиалы": which region's?
        return 0.95, "same-quoted"
    if qa and qb:
        return 0.3, "different"
    if ca and cb:
        if ca == cb:
            return 0.92, "same-core"
        if _fuzzy_equal(ca, cb):
            return 0.9, "close-core"
        small, big = sorted((ca, cb), key=len)
        if small < big and len(big) - len(small) == 1:
            return 0.75, "more-core"
        return round(0.7 * len(ca & cb) / len(ca | cb), 3), "different"
    if not ca and not cb:
        if sorted(_stems(a)) == sorted(_stems(b)):
            return 0.9, "same-generic"
        return 0.0, "different"
    return 0.3, "different"
