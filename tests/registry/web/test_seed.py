"""The real seed article, ingested and every proposal accepted, on the public pages."""
from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest

from qogam.registry.core.models import Membership, Organization, Person, Source, Statement

pytestmark = pytest.mark.django_db

ORGANISATIONS = [
    "«Түркістан облысының Азаматтық Альянсы» заңды тұлғалардың қауымдастық нысанындағы бірлестігі",
    "«Жайылма» қоғамдық бірлестігі",
    "Түркістан қалалық «Семей ядролық сынақ полигоны» қоғамдық бірлестігі",
    "«Эко Атамекен» қоғамдық бірлестігі",
    "«Түркістан облысының іскер әйелдер ассоциациясы» қоғамдық бірлестігі",
]
PEOPLE = {
    "Шәріпбек Жамалбек": "төраға", "Жанболат Сүйінбаев": "төраға", "Ахмет Оспанов": "төраға",
    "Гүлнәр Ниязова": "төрайым", "Инара Намазбаева": "төрайым", "Қасым-Жомарт Тоқаев": "президент",
}


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_five_organisations_listed_with_their_heads(client: Any, seed_registry: None) -> None:
    listing = text_of(client.get("/organisations/").content.decode())
    for name in ORGANISATIONS:
        assert name in listing
        org = Organization.objects.get(name_kk=name)
        page = text_of(client.get(f"/organisations/{org.pk}/").content.decode())
        head = Membership.objects.get(organization=org).person.name
        assert head in page


def test_six_people_with_their_posts(client: Any, seed_registry: None) -> None:
    listing = text_of(client.get("/people/").content.decode())
    for name, role in PEOPLE.items():
        assert name in listing
        person = Person.objects.get(name=name)
        page = client.get(f"/people/{person.pk}/").content.decode()
        assert role in page  # the post as written ("төрағасы") or its role


def test_two_statements_with_their_speakers(client: Any, seed_registry: None) -> None:
    assert Statement.objects.count() == 2
    home = text_of(client.get("/").content.decode())
    for statement in Statement.objects.select_related("speaker"):
        assert statement.text[:40] in home and statement.speaker.name in home
        page = text_of(client.get(f"/people/{statement.speaker.pk}/").content.decode())
        assert statement.text[:40] in page


def test_seed_source_page_marks_every_fact(client: Any, seed_registry: None) -> None:
    source = Source.objects.get()
    html = client.get(f"/sources/{source.pk}/").content.decode()
    article = html.split('<div class="article" lang="kk">')[1].split("</div>")[0]
    assert unescape(re.sub(r"<[^>]+>", "", article)) == source.text
    for person in Person.objects.all():
        assert f'href="/people/{person.pk}/"' in article, person.name
    for org in Organization.objects.filter(name_kk__in=ORGANISATIONS):
        assert f'href="/organisations/{org.pk}/"' in article, org.name
    assert "await confirmation" not in client.get(f"/en/sources/{source.pk}/").content.decode()


@pytest.mark.parametrize("query", ["Намазбаеваның", "Namazbaeva", "Намазбаева Инара", "Намазбаевой"])
def test_seed_search_lands_on_the_person(client: Any, seed_registry: None, query: str) -> None:
    person = Person.objects.get(name="Инара Намазбаева")
    html = client.get("/search/", {"q": query}).content.decode()
    assert f'href="/people/{person.pk}/"' in html
