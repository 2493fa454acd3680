"""From articles to a Source and its Proposals: ``qogam ingest PATH|URL|-`` (and the site's "add an article").

The articles come from :func:`qogam.ingest.sources.documents` (files, folders, JSON Lines,
HTML pages, URLs, feeds). Each is stored once: an article whose normalised text, or whose
address, is stored already is a *duplicate* (skipped); one that is a near-copy of a stored
source — the same story syndicated with small edits (:mod:`qogam.ingest.near_duplicates`) —
is stored as a *copy* of the first, without proposals, so that its facts are proposed once.
An item that cannot be read is a *failure*, reported with its reason; the rest go on.
"""
from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import DatabaseError, transaction

from qogam.errors import InputError
from qogam.ingest.documents import Document, Failure, json_document
from qogam.ingest.files import normalize_newlines
from qogam.ingest.near_duplicates import NearDuplicateIndex, signature, text_hash
from qogam.ingest.sources import documents
from qogam.nlp.extract import extract
from qogam.nlp.extract.results import Extraction
from qogam.nlp.name_keys import organization_key, person_key
from qogam.registry.core.models import Proposal, Source
from qogam.registry.core.services.audit import record, snapshot
from qogam.registry.core.services.linking import link_proposal

# An article as read, before it becomes a Source: name, text, title, url, outlet, published, author.
Article = Document

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What an ingest did: sources stored, duplicates skipped, copies linked, items failed, proposals by kind."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    proposals: Counter[str] = field(default_factory=Counter)
    linked: int = 0
    ambiguous: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        """Return a one-paragraph human summary of the report."""
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.proposals.items())) or "none"
        return (
            f"{self.read} articles read: {self.stored} stored, {self.duplicates} already known, "
            f"{self.near_duplicates} copies of a stored story, {self.failed} failed. "
            f"Proposals: {kinds}; {self.linked} linked to existing entries, {self.ambiguous} with several candidates."
        )


# The sha256 of an article's normalised text (NFC, look-alikes fixed, white space collapsed).
content_hash = text_hash


def article_from_json(name: str, text: str) -> Article:
    """Return the Article of a JSON article's ``text`` (an upload); raises :class:`InputError`."""
    from qogam.ingest.files import parse_json

    return json_document(parse_json(text, name), name)


def ingest_path(path: Path | str, progress: bool | None = None) -> IngestReport:
    """Ingest a file, a folder, a URL or "-"; return what was stored, skipped, copied and failed.

    Each article is one transaction; running twice changes nothing. ``progress`` shows a bar
    on stderr (default: only when stderr is a terminal). Raises :class:`InputError` only when
    there is nothing to read (a missing path, a folder without articles).
    """
    return ingest_targets([path], progress=progress)


def ingest_targets(targets: Iterable[Path | str], progress: bool | None = None) -> IngestReport:
    """Ingest every target in turn (see :func:`ingest_path`); one report for them all."""
    report = IngestReport()
    show = sys.stderr.isatty() if progress is None else progress
    index = stored_signatures()
    items: Iterator[Document | Failure] = (item for target in targets for item in documents(target))
    for item in _progress(items, show):
        if isinstance(item, Failure):
            report.read += 1
            report.failures.append({"item": item.name, "reason": item.reason})
            continue
        try:
            ingest_article(item, report, index=index)
        except InputError as exc:
            report.failures.append({"item": item.name, "reason": str(exc).removeprefix(f"{item.name}: ")})
        except DatabaseError:
            raise  # the database is down or full: every article would fail, stop here
        except Exception as exc:  # a fault of ours on one article must not stop the others
            log.exception("ingest of %s failed", item.name)
            report.failures.append({"item": item.name, "reason": f"internal error ({type(exc).__name__}: {exc}); "
                                                              "nothing of it was stored, please report it"})
    return report


def stored_signatures() -> NearDuplicateIndex:
    """The near-duplicate index of every stored source that is not itself a copy."""
    index = NearDuplicateIndex()
    for pk, sig in Source.objects.filter(duplicate_of__isnull=True, minhash__isnull=False).values_list("pk", "minhash"):
        index.add(pk, bytes(sig or b""))
    return index


def _progress(items: Iterable[Document | Failure], show: bool) -> Iterable[Document | Failure]:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="ingest", unit="article", file=sys.stderr)


def ingest_article(article: Article, report: IngestReport | None = None, user: Any = None,
                   index: NearDuplicateIndex | None = None) -> Source | None:
    """Store ``article`` as a Source with its Proposals; return it, or None if already stored or empty.

    Runs in one transaction: either the source and all its proposals are stored, or nothing.
    A near-copy of a source in ``index`` (all stored sources when None) is stored as its copy,
    with no proposals. ``user`` (who added it on the website) goes to the audit log; None is
    the command line. Raises :class:`InputError` for an address that is not http(s).
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
    if Source.objects.filter(content_hash=digest).exists() or (
            article.url and Source.objects.filter(url=article.url).exists()):
        report.duplicates += 1
        return None
    sig = signature(article.text)
    index = index if index is not None else stored_signatures()
    original_id = index.first_copy_of(sig)
    found = extract(article.text, lang="auto", published=article.published) if original_id is None else None
    source = Source(
        url=article.url, outlet=article.outlet, title=article.title or _first_line(article.text),
        published=article.published, language=found.lang if found is not None else _language_of(original_id),
        text=article.text, content_hash=digest, origin=article.name, author=article.author[:300],
        redirects=article.redirects, minhash=sig, duplicate_of_id=original_id,
    )
    # Linking reads the registry (name keys, candidates): done before the write transaction,
    # which stays short, so that a watch and a hand-run ingest share one SQLite file.
    proposals = proposals_for(source, found) if found is not None else []
    for proposal in proposals:
        link_proposal(proposal)
    with transaction.atomic():
        if Source.objects.filter(content_hash=digest).exists():  # stored by another ingest meanwhile
            report.duplicates += 1
            return None
        source.save()
        record(user, source, "create", None, _source_summary(source), note="ingest" if user is None else "added on the website")
        if found is None:
            report.near_duplicates += 1
            report.notes.append(f"{article.name}: a copy of source {original_id}; its facts are proposed there")
            return source
        for proposal in proposals:
            proposal.source = source
            proposal.save()
            report.proposals[proposal.kind] += 1
            report.linked += proposal.object_id is not None
            report.ambiguous += len(proposal.candidates) > 1
    report.stored += 1
    index.add(source.pk, sig)
    report.notes.extend(f"{article.name}: {w}" for w in found.warnings)
    return source


def _language_of(source_id: int | None) -> str:
    if source_id is None:
        return ""
    return Source.objects.filter(pk=source_id).values_list("language", flat=True).first() or ""


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= 200 else line[:199] + "…"


def _source_summary(source: Source) -> dict[str, Any]:
    data = snapshot(source)
    data["text"] = f"{len(source.text)} characters"
    data.pop("minhash", None)
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


