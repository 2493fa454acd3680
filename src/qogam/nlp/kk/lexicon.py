"""The one reader of the Kazakh word lists of this package (``nlp/kk/*.txt``).

A word list is a UTF-8 text file, one entry a line, ``#`` comments, optional ``[section]``
headers (:func:`qogam.nlp.resources.load_sections`). Every module that needs a list asks here,
so each file is parsed once per process and every list is looked up the same way: lower case
for :func:`words`, as written for :func:`entries`.
"""
from __future__ import annotations

from functools import cache, lru_cache

from qogam.nlp.resources import load_sections

PACKAGE = "qogam.nlp.kk"


@cache
def entries(name: str, section: str | None = None) -> tuple[str, ...]:
    """The entries of word list ``name`` as written: one ``section``, or all of them in order.

    A missing section gives ``()``; a missing file raises :class:`~qogam.errors.ModelError`.
    """
    sections = load_sections(PACKAGE, name)
    if section is not None:
        return sections.get(section, ())
    return tuple(entry for lines in sections.values() for entry in lines)


@cache
def words(name: str, section: str | None = None) -> frozenset[str]:
    """The entries of word list ``name`` (one ``section`` or all), lower case."""
    return frozenset(entry.lower() for entry in entries(name, section))


@cache
def pairs(name: str, section: str) -> dict[str, str]:
    """The "key value" lines of one ``section`` as a mapping ("Мәжіліс state_body")."""
    out: dict[str, str] = {}
    for line in entries(name, section):
        key, _, value = line.rpartition(" ")
        out[key] = value
    return out


#: The files of given names: the NER model's gazetteer, and the names only extraction reads.
NAME_FILES = ("first_names.txt", "given_names.txt")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-case first names (Kazakh, Russian and others common in Kazakhstan)."""
    return frozenset().union(*(words(name) for name in NAME_FILES))
