"""No N+1: each page runs the same number of queries with 3 objects as with 30."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.registry.web.conftest import Registry, make_registry

pytestmark = pytest.mark.django_db


def pages(r: Registry) -> dict[str, tuple[str, int]]:
    """Page name → (URL, queries it may run for an anonymous visitor)."""
    return {
        # five counts, two charts, latest statement ids, those statements, latest sources, pending
        # facts; facts and statements per month (two), the region of the seats chart (none here)
        "home": ("/", 14),
        "organisations": ("/organisations/", 2),
        "organisations in an area": (f"/organisations/?area={r.region.slug}&group=ngo", 5),
        # the areas of the filter, count, page, memberships of the page's people
        "people": ("/people/", 4),
        # … and the area chosen, its subtree (a query a level), the people
        "people in an area": (f"/people/?area={r.region.slug}&q=а", 7),
        # the areas of the filter, count, page (participants counted in it)
        "events": ("/events/", 3),
        "events filtered": (f"/events/?area={r.region.slug}&type=session&since=2020-01-01&q=а", 5),
        "statements": ("/statements/", 3),
        "statements filtered": (f"/statements/?area={r.region.slug}&until=2030-01-01", 6),
        "posts": ("/posts/", 3),
        "posts filtered": (f"/posts/?area={r.region.slug}&type=council", 6),
        "areas": ("/areas/", 2),
        "sources": ("/sources/", 2),
        # name keys of people, of organisations, the areas, then the people found (no organisation is)
        "search": ("/search/?q=Намазбаева", 4),
        # the same three look-ups again in the relaxed pass: "Оспанов" begins "Оспанов0", "Оспанов1"…
        "search, relaxed": ("/search/?q=Оспанов", 7),
        # the organisation, memberships, seats elsewhere, children, statements, events, sources,
        # the days its posts were seen in the news (the timeline), the entries merged into it
        "organisation": (f"/organisations/{r.ngo.pk}/", 9),
        "council": (f"/organisations/{r.council.pk}/", 9),
        # the person, memberships, statements, events, sources, the days seen, the entries merged into it
        "person": (f"/people/{r.person.pk}/", 7),
        # the area, its subtree (two levels here), children, three groups, events; facts and
        # statements per month (two); NGOs and seats per area inside it (areas, NGOs, seats)
        "area": (f"/areas/{r.region.slug}/", 13),
        # the event, participants, statements, sources
        "event": (f"/events/{r.event.pk}/", 4),
        # the source, its evidence, one query per model that needs a column to link, pending proposals counted
        "source": (f"/sources/{r.source.pk}/", 4),
    }


@pytest.mark.parametrize("extra", [2, 30])
def test_query_counts_do_not_grow(client: Any, django_assert_num_queries: Callable[..., Any], extra: int) -> None:
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    registry = make_registry(extra=extra)
    # Content types are cached per process: warm, as on a running site.
    ContentType.objects.get_for_models(*apps.get_app_config("core").get_models())
    for name, (url, queries) in pages(registry).items():
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200, name
