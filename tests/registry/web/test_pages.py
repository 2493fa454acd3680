"""Every public page answers an anonymous visitor, 404s for what does not exist, and changes nothing."""
from __future__ import annotations

from typing import Any

import pytest

from tests.registry.web.conftest import Registry

pytestmark = pytest.mark.django_db


def page_urls(r: Registry) -> list[str]:
    return [
        "/", "/search/", "/search/?q=Намазбаева", "/organisations/", "/people/", "/areas/", "/sources/",
        f"/organisations/{r.ngo.pk}/", f"/organisations/{r.council.pk}/", f"/people/{r.person.pk}/",
        f"/areas/{r.district.slug}/", f"/areas/{r.region.slug}/", f"/events/{r.event.pk}/", f"/sources/{r.source.pk}/",
        f"/organisations/?area={r.region.slug}&group=ngo", "/accounts/login/",
    ]


def test_every_page_answers_anonymous(client: Any, registry: Registry) -> None:
    for url in page_urls(registry):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Қоғам" in response.content.decode(), url


@pytest.mark.parametrize("url", [
    "/organisations/999999/", "/people/999999/", "/areas/no-such-area/", "/events/999999/", "/sources/999999/",
    "/organisations/?area=no-such-area", "/ru/people/999999/",
])
def test_missing_objects_are_404(client: Any, url: str) -> None:
    assert client.get(url).status_code == 404


def test_public_pages_refuse_to_change_anything(client: Any, registry: Registry) -> None:
    for url in page_urls(registry):
        if url.startswith("/accounts/"):
            continue
        for method in (client.post, client.put, client.delete):
            assert method(url).status_code == 405, url


def test_csrf_stays_on(registry: Registry) -> None:
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/i18n/setlang/", {"language": "ru", "next": "/"}).status_code == 403


def test_organisation_page(client: Any, registry: Registry) -> None:
    html = client.get(f"/en/organisations/{registry.council.pk}/").content.decode()
    assert "Инара Намазбаева" in html and "Шәріпбек Жамалбек" in html
    assert "On behalf of" in html and f"/organisations/{registry.ngo.pk}/" in html
    assert "Біз &lt;бірге&gt; жұмыс" in html  # the statement of a member, escaped
    ngo = client.get(f"/en/organisations/{registry.ngo.pk}/").content.decode()
    assert "ОО «Жайылма»" in ngo and "public association" in ngo and "Test district" in ngo
    assert "Seats it holds in councils and commissions" in ngo
    assert f"/sources/{registry.source.pk}/" in ngo


def test_person_page(client: Any, registry: Registry) -> None:
    html = client.get(f"/en/people/{registry.person.pk}/").content.decode()
    assert "İnara Namazbaeva" in html and "И.Namazbaeva" not in html and "И.Намазбаева" in html
    # roles in the reader's language, the role as written in the source on hover; dates day first
    assert "chair" in html and 'title="төрағасы"' in html and "member" in html and "01.05.2023" in html
    kk = client.get(f"/people/{registry.person.pk}/").content.decode()
    assert ">төраға<" in kk and "директоры" not in kk
    assert f"/events/{registry.event.pk}/" in html and f"/sources/{registry.source.pk}/" in html


def test_area_page_groups_organisations(client: Any, registry: Registry) -> None:
    html = client.get(f"/en/areas/{registry.region.slug}/").content.decode()
    assert "Test district" in html  # child area, in English
    ngos, councils = html.index("Non-governmental organisations"), html.index("Councils and commissions")
    assert ngos < html.index("«Жайылма» қоғамдық бірлестігі") < councils
    assert councils < html.index("қоғамдық кеңес")


def test_event_page(client: Any, registry: Registry) -> None:
    html = client.get(f"/en/events/{registry.event.pk}/").content.decode()
    assert "сайлау" in html and "Шәріпбек Жамалбек" in html and "Инара Намазбаева" in html


def test_home_counts_charts_and_statements(client: Any, registry: Registry) -> None:
    from django.utils import translation

    from qogam.registry.web.views.home import organizations_per_district, posts_per_role

    with translation.override("kk"):
        assert posts_per_role() == [("төраға", 1)]  # the role in the reader's language
    with translation.override("en"):
        assert posts_per_role() == [("chair", 1)]
    assert ("Test district", 2) in organizations_per_district("t-region") or \
        ("Сынақ ауданы", 2) in organizations_per_district("t-region")
    html = client.get("/en/").content.decode()
    assert "<svg" in html and "Posts per role" in html and "Біз &lt;бірге&gt;" in html
    assert "<script" not in html


def test_lists_paginate(client: Any, db: Any) -> None:
    from qogam.registry.web.views.public import PAGE_SIZE
    from tests.registry.web.conftest import make_registry

    make_registry(extra=PAGE_SIZE + 5)
    first = client.get("/en/people/").content.decode()
    assert "Page 1 of 2" in first and "?page=2" in first
    assert client.get("/en/people/?page=2").status_code == 200
    assert client.get("/en/people/?page=99").status_code == 404
    filtered = client.get("/en/organisations/?area=t-region&page=2").content.decode()
    assert "area=t-region&amp;page=1" in filtered


def test_staff_see_review_link_only_when_it_exists(admin_client: Any, client: Any) -> None:
    from django.urls import NoReverseMatch, reverse

    try:
        queue = reverse("review:queue")
    except NoReverseMatch:
        queue = None
    assert "Review queue" not in client.get("/en/").content.decode()
    staff_html = admin_client.get("/en/").content.decode()
    assert ("Review queue" in staff_html) == (queue is not None)
    assert "Log out" in staff_html
