"""Articles out of what outlets publish: text files, JSON and JSON Lines, HTML pages, RSS/Atom feeds.

Everything here is pure (no Django, no network): bytes in, :class:`Document` or
:class:`Failure` out, one per article, so that a bad item is reported with its name (a file,
``file.jsonl:12``, a feed entry) and never stops the rest. :mod:`qogam.ingest.sources` walks
paths, URLs and standard input and fetches what has to be fetched.

- **Text** (``.txt``): the text, with title, address, outlet and date from a ``.meta.json``
  sidecar (:func:`qogam.ingest.articles.read_article_meta`).
- **JSON** (``.json``): one article object; **JSON Lines** (``.jsonl``): one a line, with
  ``title``, ``url``, ``date``, ``outlet`` and ``text`` or ``html``.
- **HTML**: the article's main text, title, date, author and site name by trafilatura —
  menus, footers, related links and counters left out; evidence offsets count in the text
  kept. The outlet is the site's name, else its domain.
- **Feeds** (RSS, Atom, by feedparser): each entry's link, title and date, for the caller to
  fetch the page (:class:`FeedEntry`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from qogam.errors import InputError
from qogam.ingest.articles import parse_date
from qogam.ingest.encodings import decode
from qogam.ingest.files import parse_json

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_WORDS = 8  # fewer words kept from a page: no article in it
FEED_SUFFIXES = (".rss", ".atom", ".xml")


@dataclass
class Document:
    """One article ready to store: its text and what is known about it."""

    name: str
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: date | None = None
    author: str = ""
    redirects: list[str] = field(default_factory=list)


@dataclass
class Failure:
    """An item that gave no article, and why."""

    name: str
    reason: str


@dataclass
class FeedEntry:
    """An entry of a feed: the page to fetch, with the entry's title and date for when the page lacks them."""

    link: str
    title: str = ""
    published: date | None = None
    summary: str = ""


def kind_of(name: str, data: bytes, content_type: str = "") -> str:
    """What ``data`` is: "html", "feed", "jsonl", "json" or "text" (by type, suffix, then content)."""
    lower = name.lower().split("?")[0]
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("application/rss+xml", "application/atom+xml") or lower.endswith((".rss", ".atom")):
        return "feed"
    if ctype in ("text/html", "application/xhtml+xml") or lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(".jsonl") or ctype in ("application/jsonl", "application/x-ndjson"):
        return "jsonl"
    if lower.endswith(".json") or ctype == "application/json":
        return "json"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed")) and (b"<rss" in data[:2048].lower() or b"<feed" in data[:2048].lower()):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if ctype in ("application/xml", "text/xml") or lower.endswith(".xml"):
        return "feed"
    return "text"


def html_document(data: bytes | str, name: str, url: str = "", declared: str | None = None) -> Document:
    """The article of an HTML page (trafilatura). Raises :class:`InputError` when the page has none."""
    import trafilatura

    html = data if isinstance(data, str) else decode(data, name, declared)
    found = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False,
                                        include_tables=False)
    text = _trim_labels((getattr(found, "text", None) or "").strip() if found is not None else "")
    if len(text.split()) < MIN_WORDS:
        # a menu or a "Home" link is what trafilatura keeps of a page without an article
        raise InputError(f"{name}: no article text found in the page")
    site = getattr(found, "sitename", None) or ""
    host = getattr(found, "hostname", None) or (urlsplit(url).hostname or "")
    return Document(
        name=name, text=text, title=(getattr(found, "title", None) or "").strip(), url=url,
        outlet=site.strip() or host.removeprefix("www."), published=parse_date(getattr(found, "date", None)),
        author=(getattr(found, "author", None) or "").strip(),
    )


@lru_cache(maxsize=1)
def _labels() -> re.Pattern[str]:
    from qogam.nlp.resources import load_sections

    words = sorted({w.lower() for lines in load_sections("qogam.ingest", "boilerplate_lines.txt").values() for w in lines},
                   key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in words) + r")\s*[:：]", re.IGNORECASE)


def _trim_labels(text: str, reach: int = 2) -> str:
    """``text`` without the labelled lines ("Жарияланды: …", "Дереккөз: …") among its first and
    last ``reach`` lines (boilerplate_lines.txt)."""
    lines = text.split("\n")
    labelled = _labels()
    top = [i for i in range(min(reach + 1, len(lines))) if labelled.match(lines[i])]
    bottom = [i for i in range(max(0, len(lines) - reach), len(lines)) if labelled.match(lines[i])]
    drop = set(top) | set(bottom)
    return "\n".join(line for i, line in enumerate(lines) if i not in drop).strip()


def json_document(item: Any, name: str) -> Document:
    """The article of one JSON object: ``text``, or ``html`` to extract; ``title``, ``url``,
    ``date``, ``outlet``. Raises :class:`InputError` for anything else."""
    if not isinstance(item, dict):
        raise InputError(f"{name}: an article must be a JSON object")
    meta = {key: str(item[key]).strip() for key in ("title", "url", "outlet", "date", "author")
            if item.get(key) not in (None, "")}
    if isinstance(item.get("text"), str) and item["text"].strip():
        doc = Document(name=name, text=item["text"])
    elif isinstance(item.get("html"), str) and item["html"].strip():
        doc = html_document(item["html"], name, meta.get("url", ""))
    else:
        raise InputError(f'{name}: an article needs a "text" or an "html" string')
    return with_meta(doc, meta)


def with_meta(doc: Document, meta: dict[str, str]) -> Document:
    """``doc`` with the title, address, outlet, date and author that ``meta`` gives (a JSON
    article's fields, a ``.meta.json`` sidecar) in place of what the text itself gave."""
    doc.title = meta.get("title") or doc.title
    doc.url = meta.get("url") or doc.url
    doc.outlet = meta.get("outlet") or doc.outlet
    doc.published = parse_date(meta.get("date")) or doc.published
    doc.author = meta.get("author") or doc.author
    return doc


def json_lines(data: bytes, name: str) -> list[Document | Failure]:
    """One article a line; a bad line is a :class:`Failure` with its line number, the rest go on."""
    text = decode(data, name)
    out: list[Document | Failure] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            out.append(json_document(parse_json(line, where), where))
        except InputError as exc:
            out.append(Failure(where, str(exc).removeprefix(f"{where}: ")))
    return out


def feed_entries(data: bytes, name: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed, newest first as the feed gives them.

    Raises :class:`InputError` when ``data`` is no feed.
    """
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("feed")):
        raise InputError(f"{name}: not an RSS or Atom feed")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(FeedEntry(link=link, title=(entry.get("title") or "").strip(),
                                 published=date(*when[:3]) if when else None, summary=entry.get("summary") or ""))
    return entries
