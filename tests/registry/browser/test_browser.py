"""Click through the real pages in headless Chromium: search, review as an editor, the locked queue."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "articles"
# A fictional article in the house style of the sample articles.
ARTICLE = ("Сайрам ауданында «Жайылма» қоғамдық бірлестігінің төрағасы Инара Намазбаева жастармен кездесті. "
           "Кездесуде Инара Намазбаеваның ұсынысымен жаңа жоба қолға алынды. "
           "«Біз жастардың бастамасын қолдаймыз», — деді И.Намазбаева.")
PASSWORD = "editor-Pa55-word"


def _ingest(tmp_path: Path, name: str, text: str) -> Any:
    from qogam.registry.core.models import Source
    from qogam.registry.core.services.ingest import ingest_path

    (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_path(tmp_path / name, progress=False)
    return Source.objects.get(origin__endswith=name)


@pytest.fixture
def registry(tmp_path: Path) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from qogam.registry.core.models import Area
    from qogam.registry.core.services.review import bulk_accept
    from qogam.registry.core.services.setup import load_fixtures
    from qogam.registry.review.models import StaffRole

    load_fixtures()
    accepted = _ingest(tmp_path, "namazbaeva.txt", ARTICLE)
    bulk_accept(accepted.proposals.all(), None, 0.0)
    sairam = EXAMPLES / "02_sairam_qogamdyq_kenes.txt"
    queued = _ingest(tmp_path, sairam.name, sairam.read_text(encoding="utf-8"))
    editor = get_user_model().objects.create_user("sairam-editor", password=PASSWORD)
    StaffRole.objects.create(user=editor, role="editor", area=Area.objects.get(slug="kz-turkistan-sairam"))
    return {"accepted": accepted, "queued": queued, "editor": editor}


def test_search_an_inflected_name_lands_on_the_person(page: Any, shot: Any, registry: dict[str, Any]) -> None:
    from qogam.registry.core.models import Person

    person = Person.objects.get(name="Инара Намазбаева")
    page.goto("/")
    shot("home")
    page.click("header nav a[href$='/search/']")
    page.fill("input[name=q]", "Намазбаеваның")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    shot("search-results")
    page.click(f"main a[href$='/people/{person.pk}/']")
    page.wait_for_url(re.compile(rf"/people/{person.pk}/$"))
    assert page.locator("h1").inner_text().strip() == "Инара Намазбаева"
    assert "төраға" in page.locator("main").inner_text()
    shot("person")
    page.click("main a[href*='/organisations/']")
    page.wait_for_url(re.compile(r"/organisations/\d+/$"))
    assert "Жайылма" in page.locator("h1").inner_text()
    shot("organisation")
    page.goto(f"/sources/{registry['accepted'].pk}/")
    assert page.locator("main mark").count() > 0
    shot("source")


def test_editor_accepts_a_proposal_and_sees_it_on_the_public_page(page: Any, shot: Any, registry: dict[str, Any]) -> None:
    from qogam.registry.core.models import Person, Proposal

    post = registry["queued"].proposals.filter(kind="post", payload__organization__isnull=False).order_by("start").first()
    person_name, role = post.payload["person"], post.payload["role"]
    page.goto("/review/")
    page.wait_for_url(re.compile(r"/accounts/login/\?next=/review/"))
    page.fill("input[name=username]", "sairam-editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/review/$"))
    assert page.locator("table.queue tbody tr").count() == 1  # only the article about Сайрам ауданы
    shot("queue")
    page.click(f"a[href$='/review/sources/{registry['queued'].pk}/']")
    page.wait_for_url(re.compile(r"/review/sources/\d+/$"))
    shot("review-source")
    page.click(f"#p-{post.pk} button[name=accept]")
    page.wait_for_url(re.compile(rf"/review/sources/\d+/#p-{post.pk}$"))
    assert page.locator(".messages li.success").count() == 1
    assert page.locator(f"#p-{post.pk}").get_attribute("data-status") == "accepted"
    assert Proposal.objects.get(pk=post.pk).decided_by == registry["editor"]

    person = Person.objects.get(name=person_name)
    page.goto(f"/people/{person.pk}/")
    assert page.locator("h1").inner_text().strip() == person_name
    assert role in page.locator("main").inner_text()
    shot("person-after-review")


def test_anonymous_cannot_reach_the_queue(page: Any, registry: dict[str, Any]) -> None:
    for path in ("/review/", f"/review/sources/{registry['queued'].pk}/", "/en/review/"):
        page.goto(path)
        assert "/accounts/login/" in page.url and "next=" in page.url
        assert page.locator("table.queue").count() == 0 and page.locator(".proposal").count() == 0
        assert page.locator("input[name=password]").count() == 1
    # A forged POST without a session or CSRF token changes nothing.
    response = page.request.post(f"/review/proposals/{registry['queued'].proposals.first().pk}/accept/")
    assert response.status == 403 or "/accounts/login/" in response.url
    assert not registry["queued"].proposals.exclude(status="pending").exists()


KAZAKH_JAKYPOV = "«Жастар» қоғамдық бірлестігінің төрағасы Қабиболла Жақыпов жиынды ашты."
RUSSIAN_JAKYPOV = "Председатель общественного объединения «Жастар» Кабибулла Джакупов открыл встречу с молодёжью."


def test_reviewer_merges_the_russian_spelling_offered_as_a_candidate(page: Any, shot: Any, tmp_path: Path) -> None:
    """A Kazakh article made the person; the Russian article's spelling waits in the queue with
    the Kazakh entry offered as a possible match, and one click on it makes one person."""
    from django.contrib.auth import get_user_model

    from qogam.registry.core.models import Person
    from qogam.registry.core.services.review import bulk_accept
    from qogam.registry.review.models import StaffRole

    kazakh = _ingest(tmp_path, "kk.txt", KAZAKH_JAKYPOV)
    bulk_accept(kazakh.proposals.all(), None, 0.0)
    russian = _ingest(tmp_path, "ru.txt", RUSSIAN_JAKYPOV)
    person = Person.objects.get(name="Қабиболла Жақыпов")
    proposal = russian.proposals.get(kind="person")
    assert proposal.candidates == [person.pk] and proposal.object_id is None
    user = get_user_model().objects.create_user("region-reviewer", password=PASSWORD)
    StaffRole.objects.create(user=user, role="reviewer")

    page.goto("/accounts/login/?next=/review/")
    page.fill("input[name=username]", "region-reviewer")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/review/$"))
    page.goto(f"/review/sources/{russian.pk}/")
    row = page.locator(f"#p-{proposal.pk}")
    assert "Қабиболла Жақыпов" in row.inner_text()  # offered as a possible match, not merged
    shot("candidate-in-queue")
    row.locator("a[href$='/same-as/']").click()
    page.wait_for_url(re.compile(rf"/review/proposals/{proposal.pk}/same-as/$"))
    page.locator("ul.targets li", has_text="Қабиболла Жақыпов").locator("button[type=submit]").first.click()
    page.wait_for_load_state()
    proposal.refresh_from_db()
    assert proposal.status == "merged" and proposal.object_id == person.pk
    page.goto(f"/people/{person.pk}/")
    text = page.locator("main").inner_text()
    assert "Қабиболла Жақыпов" in text and "Кабибулла Джакупов" in text
    assert Person.objects.filter(name="Кабибулла Джакупов").count() == 0
    shot("person-in-two-languages")
