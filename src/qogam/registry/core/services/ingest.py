"""From article files to a Source and its Proposals: ``qogam ingest FILE|DIR``."""
from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from qogam.errors import InputError
from qogam.ingest.articles import article_paths, json_article, parse_date, read_article_meta
from qogam.ingest.files import normalize_newlines
from qogam.nlp.extract import extract
from qogam.nlp.extract.results import Extraction
from qogam.nlp.name_keys import organization_key, person_key
from qogam.nlp.normalize import normalize
from qogam.registry.core.models import Proposal, Source
from qogam.registry.core.services.audit import record, snapshot
from qogam.registry.core.services.linking import link_proposal

_SPACE_RE = re.compile(r"\s+")


@dataclass(slots=True)
class Article:
    """One article as read from disk, before it becomes a Source."""

    name: str
    text: str
    published: date | None = None
    title: str = ""
    url: str = ""
    outlet: str = ""


@dataclass
class IngestReport:
    """What an ingest did: sources stored or skipped, and the proposals made, by kind."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    proposals: Counter[str] = field(default_factory=Counter)
    linked: int = 0
    ambiguous: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Return a one-paragraph human summary of the report."""
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.proposals.items())) or "none"
        return (
            f"{self.read} articles read: {self.stored} stored, {self.skipped} already known. "
            f"Proposals: {kinds}; {self.linked} linked to existing entries, {self.ambiguous} with several candidates."
        )


def content_hash(text: str) -> str:
    """Return the sha256 (hex) of ``text`` normalised: NFC, look-alikes fixed, white space collapsed."""
    normal = _SPACE_RE.sub(" ", normalize(text).text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def read_articles(path: Path | str) -> list[Article]:
    """Return the articles of a file, a directory or "-" (standard input): ``*.txt`` files
    with their ``.meta.json`` sidecars, ``*.json`` objects.

    The title, address, outlet and date come from the JSON article or the sidecar. Raises
    :class:`InputError` for a missing path, an empty directory or an unreadable file.
    """
    if str(path) == "-":
        return [_article(*read_article_meta("-"))]
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    paths = article_paths(path) if path.is_dir() else [path]
    return [_article(*read_article_meta(item)) for item in paths]


def article_from_json(name: str, text: str) -> Article:
    """Return the Article of a JSON article's ``text`` (an upload); raises :class:`InputError`."""
    body, meta = json_article(name, text)
    return _article(name, body, meta)


def _article(name: str, text: str, meta: dict[str, str]) -> Article:
    return Article(name=name, text=text, published=parse_date(meta.get("date")), title=meta.get("title", ""),
                   url=meta.get("url", ""), outlet=meta.get("outlet", ""))


def ingest_path(path: Path | str, progress: bool | None = None) -> IngestReport:
    """Ingest a file or a directory of articles; return what was stored and proposed.

    Each article is one transaction; an article whose normalised text is already stored is
    skipped, so running twice changes nothing. ``progress`` shows a bar on stderr (default:
    only when stderr is a terminal). Raises :class:`InputError` for unreadable input.
    """
    articles = read_articles(path)
    report = IngestReport()
    show = sys.stderr.isatty() if progress is None else progress
    for article in _progress(articles, show):
        ingest_article(article, report)
    return report


def _progress(items: list[Article], show: bool) -> Iterable[Article]:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="ingest", unit="article", file=sys.stderr)


