"""Latency of the public web pages on the demo data, through Django's test client.

Usage: python benchmarks/web_pages.py [--data-dir DIR] [--repeat 20] [--lang kk]

Without ``--data-dir`` it builds the demo registry in a temporary directory the way ``qogam
demo`` does — migrations, the shipped areas and centres, the sample articles of
``examples/articles/`` (and the seed article from ``../shared`` when present) — and then
accepts every proposal, so that the pages show people, posts, statements and highlighted
sources rather than an empty registry. ``--data-dir`` measures an existing registry instead
(one filled by ``qogam demo`` or by the demo-data generator), read only.

Each page is requested once to warm the caches, then ``--repeat`` times; the table gives the
median and the slowest time in milliseconds, the number of SQL queries, and flags pages whose
median is over the 100 ms budget. The client skips the network and the WSGI server, so the
numbers are the view, the ORM, the templates and the middleware — what the project controls.
The baseline in the same run is a bare ``HttpResponse`` view behind the same middleware.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "data" / "seed" / "000_d4104ed61ffa5b9f.txt"
BUDGET_MS = 100.0


def build_demo() -> None:
    """Fill the configured (empty) registry with the demo data and accept every proposal."""
    from qogam.registry.core.models import Proposal
    from qogam.registry.core.services.ingest import ingest_path
    from qogam.registry.core.services.review import bulk_accept
    from qogam.registry.core.services.setup import setup_registry

    setup_registry()
    ingest_path(REPO / "examples" / "articles", progress=False)
    if SEED.exists():
        ingest_path(SEED, progress=False)
    report = bulk_accept(Proposal.objects.all(), None, min_confidence=0.0)
    print(f"demo registry: {len(report.accepted)} proposals accepted, {len(report.failed)} refused", file=sys.stderr)


def page_urls(prefix: str) -> list[tuple[str, str]]:
    """Return (page, URL) for every public page, on the busiest object of each kind."""
    from django.db.models import Count

    from qogam.registry.core.models import Area, Event, Organization, Person, Source

    org = Organization.objects.annotate(n=Count("memberships")).order_by("-n", "pk").first()
    person = Person.objects.annotate(n=Count("memberships")).order_by("-n", "pk").first()
    area = Area.objects.filter(slug="kz-turkistan").first() or Area.objects.first()
    event = Event.objects.order_by("pk").first()
    source = Source.objects.annotate(n=Count("evidence")).order_by("-n", "pk").first()
    urls = [
        ("home", "/"), ("search", "/search/?q=Намазбаеваның"), ("search, relaxed", "/search/?q=Намазбаевой"),
        ("organisations", "/organisations/"), ("people", "/people/"), ("areas", "/areas/"), ("sources", "/sources/"),
    ]
    if org:
        urls.append(("organisation", f"/organisations/{org.pk}/"))
    if person:
        urls.append(("person", f"/people/{person.pk}/"))
    if area:
        urls.append(("area", f"/areas/{area.slug}/"))
    if event:
        urls.append(("event", f"/events/{event.pk}/"))
    if source:
        urls.append(("source", f"/sources/{source.pk}/"))
    return [(name, prefix + url) for name, url in urls]


def measure(client: object, url: str, repeat: int) -> tuple[list[float], int]:
    """Return the times (ms) of ``repeat`` GETs of ``url`` after one warm-up, and its query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)  # type: ignore[attr-defined]
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
    # Counted from the log's length at exit: the timed requests below clear the log itself.
    return times, (queries.final_queries or 0) - queries.initial_queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, help="an existing registry's QOGAM_DATA_DIR (default: build the demo)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--lang", choices=["kk", "ru", "en"], default="kk")
    args = parser.parse_args()

    scratch = None
    if args.data_dir is None:
        scratch = tempfile.TemporaryDirectory(prefix="qogam-bench-")
        os.environ["QOGAM_DATA_DIR"] = scratch.name
    else:
        os.environ["QOGAM_DATA_DIR"] = str(args.data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "qogam.registry.settings"
    os.environ.setdefault("QOGAM_DEBUG", "false")
    import django

    django.setup()
    from django.http import HttpResponse
    from django.test import Client
    from django.urls import clear_url_caches, path

    from qogam.registry import urls as project_urls

    if scratch is not None:
        build_demo()
    # The baseline: the cheapest possible page behind the same middleware stack.
    project_urls.urlpatterns.append(path("__baseline__/", lambda request: HttpResponse("ok")))
    clear_url_caches()

    client = Client(HTTP_HOST="127.0.0.1")
    prefix = "" if args.lang == "kk" else f"/{args.lang}"
    rows = [("baseline (empty view)", "/__baseline__/"), *page_urls(prefix)]
    print(f"{'page':24} {'median ms':>9} {'max ms':>8} {'queries':>7}")
    over = 0
    for name, url in rows:
        times, queries = measure(client, url, args.repeat)
        median = statistics.median(times)
        flag = "  OVER BUDGET" if median > BUDGET_MS else ""
        over += bool(flag)
        print(f"{name:24} {median:9.1f} {max(times):8.1f} {queries:7d}{flag}")
    if scratch is not None:
        scratch.cleanup()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
