"""Page latency at scale: public and staff pages with 10k organisations and 100k mentions.

Usage: python benchmarks/web_latency.py [--orgs 10000] [--mentions 100000] [--repeat 30] [--json]

One run, one fresh SQLite registry in a temporary directory, three measurements of the same
pages through Django's test client (no network, no WSGI server: the view, ORM, templates
and middleware):

1. **trivial** — a view returning a fixed ``HttpResponse`` behind the same middleware
   (sessions, locale, CSRF, auth, messages): the floor every page pays;
2. **demo** — the pages on the plain demo registry: fixtures plus the sample articles of
   ``examples/articles/`` in the review queue (what ``qogam demo`` serves);
3. **scale** — the same registry after ``qogam demo-data --orgs N --mentions M``.

For each page it prints the median and 95th percentile in milliseconds and the ratios
scale/demo and scale/trivial. A ratio near 1 at scale means the page does not grow with the
registry. The staff pages are requested by a superuser (whole region) and by the editor of
one district (the access rule's subqueries).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _configure(data_dir: Path) -> None:
    os.environ["QOGAM_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "qogam.registry.settings"
    os.environ.pop("DATABASE_URL", None)
    import django
    from django.conf import settings

    django.setup()
    # The project's URLs plus the trivial baseline view, in a URLconf made for this run.
    from django.http import HttpResponse
    from django.urls import path

    from qogam.registry import urls as project

    urls = types.ModuleType("qogam_latency_urls")
    urls.urlpatterns = [  # type: ignore[attr-defined]
        path("__trivial__/", lambda request: HttpResponse("ok", content_type="text/plain"), name="trivial"),
        *project.urlpatterns,
    ]
    sys.modules[urls.__name__] = urls
    settings.ROOT_URLCONF = urls.__name__


def _time(client: Any, url: str, repeat: int) -> tuple[float, float]:
    for _ in range(3):  # warm caches (templates, content types, SQLite pages)
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95


def _pages() -> list[tuple[str, Callable[[], str], str]]:
    """(name, URL maker, persona) of the pages measured; URLs are made against the current data."""
    from django.urls import reverse

    from qogam.registry.core.models import Organization, Person, Proposal, Source

    def busiest(model: Any, related: str) -> Any:
        from django.db.models import Count

        return model.objects.annotate(n=Count(related)).order_by("-n", "pk").first()

    def queued_source() -> int:
        return Proposal.objects.filter(status="pending").order_by("-source_id").values_list("source_id", flat=True)[0]

    def person_query() -> str:
        # The genitive of the surname of the person with most posts ("Асқаровтың", "Асқарованың").
        surname = busiest(Person, "memberships").name.split()[-1]
        return surname + ("ның" if surname[-1] in "аәеиоөұүыіуя" else "тың")

    return [
        ("trivial view", lambda: "/__trivial__/", "anonymous"),
        ("home", lambda: reverse("web:home"), "anonymous"),
        ("search (inflected name)", lambda: reverse("web:search") + "?q=" + person_query(), "anonymous"),
        ("organisations list", lambda: reverse("web:organizations"), "anonymous"),
        ("organisation", lambda: reverse("web:organization", args=[busiest(Organization, "memberships").pk]), "anonymous"),
        ("people list", lambda: reverse("web:people"), "anonymous"),
        ("person", lambda: reverse("web:person", args=[busiest(Person, "memberships").pk]), "anonymous"),
        ("area (district)", lambda: reverse("web:area", args=["kz-turkistan-sairam"]), "anonymous"),
        ("sources list", lambda: reverse("web:sources"), "anonymous"),
        ("source", lambda: reverse("web:source", args=[Source.objects.order_by("-pk").values_list("pk", flat=True)[0]]), "anonymous"),
        ("review queue (admin)", lambda: reverse("review:queue"), "admin"),
        ("review queue (district editor)", lambda: reverse("review:queue"), "editor"),
        ("review source (editor)", lambda: reverse("review:source", args=[_editor_source()]), "editor"),
    ]


def _editor_source() -> int:
    from django.contrib.auth import get_user_model

    from qogam.registry.review.access import scope_of, visible_sources

    editor = get_user_model().objects.get(username="latency-editor")
    source = visible_sources(scope_of(editor)).filter(proposals__status="pending").order_by("-pk").first()
    return source.pk


def _clients() -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from qogam.registry.core.models import Area
    from qogam.registry.review.models import StaffRole

    users = get_user_model()
    admin, _ = users.objects.get_or_create(username="latency-admin", defaults={"is_superuser": True, "is_staff": True})
    editor, created = users.objects.get_or_create(username="latency-editor")
    if created:
        StaffRole.objects.create(user=editor, role="editor", area=Area.objects.get(slug="kz-turkistan-sairam"))
    clients = {"anonymous": Client(HTTP_HOST="localhost")}
    for name, user in (("admin", admin), ("editor", editor)):
        clients[name] = Client(HTTP_HOST="localhost")
        clients[name].force_login(user)
    return clients


def _accept_all_but_one() -> None:
    """Accept the sample articles' proposals, leaving the Сайрам article in the queue."""
    from qogam.registry.core.models import Proposal
    from qogam.registry.core.services.review import bulk_accept

    bulk_accept(Proposal.objects.exclude(source__origin__contains="sairam"), None, 0.0)


def measure(repeat: int) -> dict[str, tuple[float, float]]:
    """Return {page: (median ms, p95 ms)} on the registry as it is now."""
    clients = _clients()
    return {name: _time(clients[persona], make(), repeat) for name, make, persona in _pages()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="qogam-latency-") as tmp:
        _configure(Path(tmp))
        from qogam.registry.core.services.ingest import ingest_path
        from qogam.registry.core.services.setup import setup_registry
        from qogam.registry.review.synthetic import generate

        setup_registry()
        ingest_path(REPO / "examples" / "articles", progress=False)
        _accept_all_but_one()
        demo = measure(args.repeat)
        started = time.perf_counter()
        counts = generate(args.orgs, args.mentions, seed=1, progress=False).as_dict()
        generated_in = time.perf_counter() - started
        scale = measure(args.repeat)

    if args.json:
        print(json.dumps({"counts": counts, "generate_seconds": round(generated_in, 1), "demo": demo, "scale": scale},
                         ensure_ascii=False, indent=1))
        return
    floor = scale["trivial view"][0]
    print(f"demo-data: {counts} in {generated_in:.1f} s; {args.repeat} requests per page\n")
    print("| page | demo median | scale median | scale p95 | scale/demo | scale/trivial |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (median, p95) in scale.items():
        base = demo[name][0]
        print(f"| {name} | {base:.1f} ms | {median:.1f} ms | {p95:.1f} ms | {median / base:.2f} | {median / floor:.1f} |")


if __name__ == "__main__":
    main()