def ingest_article(article: Article, report: IngestReport | None = None, user: Any = None) -> Source | None:
    """Store ``article`` as a Source with its Proposals; return it, or None if already stored or empty.

    Runs in one transaction: either the source and all its proposals are stored, or nothing.
    ``user`` (who added it on the website) goes to the audit log; None is the command line.
    Raises :class:`InputError` for an address that is not http(s).
    """
    report = report if report is not None else IngestReport()
    report.read += 1
    article.text = normalize_newlines(article.text)  # once, here: evidence offsets count in it
    if article.url and not article.url.lower().startswith(("http://", "https://")):
        raise InputError(f"{article.name}: only http(s) addresses are stored, not {article.url[:60]!r}")
    if not article.text.strip():
        report.notes.append(f"{article.name}: empty, skipped")
        return None
    digest = content_hash(article.text)
    if Source.objects.filter(content_hash=digest).exists():
        report.skipped += 1
        return None
    found = extract(article.text, lang="auto", published=article.published)
    with transaction.atomic():
        source = Source.objects.create(
            url=article.url, outlet=article.outlet, title=article.title or _first_line(article.text),
            published=article.published, language=found.lang, text=article.text, content_hash=digest,
            origin=article.name,
        )
        record(user, source, "create", None, _source_summary(source), note="ingest" if user is None else "added on the website")
        for proposal in proposals_for(source, found):
            link_proposal(proposal)
            proposal.save()
            report.proposals[proposal.kind] += 1
            report.linked += proposal.object_id is not None
            report.ambiguous += len(proposal.candidates) > 1
    report.stored += 1
    report.notes.extend(f"{article.name}: {w}" for w in found.warnings)
    return source


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= 200 else line[:199] + "…"


def _source_summary(source: Source) -> dict[str, Any]:
    data = snapshot(source)
    data["text"] = f"{len(source.text)} characters"
    return data


def _span(item: dict[str, Any]) -> dict[str, Any]:
    return {"start": item["start"], "end": item["end"], "text": item["text"]}


def proposals_for(source: Source, found: Extraction) -> list[Proposal]:
    """Return the unsaved Proposals of an extraction, one per item, duplicates dropped."""
    doc = found.to_json()
    made: dict[tuple[str, str, int, int], Proposal] = {}

    def add(kind: str, label: str, key: str, payload: dict[str, Any], spans: list[dict[str, Any]],
            confidence: float, rule: str) -> None:
        if not spans:
            return
        first = min(spans, key=lambda s: s["start"])
        evidence = [dict(span, rule=rule) for span in spans]
        proposal = Proposal(
            source=source, kind=kind, label=label[:300], key=key[:300], payload=payload,
            start=first["start"], end=first["end"], evidence=evidence, confidence=round(confidence, 3),
        )
        made.setdefault((kind, proposal.label, proposal.start, proposal.end), proposal)

    for person in doc["persons"]:
        person = dict(person, lang=found.lang)
        add(Proposal.Kind.PERSON, person["name"], person_key(person["name"]), person,
            [_span(m) for m in person["mentions"]], person["confidence"], _rule(person["evidence"]))
    for org in doc["organizations"]:
        org = dict(org, lang=found.lang)  # a Russian name is the organisation's name_ru
        add(Proposal.Kind.ORGANIZATION, org["name"], organization_key(org["name"]), org,
            [_span(m) for m in org["mentions"]], org["confidence"], _rule(org["evidence"]))
    for post in doc["posts"]:
        label = f"{post['person']} — {post['role']}" + (f", {post['organization']}" if post["organization"] else "")
        add(Proposal.Kind.POST, label, "", post, [_span(post["mention"])],
            post["confidence"], post["evidence"]["source"])
    for quote in doc["quotes"]:
        label = f"{quote['speaker'] or '?'}: {quote['text']}"
        add(Proposal.Kind.STATEMENT, label, "", quote,
            [{"start": quote["start"], "end": quote["end"], "text": quote["text"]}],
            quote["confidence"], quote["evidence"]["source"])
    for event in doc["events"]:
        label = f"{event['type']}: {event['topic'] or event['trigger']['text']}"
        ev = event.get("evidence") or {"confidence": 0.5, "source": "events"}
        add(Proposal.Kind.EVENT, label, "", event, [_span(event["trigger"])], ev["confidence"], ev["source"])
    for place in doc["places"]:
        add(Proposal.Kind.PLACE, place["name"], organization_key(place["name"]), place,
            [_span(m) for m in place["mentions"]], max((e["confidence"] for e in place["evidence"]), default=0.5),
            _rule(place["evidence"]))
    return list(made.values())


def _rule(evidence: list[dict[str, Any]]) -> str:
    return ",".join(sorted({e["source"] for e in evidence})) or "extract"


