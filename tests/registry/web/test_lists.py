"""The lists of events, statements and posts, and the filters of every list: area (with what is
inside it), type, dates, text; pagination keeps the filters."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qogam.registry.core.models import Area, Event, Membership, Organization, Person, Statement
from tests.registry.web.conftest import Registry

pytestmark = pytest.mark.django_db


def _other_region_facts() -> None:
    elsewhere = Area.objects.create(slug="t-other", classification="region", name_kk="Басқа облыс")
    org = Organization.objects.create(name_kk="«Алыс» қоғамдық бірлестігі", classification="public_association",
                                      area=elsewhere)
    person = Person.objects.create(name="Алыс Адам")
    Membership.objects.create(person=person, organization=org, role="директор", start_date=date(2019, 1, 1),
                              end_date=date(2020, 1, 1))
    event = Event.objects.create(classification="round_table", start_date=date(2019, 6, 1), area=elsewhere,
                                 topic="алыстағы тақырып")
    Statement.objects.create(speaker=person, text="Алыстан айтылған сөз", date=date(2019, 6, 1), event=event)


def test_events_list_filters(client: Any, registry: Registry) -> None:
    _other_region_facts()
    html = client.get("/en/events/").content.decode()
    assert "round table" in html and "meeting" in html  # translated types, never raw codes
    near = client.get(f"/en/events/?area={registry.region.slug}").content.decode()
    assert "алыстағы тақырып" not in near and "meeting" in near  # the district's event is inside the region
    assert "алыстағы тақырып" in client.get("/en/events/?type=round_table").content.decode()
    assert "алыстағы тақырып" not in client.get("/en/events/?since=2020-01-01").content.decode()
    assert "алыстағы тақырып" in client.get("/en/events/?until=2019-12-31&q=алыс").content.decode()


def test_statements_list_filters(client: Any, registry: Registry) -> None:
    _other_region_facts()
    assert "Алыстан айтылған сөз" in client.get("/statements/").content.decode()
    here = client.get(f"/statements/?area={registry.region.slug}").content.decode()
    assert "Алыстан айтылған сөз" not in here and "бірге" in here
    assert "Алыстан айтылған сөз" in client.get("/statements/?q=Алыстан").content.decode()


def test_posts_list_filters(client: Any, registry: Registry) -> None:
    _other_region_facts()
    html = client.get("/en/posts/").content.decode()
    assert "Алыс Адам" in html and "director" in html and "chair" in html  # roles in English
    assert "Алыс Адам" not in client.get(f"/en/posts/?area={registry.district.slug}").content.decode()
    assert "Алыс Адам" not in client.get("/en/posts/?since=2021-01-01").content.decode()  # it ended in 2020
    council = client.get("/en/posts/?type=council").content.decode()
    assert "Алыс Адам" not in council and registry.person.name in council


def test_organisations_and_people_filter_by_text_and_type(client: Any, registry: Registry) -> None:
    _other_region_facts()
    orgs = client.get("/organisations/?q=Алыс").content.decode()
    assert "«Алыс» қоғамдық бірлестігі" in orgs and registry.ngo.name_kk not in orgs
    assert registry.council.name_kk in client.get("/organisations/?type=council").content.decode()
    people = client.get(f"/people/?area={registry.region.slug}").content.decode()
    assert "Алыс Адам" not in people and registry.person.name in people


def test_pagination_keeps_the_filters(client: Any, db: Any) -> None:
    from tests.registry.web.conftest import make_registry

    registry = make_registry(extra=60)
    html = client.get(f"/posts/?area={registry.district.slug}").content.decode()
    assert f"area={registry.district.slug}&amp;page=2" in html


def test_a_bad_filter_is_ignored_not_an_error(client: Any, registry: Registry) -> None:
    for url in ("/events/?since=not-a-date", "/posts/?area=no-such-area", "/events/?type=nonsense"):
        assert client.get(url).status_code == 200, url
