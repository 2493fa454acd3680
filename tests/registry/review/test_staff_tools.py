"""Staff tools of the first day: add an article from the site, withdraw a junk source, see what
an acceptance also accepts and what tells two candidates apart."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from qogam.registry.core.models import AuditLog, Membership, Organization, Person, Proposal, Source

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "articles"
PASTED = ("Сайрам ауданында «Жасыл әлем» қоғамдық бірлестігінің төрағасы Гүлмира Сәрсенова "
          "жастармен кездесті.\r\n«Біз бірге жұмыс істейміз», — деді Г.Сәрсенова.")


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 302), ("nobody", 403), ("editor", 200),
                                                  ("reviewer", 200), ("admin", 200)])
def test_add_article_page_by_persona(persona: str, status: int, request: Any, articles: Any) -> None:
    assert request.getfixturevalue(persona).get(reverse("review:add")).status_code == status


def test_an_editor_pastes_an_article_and_lands_on_its_review(editor: Any) -> None:
    response = editor.post(reverse("review:add"), {
        "title": "Жасыл әлем жастармен кездесті", "outlet": "ontustik.kz", "url": "https://ontustik.kz/a/1",
        "published": "2024-05-02", "text": PASTED,
    })
    source = Source.objects.get(title="Жасыл әлем жастармен кездесті")
    assert response.status_code == 302 and response["Location"].endswith(f"/review/sources/{source.pk}/")
    assert (source.outlet, source.url, str(source.published)) == ("ontustik.kz", "https://ontustik.kz/a/1", "2024-05-02")
    assert "\r" not in source.text and source.proposals.filter(kind="person", label="Гүлмира Сәрсенова").exists()
    entry = AuditLog.objects.get(model="core.source", object_id=str(source.pk), action="create")
    assert entry.user == editor.user and entry.note == "added on the website"
    again = editor.post(reverse("review:add"), {"text": PASTED}, follow=True)
    assert Source.objects.filter(title="Жасыл әлем жастармен кездесті").count() == 1
    assert "бұрыннан сақталған" in again.content.decode()  # "stored already", in Kazakh


def test_a_reviewer_uploads_a_json_article(reviewer: Any, articles: Any) -> None:
    body = json.dumps({"title": "Жүктелген", "outlet": "turkystan.kz", "date": "2024-06-01", "text": PASTED}).encode()
    response = reviewer.post(reverse("review:add"), {"file": SimpleUploadedFile("a.json", body)})
    source = Source.objects.get(title="Жүктелген")
    assert response.status_code == 302 and source.outlet == "turkystan.kz" and str(source.published) == "2024-06-01"


@pytest.mark.parametrize(("data", "error"), [
    ({"text": "  "}, "Paste the article"),
    ({"text": PASTED, "url": "javascript:alert(1)"}, "Enter a valid URL"),
    ({"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")}, "Upload a .txt or .json file."),
    ({"file": SimpleUploadedFile("a.txt", b"\xff\xfe\x00b\x00a\x00d")}, "not"),
])
def test_bad_articles_are_refused_with_the_reason(data: dict[str, Any], error: str, reviewer: Any) -> None:
    response = reviewer.post("/en/review/add/", data)
    assert response.status_code == 200 and error in response.content.decode()
    assert not Source.objects.exists()


@pytest.mark.parametrize(("persona", "allowed"), [("anonymous", None), ("nobody", False), ("other_editor", False),
                                                   ("editor", True), ("reviewer", True), ("admin", True)])
def test_withdraw_by_persona(persona: str, allowed: bool | None, articles: Any, request: Any) -> None:
    client = request.getfixturevalue(persona)
    source = articles.sairam
    response = client.post(reverse("review:withdraw", args=[source.pk]), {"reason": "a duplicate"})
    source.refresh_from_db()
    if allowed is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif not allowed:
        assert response.status_code == 403
    else:
        assert response.status_code == 302 and source.withdrawn_reason == "a duplicate"
        assert not source.proposals.filter(status="pending").exists()
        assert source not in client.get(reverse("review:queue")).context["sources"]
    assert (source.withdrawn_at is not None) == bool(allowed)


def test_withdraw_needs_a_reason(editor: Any, articles: Any) -> None:
    editor.post(reverse("review:withdraw", args=[articles.sairam.pk]), {"reason": " "})
    articles.sairam.refresh_from_db()
    assert articles.sairam.withdrawn_at is None


def test_a_post_card_says_what_it_also_accepts(editor: Any, articles: Any) -> None:
    post = articles.sairam.proposals.filter(kind="post").order_by("start").first()
    person = Proposal.objects.get(source=articles.sairam, kind="person", label=post.payload["person"])
    html = editor.get(reverse("review:source", args=[articles.sairam.pk])).content.decode()
    card = html.split(f'id="p-{post.pk}"')[1].split("</section>")[0]
    assert "also accepts" in card or "қабылдайды" in card
    assert f'href="#p-{person.pk}"' in card


def test_candidates_come_with_what_tells_them_apart(editor: Any, articles: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="person").order_by("start").first()
    council = Organization.objects.create(name_kk="Кентау қалалық кеңесі", area_id=None)
    twins = [Person.objects.create(name=proposal.label), Person.objects.create(name=proposal.label)]
    Membership.objects.create(person=twins[0], organization=council, role="төраға", start_date="2023-02-01")
    proposal.candidates = [t.pk for t in twins]
    proposal.content_type = None
    proposal.object_id = None
    proposal.save()
    html = editor.get(f"/en/review/sources/{articles.sairam.pk}/").content.decode()
    card = html.split(f'id="p-{proposal.pk}"')[1].split("</section>")[0]
    assert "chair, Кентау қалалық кеңесі, 01.02.2023" in card
    same_as = editor.get(f"/en/review/proposals/{proposal.pk}/same-as/").content.decode()
    assert "chair, Кентау қалалық кеңесі" in same_as
