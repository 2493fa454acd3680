"""The Kazakh word lists extraction reads, loaded once: names, places, posts, organisation types."""
from __future__ import annotations

from functools import lru_cache

from qogam.nlp.resources import load_json, load_sections, load_words

_PATRONYMIC_ENDINGS = ("ұлы", "қызы", "улы", "кызы", "ович", "евич", "овна", "евна", "ична", "инична")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-case first names (Kazakh, Russian and others common in Kazakhstan)."""
    return frozenset(name.lower() for name in load_words("qogam.nlp.kk", "first_names.txt"))


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """Lower-case common nouns of news text (``common_nouns.txt``, every section)."""
    return frozenset(w.lower() for w in load_words("qogam.nlp.kk", "common_nouns.txt"))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Lower-case words that open sentences but never belong to a name (ал, сосын, бұл…)."""
    return frozenset(w.lower() for w in load_words("qogam.nlp.kk", "function_words.txt"))


@lru_cache(maxsize=1)
def surname_endings() -> tuple[str, ...]:
    """Lower-case endings of family names, longest first."""
    endings = load_words("qogam.nlp.kk", "surname_endings.txt")
    return tuple(sorted({e.lower() for e in endings}, key=len, reverse=True))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-case place names in the nominative, single- and multi-word."""
    return frozenset(p.lower() for p in load_words("qogam.nlp.kk", "places.txt"))


@lru_cache(maxsize=1)
def place_prefixes() -> frozenset[str]:
    """The first two words of multi-word place names, and whole two-word names, lower case."""
    return frozenset(" ".join(p.split()[:2]) for p in places() if " " in p)


@lru_cache(maxsize=1)
def org_context() -> dict[str, frozenset[str]]:
    """Word classes around organisation names, by section of ``org_context.txt``: "venue"
    (nouns after a type noun that make it a place), "level" (облыстық, аудан…), "people"
    (ethnonyms, with the [people] class of ``word_classes.txt``)."""
    sections = {
        k: frozenset(w.lower() for w in v)
        for k, v in load_sections("qogam.nlp.kk", "org_context.txt").items()
        if k and k != "standalone"
    }
    peoples = load_sections("qogam.nlp.kk", "word_classes.txt").get("people", ())
    sections["people"] = sections.get("people", frozenset()) | {w.lower() for w in peoples}
    return sections


@lru_cache(maxsize=1)
def standalone_bodies() -> dict[str, str]:
    """Bodies one capitalised word names ("Мәжіліс", "ҚХА") → their organisation type."""
    lines = load_sections("qogam.nlp.kk", "org_context.txt").get("standalone", ())
    return dict(line.split() for line in lines)


@lru_cache(maxsize=1)
def compound_roles() -> dict[tuple[str, str], str]:
    """(lemma before the head, head lemma) → the two-word role reported ("мемлекет басшысы")."""
    out: dict[tuple[str, str], str] = {}
    for line in load_words("qogam.nlp.kk", "role_phrases.txt"):
        words, _, role = line.partition("=")
        before, head = words.split()
        out[(before, head)] = role.strip()
    return out


@lru_cache(maxsize=1)
def izafet_heads() -> frozenset[str]:
    """Lower-case possessive head nouns that belong to a place name (облысы, ауданы, …)."""
    return frozenset(w.lower() for w in load_words("qogam.nlp.kk", "izafet_heads.txt"))


@lru_cache(maxsize=1)
def post_nouns() -> frozenset[str]:
    """Lemmas of single-word post nouns (төраға, төрайым, директор, әкім, …)."""
    sections = load_sections("qogam.nlp.kk", "post_nouns.txt")
    words = {w.lower() for lines in sections.values() for w in lines if " " not in w}
    words |= {w.lower() for w in load_words("qogam.nlp.kk", "professions.txt")}
    return frozenset(words - non_posts())


@lru_cache(maxsize=1)
def role_synonyms() -> dict[str, tuple[str, str]]:
    """Post words standing for a post written otherwise: "вице-әкім" → ("орынбасар", "әкімінің")."""
    data = load_json("qogam.nlp.kk", "role_synonyms.json")
    return {k: (v[0], v[1]) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def non_posts() -> frozenset[str]:
    """Role nouns that name a part played, not a post held (өкіл, ерікті, қатысушы…)."""
    return frozenset(w.lower() for w in load_words("qogam.nlp.kk", "non_posts.txt"))


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


def is_patronymic(word: str) -> bool:
    """Whether a lower-case nominative word is a patronymic (-ұлы, -қызы, -ович, -овна…)."""
    return len(word) > 5 and word.endswith(_PATRONYMIC_ENDINGS)


# Endings of the Russian type that Kazakh first names share: Айнадин, Жаңылсын, Әмин.
_SHARED_WITH_FIRST_NAMES = frozenset({"ин", "ын"})


@lru_cache(maxsize=1)
def _ending_kinds() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(endings only family names have, endings first names have too), longest first."""
    sections = load_sections("qogam.nlp.kk", "surname_endings.txt")
    strong = {e.lower() for e in sections.get("russian_type", ())} - _SHARED_WITH_FIRST_NAMES
    shared = {e.lower() for e in sections.get("kazakh_type", ())} | _SHARED_WITH_FIRST_NAMES
    by_length = lambda items: tuple(sorted(items, key=len, reverse=True))  # noqa: E731
    return by_length(strong), by_length(shared - strong)


def surname_kind(word: str) -> str | None:
    """How a lower-case nominative word ends: "surname" for an ending only family names have
    (-ов, -ева, -ский…), "name" for one first names share (-бек, -бай, -гүл, -ин…), else None."""
    strong, shared = _ending_kinds()
    if any(word.endswith(e) and len(word) >= len(e) + 3 for e in strong):
        return "surname"
    if any(word.endswith(e) and len(word) >= len(e) + 3 for e in shared):
        return "name"
    return None


_CASE_ENDINGS = (
    ("GEN", ("ның", "нің", "дың", "дің", "тың", "тің")),
    ("ABL", ("нан", "нен", "дан", "ден", "тан", "тен")),
    ("INS", ("мен", "бен", "пен", "менен", "бенен", "пенен")),
    ("LOC", ("нда", "нде", "да", "де", "та", "те")),
    ("DAT", ("на", "не", "ға", "ге", "қа", "ке", "а", "е")),
    ("ACC", ("ны", "ні", "ды", "ді", "ты", "ті", "н")),
)


def ending_case(surface_last: str, nominative: str) -> str:
    """The case of a name's last word, from what the lemmatiser cut off it ("NOM" if nothing)."""
    base = nominative.split()[-1] if nominative.split() else ""
    if not surface_last.lower().startswith(base.lower()) or len(surface_last) == len(base):
        return "NOM"
    return case_of_ending(surface_last[len(base) :].lstrip("-"))


def case_of_ending(ending: str) -> str:
    """The case a bare case ending marks ("ның" → GEN, "ға" → DAT); "NOM" for anything else."""
    lower = ending.lower()
    for case, endings in _CASE_ENDINGS:
        if lower in endings:
            return case
    return "NOM"
