"""The public pages' cache: anonymous visitors get a kept page until the registry changes;
nobody logged in, no staff page and no page with a form token is ever kept."""
from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings: Any) -> Any:
    settings.PAGE_CACHE_SECONDS = 60
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def _org(name: str) -> Any:
    from qogam.registry.core.models import Organization
    from qogam.registry.core.services.audit import create

    return create(None, Organization, name_kk=name, classification="public_association")


def test_anonymous_pages_are_kept_until_the_registry_changes(cached: Any) -> None:
    _org("«Бірінші» қоғамдық бірлестігі")
    client = Client()
    first = client.get("/organisations/")
    assert first["X-Qogam-Cache"] == "miss" and not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()  # the language links are links, not a form
    second = client.get("/organisations/")
    assert second["X-Qogam-Cache"] == "hit" and second.content == first.content
    assert second["Content-Type"].startswith("text/html") and second["Content-Language"] == "kk"
    _org("«Екінші» қоғамдық бірлестігі")  # audited: the registry's version moves on
    third = client.get("/organisations/")
    assert third["X-Qogam-Cache"] == "miss" and "«Екінші»" in third.content.decode()
    russian = client.get("/ru/organisations/")
    assert russian["X-Qogam-Cache"] == "miss" and russian["Content-Language"] == "ru"
    assert client.get("/organisations/?q=Бірінші")["X-Qogam-Cache"] == "miss"  # the query is part of the key


def test_nothing_personal_or_staff_is_kept(cached: Any, django_user_model: Any) -> None:
    user = django_user_model.objects.create_superuser("boss", password="boss-Pa55-word")
    staff = Client()
    staff.force_login(user)
    for _ in range(2):
        page = staff.get("/organisations/")
        assert page.status_code == 200 and not page.has_header("X-Qogam-Cache")
    anonymous = Client()
    for url in ("/accounts/login/", "/review/", "/ru/review/", "/admin/login/", "/api/v1/organizations"):
        for _ in range(2):
            assert anonymous.get(url).get("X-Qogam-Cache") != "hit", url
    assert anonymous.get("/accounts/login/").get("X-Qogam-Cache") is None  # its form holds a CSRF token


def test_off_by_default(settings: Any) -> None:
    assert settings.PAGE_CACHE_SECONDS == 0
    assert not Client().get("/organisations/").has_header("X-Qogam-Cache")


@pytest.mark.parametrize(("path", "code", "expected"), [
    ("/", "ru", "/ru/"), ("/ru/people/?page=2", "kk", "/people/?page=2"), ("/ru/people/", "en", "/en/people/"),
    ("/en/", "kk", "/"), ("/people/", "kk", "/people/"),
])
def test_language_links(path: str, code: str, expected: str) -> None:
    from qogam.registry.web.templatetags.qogam_web import in_language

    assert in_language(path, code) == expected
