"""The queue's pages cost a fixed number of queries however many sources and proposals there are."""
from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from qogam.registry.core.models import Person, Proposal, Source

pytestmark = pytest.mark.django_db


def _add_sources(n: int, start: int) -> None:
    person = Person.objects.create(name=f"Әсел Досова {start}")
    for i in range(start, start + n):
        source = Source.objects.create(text=f"Әсел Досова сөйледі {i}.", content_hash=f"{i:064d}", title=f"Жаңалық {i}")
        Proposal.objects.create(source=source, kind="person", label="Әсел Досова", payload={"name": "Әсел Досова"},
                                start=0, end=11, evidence=[{"start": 0, "end": 11}], candidates=[person.pk, person.pk])
        Proposal.objects.create(source=source, kind="place", label="Алматы", payload={"name": "Алматы"},
                                start=0, end=5, evidence=[{"start": 0, "end": 5}])


def _count(client: Any, url: str, django_assert_num_queries: Any, expected: int | None = None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # warms the content-type cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    if expected is not None:
        with django_assert_num_queries(expected):
            client.get(url)
    return len(queries)


@pytest.mark.parametrize("persona", ["reviewer", "editor"])
def test_queue_queries_do_not_grow(persona: str, articles: Any, request: pytest.FixtureRequest,
                                   django_assert_num_queries: Any) -> None:
    client = request.getfixturevalue(persona)
    url = reverse("review:queue")
    few = _count(client, url, django_assert_num_queries)
    _add_sources(30, 1000)
    _count(client, url, django_assert_num_queries, expected=few)


def test_source_page_queries_do_not_grow(articles: Any, reviewer: Any, django_assert_num_queries: Any) -> None:
    source = articles.sairam
    url = reverse("review:source", args=[source.pk])
    before = _count(reviewer, url, django_assert_num_queries)
    # More proposals, linked and ambiguous: still one query per kind of linked entry.
    people = [Person.objects.create(name=f"Ержан Сейіт {i}") for i in range(10)]
    for i, _person in enumerate(people):
        Proposal.objects.create(source=source, kind="person", label=f"Ержан {i}", payload={"name": "Ержан"},
                                start=i, end=i + 3, evidence=[{"start": i, "end": i + 3}],
                                candidates=[p.pk for p in people[:3]])
    after = _count(reviewer, url, django_assert_num_queries)
    # the candidates' one query and their posts' one (what tells them apart), now that there are candidates
    assert after <= before + 2
    _count(reviewer, url, django_assert_num_queries, expected=after)
