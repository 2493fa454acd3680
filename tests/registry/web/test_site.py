"""What a first-day user sees around the pages: the home page's state, error pages in the
site's layout and language, a log-in error in one language, a favicon."""
from __future__ import annotations

from typing import Any

import pytest

from qogam.registry.core.models import Proposal
from tests.registry.web.conftest import Registry

pytestmark = pytest.mark.django_db


def test_home_says_what_waits_for_review_and_where_to_log_in(client: Any, registry: Registry,
                                                            django_user_model: Any) -> None:
    pending = Proposal.objects.filter(status="pending").count()
    assert pending
    html = client.get("/en/").content.decode()
    assert f"{pending} fact read from the news awaits confirmation" in html or \
        f"{pending} facts read from the news await confirmation" in html
    assert "/en/accounts/login/?next=/en/review/" in html
    staff = django_user_model.objects.create_superuser("boss", password="x-unused-x")
    client.force_login(staff)
    assert 'href="/en/review/">Open the review queue' in client.get("/en/").content.decode()


def test_latest_sources_in_publication_order(client: Any, registry: Registry) -> None:
    from datetime import date

    from qogam.registry.core.models import Source

    Source.objects.create(text="Ескі.", content_hash="1" * 64, title="Ескі жаңалық", published=date(2001, 1, 1))
    Source.objects.create(text="Жаңа.", content_hash="2" * 64, title="Жаңа жаңалық", published=date(2030, 1, 1))
    html = client.get("/").content.decode()
    latest = html.split("<h2>", 3)[-1]
    assert latest.index("Жаңа жаңалық") < latest.index(registry.source.title or str(registry.source))


@pytest.mark.parametrize(("prefix", "title"), [("", "Бет табылмады"), ("/ru", "Страница не найдена"),
                                                ("/en", "Page not found")])
def test_404_in_the_sites_layout_and_language(client: Any, registry: Registry, prefix: str, title: str) -> None:
    response = client.get(f"{prefix}/people/999999/")
    html = response.content.decode()
    assert response.status_code == 404 and f"<h1>{title}</h1>" in html and 'class="site"' in html


def test_500_in_the_sites_layout(rf: Any) -> None:
    from qogam.registry.web.views.errors import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500 and 'class="site"' in response.content.decode()


def test_a_wrong_password_is_said_in_kazakh_only(client: Any, registry: Registry, django_user_model: Any) -> None:
    django_user_model.objects.create_user("sairam", password="right-Pa55-word")
    html = client.post("/accounts/login/", {"username": "sairam", "password": "wrong"}).content.decode()
    assert "Пайдаланушы аты немесе құпиясөз қате" in html
    assert "Please enter" not in html and "Қолданушы атауы" not in html


def test_every_page_has_a_favicon(client: Any, registry: Registry) -> None:
    html = client.get("/").content.decode()
    assert 'rel="icon"' in html and "favicon.svg" in html


def test_language_shown_by_name(client: Any, registry: Registry) -> None:
    html = client.get(f"/sources/{registry.source.pk}/").content.decode()
    assert "қазақ тілі" in html and "<dd>kk</dd>" not in html


def test_django_admin_speaks_kazakh(admin_client: Any, registry: Registry) -> None:
    """Models and fields have Kazakh names, Django's own wrong strings are corrected, aliases are lines."""
    index = admin_client.get("/admin/").content.decode()
    assert "Qogam басқаруы" in index and "Даңғо" not in index and "Тізілім" in index
    change = admin_client.get(f"/admin/core/person/{registry.person.pk}/change/").content.decode()
    assert "Толық аты-жөні" in change or "толық аты-жөні" in change.lower()
    assert "Әр жолға біреуден." in change and "[&quot;" not in change  # aliases one a line, not JSON
    history = admin_client.get(f"/admin/core/person/{registry.person.pk}/history/").content.decode()
    assert "Өшіру/Уақыт" not in history


def test_aliases_saved_from_lines(admin_client: Any, registry: Registry) -> None:
    from qogam.registry.core.models import Person

    person = registry.person
    response = admin_client.post(f"/admin/core/person/{person.pk}/change/", {
        "name": person.name, "given_name": person.given_name, "family_name": person.family_name,
        "patronymic_name": "", "aliases": "И.Намазбаева\r\nNamazbaeva Inara\r\n\r\nИ.Намазбаева",
    })
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).aliases == ["И.Намазбаева", "Namazbaeva Inara"]


def test_a_nul_in_a_parameter_is_refused_not_a_server_error(client: Any, registry: Registry) -> None:
    assert client.get("/search/?q=a%00b").status_code == 400
    assert client.get("/events/?type=%00").status_code == 400
    response = client.get("/api/v1/memberships?type=x%00")
    assert response.status_code == 422 and "NUL" in response.json()["detail"]
