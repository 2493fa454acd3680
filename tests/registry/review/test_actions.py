"""The review actions do what they say through the core services, and go back with a message."""
from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from qogam.registry.core.models import AuditLog, Membership, Person, Proposal

pytestmark = pytest.mark.django_db


def _messages(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_queue_lists_sources_with_pending_counts(articles: Any, reviewer: Any) -> None:
    response = reviewer.get(reverse("review:queue"))
    rows = {s.pk: s.pending for s in response.context["sources"]}
    assert rows == {s.pk: s.proposals.filter(status="pending").count() for s in (articles.sairam, articles.maktaaral)}
    assert reverse("review:source", args=[articles.sairam.pk]) in response.content.decode()


def test_decided_sources_leave_the_queue(articles: Any, reviewer: Any) -> None:
    articles.sairam.proposals.update(status="rejected")
    listed = [s.pk for s in reviewer.get(reverse("review:queue")).context["sources"]]
    assert listed == [articles.maktaaral.pk]


def test_source_page_highlights_each_proposal(articles: Any, editor: Any) -> None:
    response = editor.get(reverse("review:source", args=[articles.sairam.pk]))
    html = response.content.decode()
    text = articles.sairam.text
    assert "".join(piece.text for piece in response.context["pieces"]) == text
    for proposal in articles.sairam.proposals.all():
        assert f'id="p-{proposal.pk}"' in html
        assert f'href="#p-{proposal.pk}"' in html or any(
            proposal in piece.proposals for piece in response.context["pieces"])


def test_accept_then_the_fact_is_in_the_registry(articles: Any, editor: Any) -> None:
    post = articles.sairam.proposals.filter(kind="post").order_by("pk").first()
    response = editor.post(reverse("review:accept", args=[post.pk]))
    assert response.status_code == 302
    assert any(message.startswith("Қабылданды: лауазым «") for message in _messages(response))
    membership = Membership.objects.get()
    assert membership.person.name == post.payload["person"] and membership.role == post.payload["role"]


def test_reject(articles: Any, editor: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="statement").first()
    response = editor.post(reverse("review:reject", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and proposal.decided_by == editor.user
    assert any(message.startswith("Қабылданбады: мәлімдеме «") for message in _messages(response))
    # Deciding twice is refused by the service; the view says so instead of failing.
    again = editor.post(reverse("review:accept", args=[proposal.pk]), follow=True)
    assert again.status_code == 200 and "бұрыннан шешілген: қабылданбады" in again.content.decode()  # "already rejected", in Kazakh


def test_edit_before_accepting(articles: Any, editor: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="person").order_by("pk").first()
    url = reverse("review:edit", args=[proposal.pk])
    form = editor.get(url).context["form"]
    assert form.initial["name"] == proposal.payload["name"]
    response = editor.post(url, {"name": "Жандос Серікұлы Әлиев", "given": "Жандос", "family": "Әлиев",
                                 "patronymic": "Серікұлы"})
    assert response.status_code == 302
    person = Person.objects.get(name="Жандос Серікұлы Әлиев")
    assert person.patronymic_name == "Серікұлы"
    log = AuditLog.objects.get(model="core.proposal", object_id=str(proposal.pk), action="accept")
    assert log.after["payload"]["patronymic"] == "Серікұлы" and log.user == editor.user


def test_edit_form_refuses_a_blank_name(articles: Any, editor: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="person").first()
    response = editor.post(reverse("review:edit", args=[proposal.pk]), {"name": ""})
    assert response.status_code == 200 and response.context["form"].errors["name"]
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"


def test_same_as_an_existing_person(articles: Any, editor: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="person").order_by("pk").first()
    existing = Person.objects.create(name=proposal.payload["name"] + "ов")  # a spelling the key does not join
    url = reverse("review:same-as", args=[proposal.pk])
    found = editor.get(url, {"q": existing.name}).context["results"]
    assert existing in found
    response = editor.post(url, {"target": existing.pk})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "merged" and proposal.linked == existing
    existing.refresh_from_db()
    assert proposal.payload["name"] in existing.aliases
    assert AuditLog.objects.filter(model="core.proposal", object_id=str(proposal.pk), action="merge").exists()


def test_same_as_offers_the_ambiguous_candidates(articles: Any, editor: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="person").order_by("pk").first()
    twins = [Person.objects.create(name=proposal.payload["name"]) for _ in range(2)]
    proposal.candidates = [p.pk for p in twins]
    proposal.save()
    candidates = editor.get(reverse("review:same-as", args=[proposal.pk])).context["candidates"]
    assert set(candidates) == set(twins)
    shown = editor.get(reverse("review:source", args=[articles.sairam.pk])).context["proposals"]
    assert next(p for p in shown if p.pk == proposal.pk).candidate_objects == twins


def test_same_as_only_for_entities(articles: Any, editor: Any) -> None:
    post = articles.sairam.proposals.filter(kind="post").first()
    response = editor.post(reverse("review:same-as", args=[post.pk]), {"target": 1})
    assert response.status_code == 302 and Proposal.objects.get(pk=post.pk).status == "pending"
    assert any("тек адам, ұйым не жер" in message for message in _messages(response))


def test_bulk_accept_above_threshold_in_one_source(articles: Any, editor: Any) -> None:
    source = articles.sairam
    high = set(source.proposals.filter(confidence__gte=0.9).values_list("pk", flat=True))
    assert high, "the sample article has confident proposals"
    response = editor.post(reverse("review:bulk-accept", args=[source.pk]), {"min_confidence": "0.9"})
    assert response.status_code == 302
    accepted = set(source.proposals.filter(status="accepted").values_list("pk", flat=True))
    assert high - accepted <= set(_failed(response))
    assert not articles.maktaaral.proposals.exclude(status="pending").exists()
    assert re.search(r"≥ 0[.,]90 болатын \d+ ұсыныс қабылданды", " ".join(_messages(response)))


def _failed(response: Any) -> list[int]:
    return [int(m.split(":")[0].lstrip("#")) for m in _messages(response) if m.startswith("#")]


def test_bulk_accept_needs_a_valid_threshold(articles: Any, editor: Any) -> None:
    response = editor.post(reverse("review:bulk-accept", args=[articles.sairam.pk]), {"min_confidence": "2"})
    assert response.status_code == 302 and not articles.sairam.proposals.exclude(status="pending").exists()


def test_next_must_stay_on_the_site(articles: Any, editor: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="place").first()
    response = editor.post(reverse("review:reject", args=[proposal.pk]), {"next": "https://evil.example/"})
    assert response["Location"].startswith(reverse("review:source", args=[articles.sairam.pk]))
