"""A decision can be undone: what it created is withdrawn, nothing else touched, both in the audit log."""
from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from qogam.registry.core.models import AuditLog, Evidence, Membership, Organization, Person, Proposal
from qogam.registry.core.services.review import accept, merge, reject, revert
from qogam.registry.errors import ReviewError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Any:
    """The services' messages are translated; these tests read them in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


def _person(articles: Any) -> Proposal:
    return articles.sairam.proposals.filter(kind="person", object_id__isnull=True).order_by("start").first()


def test_undoing_an_accepted_person_withdraws_it(articles: Any) -> None:
    proposal = _person(articles)
    people_before = Person.objects.count()
    person = accept(proposal, None)
    assert Person.objects.count() == people_before + 1 and Evidence.objects.filter(proposal=proposal).exists()
    revert(proposal, None)
    proposal.refresh_from_db()
    assert proposal.status == "pending" and proposal.object_id is None and proposal.effects == {}
    assert not Person.objects.filter(pk=person.pk).exists() and Person.objects.count() == people_before
    assert not Evidence.objects.filter(proposal=proposal).exists()
    actions = list(AuditLog.objects.filter(model="core.proposal", object_id=str(proposal.pk))
                   .order_by("pk").values_list("action", flat=True))
    assert actions == ["accept", "revert"]
    accept(proposal, None)  # and it can be decided again
    assert Proposal.objects.get(pk=proposal.pk).status == "accepted"


def test_undo_is_refused_while_another_fact_rests_on_it(articles: Any) -> None:
    post = articles.sairam.proposals.filter(kind="post").order_by("start").first()
    membership = accept(post, None)  # accepts its person and organisation on the way
    assert isinstance(membership, Membership)
    person_proposal = Proposal.objects.get(source=articles.sairam, kind="person", object_id=membership.person_id)
    with pytest.raises(ReviewError, match="undo that decision first"):
        revert(person_proposal, None)
    revert(post, None)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert Person.objects.filter(pk=membership.person_id).exists()  # the person's own decision stands
    revert(person_proposal, None)
    assert not Person.objects.filter(pk=membership.person_id).exists()


def test_undoing_a_merge_takes_back_only_the_names_it_added(articles: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="organization", label__contains="Мейірім").get()
    target = Organization.objects.create(name_kk="Мейірім бірлестігі", aliases=["Мейірім"])
    merge(proposal, target, None)
    target.refresh_from_db()
    added = set(target.aliases) - {"Мейірім"}
    assert added
    target.aliases = [*target.aliases, "later spelling"]
    target.save()
    revert(proposal, None)
    target.refresh_from_db()
    assert target.aliases == ["Мейірім", "later spelling"] and Organization.objects.filter(pk=target.pk).exists()


def test_undoing_a_rejection_and_a_pending_one(articles: Any) -> None:
    proposal = _person(articles)
    reject(proposal, None)
    revert(proposal, None)
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"
    with pytest.raises(ReviewError, match="no decision to undo"):
        revert(proposal, None)


@pytest.mark.parametrize(("persona", "allowed"), [("anonymous", None), ("nobody", False), ("other_editor", False),
                                                   ("editor", True), ("reviewer", True), ("admin", True)])
def test_undo_button_by_persona(persona: str, allowed: bool | None, articles: Any, request: Any) -> None:
    client = request.getfixturevalue(persona)
    proposal = _person(articles)
    accept(proposal, None)
    response = client.post(reverse("review:revert", args=[proposal.pk]))
    proposal.refresh_from_db()
    if allowed is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif not allowed:
        assert response.status_code == 403
    else:
        assert response.status_code == 302 and response["Location"].endswith(f"#p-{proposal.pk}")
    assert proposal.status == ("pending" if allowed else "accepted")


def test_the_message_of_a_decision_is_shown_on_its_card(articles: Any, editor: Any) -> None:
    proposal = _person(articles)
    response = editor.post(reverse("review:accept", args=[proposal.pk]), follow=True)
    html = response.content.decode()
    card = html.split(f'id="p-{proposal.pk}"')[1].split("</section>")[0]
    assert 'class="messages"' in card and "success" in card
    assert 'name="revert"' in card  # and the way back
