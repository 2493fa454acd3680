"""Matching keys for names of people and organisations, and their 2021 Kazakh Latin spelling.

A key is the same for every way a name turns up in the news and in a search box:
inflected ("Намазбаеваның"), in the nominative ("Намазбаева"), in Latin letters
("Namazbaeva", "Jamalbek" or the passport-style "Zhamalbek"), and, for people, in the
Russian order "family given" ("Намазбаева Инара"). It is built in four steps:

1. the case ending of the last word goes (:func:`~qogam.nlp.kk.lemmatizer.lemmatize_name`);
2. the text is normalised and lower-cased (:func:`~qogam.nlp.normalize.fold_case`);
3. Kazakh Cyrillic becomes the 2021 Latin alphabet (table in ``kk/latin2021.json``), and
   rigour's ``ascii_text`` folds what is left to ASCII (ä → a, ş → s, and any script the
   table does not cover);
4. spellings that romanisations disagree on are collapsed (zh/j, sh/s, q/k, y/i, …), the
   words are split with rigour's ``tokenize_name`` (quotes, dots and hyphens go) and, for
   people only, sorted so that word order does not matter.

Keys are for finding candidates, not for proving identity: two different people may share
one, which is why the registry offers candidates instead of merging on a key alone.
"""
from __future__ import annotations

import json
from functools import lru_cache

from rigour.names import tokenize_name
from rigour.text.translit import ascii_text

from qogam.nlp.kk.lemmatizer import lemmatize_name
from qogam.nlp.normalize import fold_case
from qogam.nlp.resources import read_resource


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str], tuple[tuple[str, str], ...]]:
    data = json.loads(read_resource("qogam.nlp.kk", "latin2021.json"))
    return dict(data["letters"]), dict(data["upper"]), tuple((a, b) for a, b in data["skeleton"])


def to_latin(text: str) -> str:
    """Return ``text`` with its Kazakh Cyrillic letters written in the 2021 Latin alphabet.

    Letter case is kept ("Шәріпбек" → "Şärıpbek", "Инара" → "İnara"); every other character
    passes through unchanged. Never raises.
    """
    letters, upper, _ = _table()
    out: list[str] = []
    for ch in text:
        low = ch.lower()
        latin = letters.get(low)
        if latin is None:
            out.append(ch)
        elif ch != low and latin:
            out.append(upper.get(latin[0], latin[0].upper()) + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


def safe_ascii(text: str) -> str:
    """rigour's ``ascii_text`` of ``text``, never raising: ICU refuses a few characters it
    cannot convert ("\U0001dab0", a SignWriting mark, found by fuzzing); then each character is
    folded alone and those it refuses are left out."""
    try:
        return ascii_text(text)
    except Exception:  # icu.ICUError, which PyICU does not let us name without importing it
        out = []
        for ch in text:
            try:
                out.append(ascii_text(ch))
            except Exception:
                continue
        return "".join(out)


def _skeleton(text: str) -> list[str]:
    _, _, rules = _table()
    folded = safe_ascii(to_latin(text)).lower()
    for old, new in rules:
        folded = folded.replace(old, new)
    return [part for part in tokenize_name(folded) if part]


def person_key(name: str) -> str:
    """Return the inflection-free, transliteration- and order-insensitive key of a person's name.

    "Инара Намазбаеваның", "Намазбаева Инара" and "Inara Namazbaeva" give the same key.
    "" for a name with no letters. Never raises.
    """
    return " ".join(sorted(_skeleton(fold_case(lemmatize_name(name)))))


def organization_key(name: str) -> str:
    """Return the inflection-free, transliteration-insensitive key of an organisation's name.

    Quotation marks and case endings do not count ("«Жайылма» қоғамдық бірлестігінің" and
    "Жайылма қоғамдық бірлестігі" meet); word order does. "" for a name with no letters.
    """
    return " ".join(_skeleton(fold_case(lemmatize_name(name))))


def latin_name(name: str) -> str:
    """Return the nominative of ``name`` in the 2021 Kazakh Latin alphabet ("Намазбаеваның" → "Namazbaeva")."""
    return to_latin(lemmatize_name(name))
