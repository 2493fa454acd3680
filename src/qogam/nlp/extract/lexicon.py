"""The Kazakh word lists extraction reads: names, places, posts, organisation types and the
words around them. Every list is a data file of ``nlp/kk/`` read through the one reader,
:mod:`qogam.nlp.kk.lexicon`; this module only gives each list its name and shape.
"""
from __future__ import annotations

from functools import cache, lru_cache

from qogam.nlp.kk import lexicon as kk
from qogam.nlp.kk.morphology import tables
from qogam.nlp.resources import load_json


def first_names() -> frozenset[str]:
    """Lower-case first names (Kazakh, Russian and others common in Kazakhstan)."""
    return kk.first_names()


def common_nouns() -> frozenset[str]:
    """Lower-case common nouns of news text (``common_nouns.txt``, every section)."""
    return kk.words("common_nouns.txt")


def function_words() -> frozenset[str]:
    """Lower-case words that open sentences but never belong to a name (ал, сосын, бұл…)."""
    return kk.words("function_words.txt")


@lru_cache(maxsize=1)
def surname_endings() -> tuple[str, ...]:
    """Lower-case endings of family names, longest first."""
    return tuple(sorted(kk.words("surname_endings.txt"), key=len, reverse=True))


def places() -> frozenset[str]:
    """Lower-case place names in the nominative, single- and multi-word."""
    return kk.words("places.txt")


@lru_cache(maxsize=1)
def place_prefixes() -> frozenset[str]:
    """The first two words of multi-word place names, and whole two-word names, lower case."""
    return frozenset(" ".join(p.split()[:2]) for p in places() if " " in p)


def org_words(section: str) -> frozenset[str]:
    """One section of ``org_words.txt``: the words in and around organisation names."""
    return kk.words("org_words.txt", section)


@cache
def org_suffixes(section: str) -> tuple[str, ...]:
    """A section of endings of ``org_words.txt`` ("modifier_suffixes", "adjective_suffixes")."""
    return tuple(sorted(org_words(section), key=len, reverse=True))


@lru_cache(maxsize=1)
def peoples() -> frozenset[str]:
    """Peoples that name an ethno-cultural association: the [people] class of
    ``word_classes.txt`` and the [people] of ``org_words.txt``."""
    return org_words("people") | kk.words("word_classes.txt", "people")


def is_people(word: str) -> bool:
    """Whether a lower-case word names a people, or peoples joined by hyphens ("татар-башқұрт")."""
    known = peoples()
    return word in known or ("-" in word and all(part in known for part in word.split("-")))


def post_words(section: str) -> frozenset[str]:
    """One section of ``post_words.txt``: the words around posts."""
    return kk.words("post_words.txt", section)


def person_words(section: str) -> frozenset[str]:
    """One section of ``person_words.txt``: the words around person names."""
    return kk.words("person_words.txt", section)


def speaker_pronouns() -> frozenset[str]:
    """Words of an attribution that mean the person named last ("ол", "спикер")."""
    return kk.words("speech_verbs.txt", "pronouns")


_NAME_SECTION_TYPES = {"state": "state_body", "parties_movements": "party", "international": "other",
                       "companies_media": "company", "education_science": "education"}


@lru_cache(maxsize=1)
def _listed_organizations() -> tuple[tuple[str, str], ...]:
    """(name as written, type) of every well-known organisation of ``org_names.txt``."""
    return tuple((name, type_) for section, type_ in _NAME_SECTION_TYPES.items()
                 for name in kk.entries("org_names.txt", section))


@lru_cache(maxsize=1)
def known_organizations() -> dict[str, str]:
    """The well-known organisations of ``org_names.txt``, lower case → their type."""
    return {name.lower(): type_ for name, type_ in _listed_organizations()}


@lru_cache(maxsize=1)
def standalone_bodies() -> dict[str, str]:
    """Bodies one capitalised word names ("Мәжіліс", "ҚХА", "ЮНИСЕФ") → their organisation type:
    the [standalone] of ``org_words.txt`` and the one-word names of ``org_names.txt``."""
    out = {name: type_ for name, type_ in _listed_organizations() if " " not in name}
    out.update(kk.pairs("org_words.txt", "standalone"))
    return out


@lru_cache(maxsize=1)
def compound_roles() -> dict[tuple[str, str], str]:
    """(lemma before the head, head lemma) → the two-word role reported ("мемлекет басшысы")."""
    out: dict[tuple[str, str], str] = {}
    for line in kk.entries("role_phrases.txt"):
        words, _, role = line.partition("=")
        before, head = words.split()
        out[(before, head)] = role.strip()
    return out


def izafet_heads() -> frozenset[str]:
    """Lower-case possessive head nouns that belong to a place name (облысы, ауданы, …)."""
    return kk.words("izafet_heads.txt")


class PostNouns(frozenset[str]):
    """Lemmas of post nouns, where a hyphenated compound whose last part is one counts as one
    too: "вице-ректор", "заңгер-кеңесші", "антрополог-ғалым" (the role is the whole compound)."""

    def __contains__(self, lemma: object) -> bool:
        if frozenset.__contains__(self, lemma):
            return True
        if not isinstance(lemma, str):
            return False
        head, dash, tail = lemma.rpartition("-")
        return bool(dash) and head.isalpha() and head.islower() and frozenset.__contains__(self, tail)


