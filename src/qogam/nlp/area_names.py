"""Names of areas: a key that knows the administrative noun, and the areas an organisation's name names.

"Ақсукент" and "Ақсукент ауылы" are one village; "Түркістан облысы" and "Түркістан қаласы"
are a region and a city. :func:`area_key` splits a place name into the key of its proper
name and the kind its administrative noun gives (Kazakh "облысы", "ауданы", "қаласы",
"ауылы", "ауылдық округі" after the name; Russian "область", "район", "город", "село" before
or after it), so that a registry can match the two spellings of one village and keep the
region and the city apart.

:func:`areas_in_name` reads the areas an organisation names itself after: "Сайрам ауданы
әкімінің аппараты" (the district of Сайрам), "Түркістан қалалық мәслихаты" (the city),
"облыстық ардагерлер кеңесі" (a region, not named: the article's).

The nouns are data: ``nlp/kk/place_words.txt`` ([kinds], [levels]) and
``nlp/ru/post_nouns.txt`` ([place_kinds]).
"""
from __future__ import annotations

from functools import lru_cache

from qogam.nlp.kk import lexicon as kk
from qogam.nlp.name_keys import organization_key
from qogam.nlp.normalize import fold_case
from qogam.nlp.ru import lexicon as ru

# Kinds that news writes bare ("Түркістанда", "в Шымкенте"): a bare name may be one of these.
SETTLEMENT_KINDS = frozenset({"country", "city", "city_republican", "village"})


@lru_cache(maxsize=1)
def _nouns() -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """(noun words, kind, written after the name), longest first."""
    found = [(tuple(noun.split()), kind, True) for noun, kind in kk.pairs("place_words.txt", "kinds").items()]
    found += [(tuple(noun.split()), kind, after) for noun, kind in ru.pairs("post_nouns.txt", "place_kinds").items()
              for after in (True, False)]
    return tuple(sorted(found, key=lambda item: -len(item[0])))


def _words(name: str) -> list[str]:
    return fold_case(name).replace("ё", "е").split()


def area_key(name: str) -> tuple[str, str | None]:
    """Return (the key of the proper name, the kind the administrative noun gives, or None).

    "Ақсукент ауылы" → ("aqsukent", "village"); "Ақсукент" → ("aqsukent", None); "город
    Аральск" → (key of "Аральск", "city"). The key is :func:`organization_key` of what is left,
    so case endings and Latin spellings meet ("Сайрам ауданының" → the key of "Сайрам").
    """
    words = name.split()
    folded = _words(name)
    for noun, kind, after in _nouns():
        k = len(noun)
        if len(folded) <= k:
            continue
        if after and _is_noun(folded[-k:], noun):
            return organization_key(" ".join(words[:-k])), kind
        if not after and tuple(folded[:k]) == noun:
            return organization_key(" ".join(words[k:])), kind
    return organization_key(name), None


def _is_noun(words: list[str], noun: tuple[str, ...]) -> bool:
    """Whether ``words`` are ``noun``, the last one perhaps with a case ending ("ауданының")."""
    if tuple(words[:-1]) != noun[:-1]:
        return False
    last, want = words[-1], noun[-1]
    return last == want or (last.startswith(want) and organization_key(last) == organization_key(want))


def same_kind(a: str | None, b: str) -> bool:
    """Whether a name's kind ``a`` (None: bare) fits an area of kind ``b``."""
    if a is None:
        return b in SETTLEMENT_KINDS
    fold = {"city_republican": "city"}
    return fold.get(a, a) == fold.get(b, b)


def areas_in_name(name: str) -> list[tuple[str | None, str]]:
    """Return the areas an organisation's name names: (proper name or None, kind), in order.

    "Сайрам ауданы әкімінің аппараты" → [("Сайрам", "district")]; "Түркістан қалалық
    мәслихаты" → [("Түркістан", "city")]; "облыстық ардагерлер кеңесі" → [(None, "region")].
    Only a capitalised word before the noun is a proper name; a name in «…» is no area.
    """
    words = name.replace("«", " « ").replace("»", " » ").split()
    levels = kk.pairs("place_words.txt", "levels")
    found: list[tuple[str | None, str]] = []
    quoted = False
    for i, word in enumerate(words):
        if word in ("«", "»"):
            quoted = word == "«"
            continue
        if quoted:
            continue
        lower = fold_case(word)
        before = words[i - 1] if i > 0 else ""
        proper = before if before[:1].isupper() and before not in ("«", "»") else None
        if lower in levels:
            found.append((proper, levels[lower]))
            continue
        for noun, kind, after in _nouns():
            if not after or len(noun) != 1 or proper is None:
                continue
            if _is_noun([lower], noun):
                found.append((proper, kind))
                break
    return found
