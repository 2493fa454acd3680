"""News articles on disk: plain text (with an optional ``.meta.json`` sidecar) or JSON objects."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from qogam.errors import InputError
from qogam.ingest.files import decode_text, parse_json, read_bytes

_SKIPPED_SUFFIXES = (".gold.json", ".meta.json")


def parse_date(value: Any) -> date | None:
    """Return the date of an ISO string ("2024-03-12", or a timestamp starting so), else None."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


META_FIELDS = ("title", "url", "outlet", "date")


def read_article(source: str | Path) -> tuple[str, str, date | None]:
    """Return (name, text, published date) of a text file, "-", or a JSON article.

    See :func:`read_article_meta`, which also returns the title, address and outlet.
    """
    name, text, meta = read_article_meta(source)
    return name, text, parse_date(meta.get("date"))


def read_article_meta(source: str | Path) -> tuple[str, str, dict[str, str]]:
    """Return (name, text, metadata) of a text file, "-", or a JSON article.

    A JSON article is an object with "text" and optionally "title", "url", "outlet" and
    "date" (ISO format). A ``.txt`` file may have a ``.meta.json`` sidecar with the same
    fields. Metadata values are strings, missing ones left out. Raises :class:`InputError`
    for unreadable input or a sidecar that is not a JSON object; an empty text is returned
    as "" for the caller to report.
    """
    name, data = read_bytes(source)
    text = decode_text(data, name, allow_empty=True)
    if name.endswith(".json"):
        return (name, *json_article(name, text))
    meta: dict[str, str] = {}
    if source != "-":
        sidecar = Path(str(source)).with_suffix(".meta.json")
        if sidecar.is_file():
            _, raw = read_bytes(sidecar)
            found = parse_json(decode_text(raw, str(sidecar)), str(sidecar))
            if not isinstance(found, dict):
                raise InputError(f"{sidecar}: a sidecar must be a JSON object")
            meta = _meta(found)
    return name, text, meta


def json_article(name: str, text: str) -> tuple[str, dict[str, str]]:
    """Return (text, metadata) of a JSON article given as ``text``; raises :class:`InputError`."""
    article = parse_json(text, name) if text.strip() else {}
    if not isinstance(article, dict) or not isinstance(article.get("text", ""), str):
        raise InputError(f'{name}: a JSON article must be an object with a "text" string')
    return article.get("text", ""), _meta(article)


def _meta(found: dict[str, Any]) -> dict[str, str]:
    return {key: str(found[key]).strip() for key in META_FIELDS if found.get(key) not in (None, "")}


def article_paths(directory: Path) -> list[Path]:
    """The articles of a directory: ``*.txt`` and ``*.json`` files, gold and meta files skipped."""
    paths = [
        p for p in sorted(directory.iterdir())
        if p.is_file() and p.suffix in (".txt", ".json") and not p.name.endswith(_SKIPPED_SUFFIXES)
    ]
    if not paths:
        raise InputError(f"{directory}: no .txt or .json articles found")
    return paths


