"""Walking what ``qogam ingest`` is given — a file, a folder (recursively), a URL, ``-`` — into
articles, one :class:`~qogam.ingest.documents.Document` or
:class:`~qogam.ingest.documents.Failure` per item (see :mod:`qogam.ingest.documents` for
the formats). A URL is fetched (:mod:`qogam.ingest.fetch`); a feed's entries are fetched
one by one, and an entry whose page lacks a title or date takes the entry's.
"""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from qogam.errors import InputError
from qogam.ingest.articles import read_article_meta
from qogam.ingest.documents import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    Document,
    Failure,
    FeedEntry,
    feed_entries,
    html_document,
    json_document,
    json_lines,
    kind_of,
    with_meta,
)
from qogam.ingest.encodings import decode
from qogam.ingest.fetch import Fetched, FetchError, fetch, is_url
from qogam.ingest.files import parse_json, read_bytes, read_limited

Item = Document | Failure
Fetcher = Callable[..., Fetched]

SUFFIXES = (".txt", ".json", ".jsonl", *HTML_SUFFIXES, *FEED_SUFFIXES)
_SKIPPED = (".gold.json", ".meta.json")


def documents(target: str | Path, stdin: BinaryIO | None = None, fetcher: Fetcher = fetch) -> Iterator[Item]:
    """The articles of ``target``: a file, a folder, an http(s) URL or "-".

    Raises :class:`InputError` when there is nothing to read (a missing path, a folder with
    no articles); an item that fails — a URL that answers 404, a page with no article, a bad
    JSON line — is yielded as a Failure and the rest go on.
    """
    target = str(target)
    if is_url(target):
        yield from _guarded(target, lambda: _from_response(fetcher(target), fetcher))
    elif target == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _guarded("<stdin>", lambda: _from_bytes("<stdin>", read_limited(stream, "<stdin>"), fetcher))
    else:
        path = Path(target)
        if path.is_dir():
            files = folder_files(path)
            for item in files:
                yield from _guarded(str(item), functools.partial(_from_file, item, fetcher))
        elif path.is_file():
            yield from _guarded(target, lambda: _from_file(path, fetcher))
        else:
            raise InputError(f"{path}: no such file, folder or URL")


def folder_files(folder: Path) -> list[Path]:
    """The article files under ``folder``, recursively, in name order (gold and meta files,
    hidden files and folders left out). Raises :class:`InputError` when there are none."""
    found = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.endswith(_SKIPPED)
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if not found:
        raise InputError(f"{folder}: no articles found (.txt, .json, .jsonl, .html, feeds)")
    return found


def _guarded(name: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    try:
        yield from produce()
    except InputError as exc:
        yield Failure(name, str(exc).removeprefix(f"{name}: "))


def _from_file(path: Path, fetcher: Fetcher) -> Iterator[Item]:
    name, data = read_bytes(path)  # with the size limit, or a clear InputError
    kind = kind_of(name, data)
    if kind == "text":
        _, text, meta = read_article_meta(path) if _is_utf8(data) else (name, decode(data, name), {})
        yield with_meta(Document(name=name, text=text), meta)
    elif kind == "html":
        _, _, meta = read_article_meta(path) if path.with_suffix(".meta.json").is_file() else (name, "", {})
        yield with_meta(html_document(data, name, meta.get("url", "")), meta)
    else:
        yield from _from_bytes(name, data, fetcher, kind)


def _from_bytes(name: str, data: bytes, fetcher: Fetcher, kind: str | None = None) -> Iterator[Item]:
    kind = kind or kind_of(name, data)
    if kind == "jsonl":
        yield from json_lines(data, name)
    elif kind == "json":
        yield json_document(parse_json(decode(data, name), name), name)
    elif kind == "html":
        yield html_document(data, name)
    elif kind == "feed":
        yield from _from_feed(data, name, fetcher)
    else:
        yield Document(name=name, text=decode(data, name))


def _from_response(response: Fetched, fetcher: Fetcher) -> Iterator[Item]:
    kind = kind_of(response.url, response.body, response.content_type)
    if kind == "html":
        doc = html_document(response.body, response.url, response.url, response.charset)
        doc.redirects = response.redirects
        yield doc
    elif kind == "feed":
        yield from _from_feed(response.body, response.url, fetcher)
    elif kind in ("json", "jsonl"):
        yield from _from_bytes(response.url, response.body, fetcher, kind)
    elif response.content_type.startswith("text/plain"):
        yield Document(name=response.url, text=decode(response.body, response.url, response.charset), url=response.url)
    else:
        raise FetchError(f"{response.url}: not a page or a feed ({response.content_type or 'no content type'})")


def _from_feed(data: bytes, name: str, fetcher: Fetcher) -> Iterator[Item]:
    for entry in feed_entries(data, name):
        yield from entry_documents(entry, fetcher)


def entry_documents(entry: FeedEntry, fetcher: Fetcher = fetch) -> Iterator[Item]:
    """The article(s) of a feed entry's page, fetched, with the entry's title and date where
    the page lacks them; a page that fails is one Failure."""
    try:
        response = fetcher(entry.link)
        docs = list(_from_response(response, fetcher))
    except InputError as exc:
        yield Failure(entry.link, str(exc).removeprefix(f"{entry.link}: "))
        return
    for doc in docs:
        if isinstance(doc, Document):
            doc.title = doc.title or entry.title
            doc.published = doc.published or entry.published
            doc.url = doc.url or entry.link
        yield doc


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