@lru_cache(maxsize=1)
def post_nouns() -> PostNouns:
    """Lemmas of single-word post nouns (төраға, төрайым, директор, әкім, …)."""
    words = {w for w in kk.words("post_nouns.txt") if " " not in w} | kk.words("professions.txt")
    return PostNouns(words - non_posts())


@lru_cache(maxsize=1)
def role_synonyms() -> dict[str, tuple[str, str]]:
    """Post words standing for a post written otherwise: "вице-әкім" → ("орынбасар", "әкімінің")."""
    data = load_json("qogam.nlp.kk", "role_synonyms.json")
    return {k: (v[0], v[1]) for k, v in data.items() if not k.startswith("_")}


def non_posts() -> frozenset[str]:
    """Role nouns that name a part played or an honorific, not a post held (ерікті, елбасы…)."""
    return kk.words("non_posts.txt")


@lru_cache(maxsize=1)
def type_of_noun() -> dict[str, str]:
    """The organisation type a bare type noun names ("компания" → company, "қор" → foundation)."""
    out: dict[str, str] = {}
    for phrase, type_ in org_types()[0].items():
        if len(phrase) == 1 and type_ != "other":
            out.setdefault(phrase[0], type_)
    return out


@lru_cache(maxsize=1)
def org_types() -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """Return (lemma phrase → type, abbreviation → type) for organisation types."""
    data = load_json("qogam.nlp.kk", "org_types.json")
    phrases: dict[tuple[str, ...], str] = {}
    for type_, entries in data["types"].items():
        for entry in entries:
            phrases.setdefault(tuple(entry.lower().split()), type_)
    return phrases, dict(data["abbreviations"])


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Lemmas that can end a Kazakh organisation type phrase."""
    return frozenset(phrase[-1] for phrase in org_types()[0])


@lru_cache(maxsize=1)
def _patronymic_endings() -> tuple[str, ...]:
    return tuple(person_words("patronymic_endings"))


def is_patronymic(word: str) -> bool:
    """Whether a lower-case nominative word is a patronymic (-ұлы, -қызы, -ович, -овна…)."""
    return len(word) > 5 and word.endswith(_patronymic_endings())


# Endings of the Russian type that Kazakh first names share: Айнадин, Жаңылсын, Әмин.
_SHARED_WITH_FIRST_NAMES = frozenset({"ин", "ын"})


@lru_cache(maxsize=1)
def _ending_kinds() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(endings only family names have, endings first names have too), longest first."""
    strong = kk.words("surname_endings.txt", "russian_type") - _SHARED_WITH_FIRST_NAMES
    shared = kk.words("surname_endings.txt", "kazakh_type") | _SHARED_WITH_FIRST_NAMES
    by_length = lambda items: tuple(sorted(items, key=len, reverse=True))  # noqa: E731
    return by_length(strong), by_length(shared - strong)


@lru_cache(maxsize=100_000)
def surname_kind(word: str) -> str | None:
    """How a lower-case nominative word ends: "surname" for an ending only family names have
    (-ов, -ева, -ский…), "name" for one first names share (-бек, -бай, -гүл, -ин…), else None."""
    strong, shared = _ending_kinds()
    if any(word.endswith(e) and len(word) >= len(e) + 3 for e in strong):
        return "surname"
    if any(word.endswith(e) and len(word) >= len(e) + 3 for e in shared):
        return "name"
    return None


@lru_cache(maxsize=1)
def _case_of_form() -> dict[str, str]:
    """Every written form of a case ending in the morphology tables (``suffixes.json``) → its
    case: the one table of case endings."""
    out: dict[str, str] = {}
    for suffix in tables().case:
        out.setdefault(suffix.form, suffix.tag)
    return out


def ending_case(surface_last: str, nominative: str) -> str:
    """The case of a name's last word, from what the lemmatiser cut off it ("NOM" if nothing)."""
    base = nominative.split()[-1] if nominative.split() else ""
    if not surface_last.lower().startswith(base.lower()) or len(surface_last) == len(base):
        return "NOM"
    return case_of_ending(surface_last[len(base) :].lstrip("-"))


def case_of_ending(ending: str) -> str:
    """The case a bare case ending marks ("ның" → GEN, "ға" → DAT), after a plural suffix too
    ("ларды" → ACC, as in "ҮЕҰ-ларды"); "NOM" for anything else."""
    ending = ending.lower()
    cases = _case_of_form()
    case = cases.get(ending) or next(
        (cases[ending[len(p):]] for p in _plural_forms() if ending.startswith(p) and ending[len(p):] in cases), None)
    return case or "NOM"


@lru_cache(maxsize=1)
def _plural_forms() -> frozenset[str]:
    """Every written form of the plural suffix in the morphology tables."""
    return frozenset(suffix.form for suffix in tables().plural)
