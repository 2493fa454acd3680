"""Loading the language data files that ship inside the package (word lists, tables)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from qogam.errors import ModelError


def read_resource(package: str, name: str) -> str:
    """Return the text of data file ``name`` in ``package`` (e.g. ``"qogam.nlp.kk"``).

    Raises :class:`ModelError` when the file does not ship with the installed package.
    """
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(f"data file {name} is missing from {package}; reinstall qogam") from None


@cache
def load_sections(package: str, name: str) -> dict[str, tuple[str, ...]]:
    """Return the non-comment lines of a word list, grouped by ``[section]`` headers.

    Lines before any header go to the section ``""``. Blank lines and ``#`` comments are
    skipped; surrounding white space is stripped. Raises :class:`ModelError` when missing.
    """
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in read_resource(package, name).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        sections[current].append(line)
    return {key: tuple(values) for key, values in sections.items()}


def load_words(package: str, name: str) -> tuple[str, ...]:
    """Return every non-comment line of a word list, all sections together, in file order."""
    return tuple(word for words in load_sections(package, name).values() for word in words)


@cache
def load_json(package: str, name: str) -> Any:
    """Return the parsed content of JSON data file ``name``; raises :class:`ModelError` if missing."""
    try:
        return json.loads(read_resource(package, name))
    except json.JSONDecodeError as exc:
        raise ModelError(f"data file {name} in {package} is not valid JSON: {exc}") from None
