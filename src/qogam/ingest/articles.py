"""News articles on disk: plain text (with an optional ``.meta.json`` sidecar) or JSON objects."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from qogam.errors import InputError
from qogam.ingest.files import decode_text, read_bytes

_SKIPPED_SUFFIXES = (".gold.json", ".meta.json")


def parse_date(value: Any) -> date | None:
    """Return the date of an ISO string ("2024-03-12", or a timestamp starting so), else None."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def read_article(source: str | Path) -> tuple[str, str, date | None]:
    """Return (name, text, published date) of a text file, "-", or a JSON article.

    A JSON article is an object with "text" (and optionally "date", ISO format). A ``.txt``
    file may have a ``.meta.json`` sidecar with its "date". Raises :class:`InputError` for
    unreadable input; an empty text is returned as "" for the caller to report.
    """
    name, data = read_bytes(source)
    text = decode_text(data, name, allow_empty=True)
    published: date | None = None
    if name.endswith(".json"):
        try:
            article = json.loads(text) if text.strip() else {}
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
        if not isinstance(article, dict) or not isinstance(article.get("text", ""), str):
            raise InputError(f'{name}: a JSON article must be an object with a "text" string')
        return name, article.get("text", ""), parse_date(article.get("date"))
    if source != "-":
        meta = Path(str(source)).with_suffix(".meta.json")
        if meta.is_file():
            try:
                published = parse_date(json.loads(meta.read_text(encoding="utf-8")).get("date"))
            except (OSError, ValueError, AttributeError):
                published = None
    return name, text, published


def article_paths(directory: Path) -> list[Path]:
    """The articles of a directory: ``*.txt`` and ``*.json`` files, gold and meta files skipped."""
    paths = [
        p for p in sorted(directory.iterdir())
        if p.is_file() and p.suffix in (".txt", ".json") and not p.name.endswith(_SKIPPED_SUFFIXES)
    ]
    if not paths:
        raise InputError(f"{directory}: no .txt or .json articles found")
    return paths


