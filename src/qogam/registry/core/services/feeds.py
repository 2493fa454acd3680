"""Following outlets: adding feeds, and polling them (``qogam watch``).

A poll is a conditional GET (the feed's ETag and Last-Modified): an unchanged feed costs one
304. Each entry whose address is not stored yet has its page fetched and ingested like any
article, with the feed's outlet and language when the page lacks them; an entry stored
before is not fetched again, and the same text under another address is a duplicate or a
copy (:mod:`qogam.registry.core.services.ingest`). A failing feed backs off — 15 minutes
after the first failure, doubling up to a day — and keeps its last error for staff to see.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qogam.errors import InputError
from qogam.ingest.documents import Document, feed_entries
from qogam.ingest.fetch import Fetched, fetch, is_url
from qogam.ingest.sources import Fetcher, entry_documents
from qogam.registry.core.models import Area, Feed, Source
from qogam.registry.core.services.audit import Actor, create, record
from qogam.registry.core.services.ingest import IngestReport, ingest_article, stored_signatures
from qogam.registry.errors import ReviewError

User = Actor  # a user, AnonymousUser or None (the system)
FIRST_BACKOFF = timedelta(minutes=15)
MAX_BACKOFF = timedelta(days=1)


def add_feed(url: str, user: User = None, outlet: str = "", area: str = "", language: str = "") -> Feed:
    """Add the feed at ``url``; raises :class:`ReviewError` for a bad address, a known feed,
    an unknown area slug or language."""
    url = url.strip()
    if not is_url(url):
        raise ReviewError(_("%(url)s: a feed's address is http(s)") % {"url": url})
    if Feed.objects.filter(url=url).exists():
        raise ReviewError(_("%(url)s: this feed is followed already") % {"url": url})
    if language not in Feed.Language.values:
        raise ReviewError(_("%(lang)s: the language is kk, ru or empty (detect)") % {"lang": language})
    found_area = None
    if area:
        found_area = Area.objects.filter(slug=area).first()
        if found_area is None:
            raise ReviewError(_("no area %(slug)s") % {"slug": area})
    return create(user, Feed, note="feed added", url=url, outlet=outlet.strip(), area=found_area, language=language)


@dataclass
class PollReport:
    """What polling one feed did."""

    feed: str
    ok: bool = True
    not_modified: bool = False
    entries: int = 0
    known: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)
    error: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"feed": self.feed, "ok": self.ok, "not_modified": self.not_modified, "entries": self.entries,
                "already_stored": self.known, "stored": self.ingest.stored, "duplicates": self.ingest.duplicates,
                "near_duplicates": self.ingest.near_duplicates, "failed": self.ingest.failed,
                "failures": self.ingest.failures, "error": self.error}


def due(now: datetime | None = None, every_feed: bool = False) -> list[Feed]:
    """The active feeds whose next poll is now or past (all active ones with ``every_feed``),
    never polled ones first."""
    now = now or timezone.now()
    feeds = Feed.objects.filter(active=True).order_by("last_polled_at", "pk")
    return [f for f in feeds if every_feed or f.next_poll_at is None or f.next_poll_at <= now]


def poll(feed: Feed, fetcher: Fetcher = fetch, now: datetime | None = None) -> PollReport:
    """Poll ``feed`` once and ingest its new entries; the outcome is saved on the feed."""
    now = now or timezone.now()
    report = PollReport(feed=feed.url)
    try:
        response = fetcher(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if response.not_modified:
            report.not_modified = True
        else:
            _ingest_entries(feed, response, fetcher, report)
    except InputError as exc:
        report.ok, report.error = False, str(exc)
    _record(feed, report, now)
    return report


def _ingest_entries(feed: Feed, response: Fetched, fetcher: Fetcher, report: PollReport) -> None:
    entries = feed_entries(response.body, feed.url)
    report.entries = len(entries)
    known = set(Source.objects.filter(url__in=[e.link for e in entries]).values_list("url", flat=True))
    index = stored_signatures()
    for entry in entries:
        if entry.link in known:
            report.known += 1
            continue
        for item in entry_documents(entry, fetcher):
            if not isinstance(item, Document):
                report.ingest.failures.append({"item": item.name, "reason": item.reason})
                continue
            item.outlet = feed.outlet or item.outlet
            try:
                ingest_article(item, report.ingest, index=index)
            except InputError as exc:
                report.ingest.failures.append({"item": item.name, "reason": str(exc)})
    feed.etag, feed.last_modified = response.etag, response.last_modified


@transaction.atomic
def _record(feed: Feed, report: PollReport, now: datetime) -> None:
    feed.last_polled_at = now
    if report.ok:
        feed.last_success_at, feed.failures = now, 0
        feed.next_poll_at = None
        feed.items_stored += report.ingest.stored
    else:
        feed.failures += 1
        feed.last_error, feed.last_error_at = report.error[:500], now
        feed.next_poll_at = now + min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** (feed.failures - 1))
    feed.save()
    if not report.ok:
        record(None, feed, "update", None, {"error": feed.last_error, "failures": feed.failures}, note="poll failed")


def poll_due(fetcher: Fetcher = fetch, now: datetime | None = None, every_feed: bool = False) -> list[PollReport]:
    """Poll every feed that is due (every active one with ``every_feed``); return a report for each."""
    return [poll(feed, fetcher, now) for feed in due(now, every_feed)]
