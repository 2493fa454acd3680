"""The Russian word lists of this package (``nlp/ru/*.txt``), read like the Kazakh ones.

Each list is a UTF-8 text file with ``[section]`` headers and ``#`` comments, parsed once per
process by :func:`qogam.nlp.resources.load_sections` — the one reader of every word list.
"""
from __future__ import annotations

from functools import cache

from qogam.nlp.resources import load_sections

PACKAGE = "qogam.nlp.ru"


@cache
def entries(name: str, section: str) -> tuple[str, ...]:
    """The entries of one ``section`` of word list ``name`` as written (``()`` when missing).

    Raises :class:`~qogam.errors.ModelError` when the file does not ship with the package."""
    return load_sections(PACKAGE, name).get(section, ())


@cache
def words(name: str, section: str) -> frozenset[str]:
    """The entries of one section, lower case, "ё" read as "е"."""
    return frozenset(fold(entry) for entry in entries(name, section))


@cache
def pairs(name: str, section: str) -> dict[str, str]:
    """The "key value" lines of one section as a mapping, keys folded like :func:`words`."""
    out: dict[str, str] = {}
    for line in entries(name, section):
        key, _, value = line.rpartition(" ")
        out[fold(key)] = value
    return out


def fold(word: str) -> str:
    """Lower case with "ё" as "е": how Russian words are looked up in the lists."""
    return word.lower().replace("ё", "е")
