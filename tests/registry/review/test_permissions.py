"""Every data-changing review view refuses the wrong persona, and lets the right ones act."""
from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from qogam.registry.core.models import AuditLog, Proposal
from qogam.registry.review.access import scope_of, visible_sources

pytestmark = pytest.mark.django_db


def _action(name: str, articles: Any) -> tuple[str, dict[str, Any], Proposal]:
    """The URL and POST data of action ``name`` on a pending proposal of the Мақтаарал article."""
    source = articles.maktaaral
    person = source.proposals.filter(kind="person").order_by("pk").first()
    if name == "bulk-accept":
        return reverse("review:bulk-accept", args=[source.pk]), {"min_confidence": "0.5"}, person
    if name == "edit":
        return reverse("review:edit", args=[person.pk]), {"name": "Жаңа Есім"}, person
    if name == "same-as":
        return reverse("review:same-as", args=[person.pk]), {"target": "1"}, person
    return reverse(f"review:{name}", args=[person.pk]), {}, person


ACTIONS = ["accept", "reject", "edit", "same-as", "bulk-accept"]


@pytest.mark.parametrize("action", ACTIONS)
def test_anonymous_is_sent_to_log_in(action: str, articles: Any, anonymous: Any) -> None:
    url, data, proposal = _action(action, articles)
    response = anonymous.post(url, data)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"
    assert not AuditLog.objects.filter(model="core.proposal").exists()


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("persona", ["nobody", "editor"])
def test_wrong_persona_is_refused(action: str, persona: str, articles: Any, request: pytest.FixtureRequest) -> None:
    # "editor" edits Сайрам ауданы; the proposal is in an article about Мақтаарал ауданы.
    client = request.getfixturevalue(persona)
    url, data, proposal = _action(action, articles)
    assert client.post(url, data).status_code == 403
    assert Proposal.objects.filter(source=articles.maktaaral).exclude(status="pending").count() == 0
    assert not AuditLog.objects.filter(model="core.proposal").exists()


@pytest.mark.parametrize("persona", ["other_editor", "reviewer", "admin"])
def test_right_persona_accepts_with_audit(persona: str, articles: Any, request: pytest.FixtureRequest) -> None:
    client = request.getfixturevalue(persona)
    url, data, proposal = _action("accept", articles)
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("review:source", args=[articles.maktaaral.pk]) + f"#p-{proposal.pk}"
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.decided_by == client.user
    assert AuditLog.objects.filter(model="core.proposal", object_id=str(proposal.pk), action="accept", user=client.user).exists()


@pytest.mark.parametrize("url_name", ["queue", "source", "edit", "same-as"])
def test_pages_refuse_anonymous_and_roleless(url_name: str, articles: Any, anonymous: Any, nobody: Any) -> None:
    proposal = articles.sairam.proposals.filter(kind="person").first()
    args = {"queue": [], "source": [articles.sairam.pk]}.get(url_name, [proposal.pk])
    url = reverse(f"review:{url_name}", args=args)
    response = anonymous.get(url)
    assert response.status_code == 302 and response["Location"] == f"{reverse('login')}?next={url}"
    assert nobody.get(url).status_code == 403


def test_editor_sees_only_their_district(articles: Any, editor: Any, other_editor: Any, reviewer: Any) -> None:
    def listed(client: Any) -> set[int]:
        return {source.pk for source in client.get(reverse("review:queue")).context["sources"]}

    assert listed(editor) == {articles.sairam.pk}
    assert listed(other_editor) == {articles.maktaaral.pk}
    assert listed(reviewer) == {articles.sairam.pk, articles.maktaaral.pk}
    assert editor.get(reverse("review:source", args=[articles.maktaaral.pk])).status_code == 403
    assert editor.get(reverse("review:source", args=[articles.sairam.pk])).status_code == 200


def test_actions_are_post_only(articles: Any, reviewer: Any) -> None:
    proposal = articles.sairam.proposals.first()
    for name in ("accept", "reject"):
        assert reviewer.get(reverse(f"review:{name}", args=[proposal.pk])).status_code == 405
    assert reviewer.get(reverse("review:bulk-accept", args=[articles.sairam.pk])).status_code == 405
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"


def test_csrf_is_checked(articles: Any, reviewer: Any) -> None:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer.user)
    proposal = articles.sairam.proposals.first()
    assert client.post(reverse("review:accept", args=[proposal.pk])).status_code == 403
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"


def test_only_admin_uses_django_admin(articles: Any, editor: Any, reviewer: Any, admin: Any) -> None:
    url = reverse("admin:core_proposal_changelist")
    assert admin.get(url).status_code == 200
    # Editors and reviewers are staff (the site shows them the queue) without admin permissions.
    assert editor.get(url).status_code == 403 and reviewer.get(url).status_code == 403


def test_source_area_from_linked_organisation(articles: Any) -> None:
    """An article naming a district's registered organisation belongs to that district."""
    from django.contrib.contenttypes.models import ContentType

    from qogam.registry.core.models import Area, Organization
    from qogam.registry.review.models import StaffRole

    # Жетісай ауданы: a district neither article names (the Мақтаарал one names Келес, bare)
    keles = Area.objects.get(slug="kz-turkistan-jetisai")
    organization = Organization.objects.create(name_kk="Жетісай жастар орталығы", area=keles)
    proposal = articles.sairam.proposals.filter(kind="organization").first()
    proposal.content_type = ContentType.objects.get_for_model(Organization)
    proposal.object_id = organization.pk
    proposal.save()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("keles")
    StaffRole.objects.create(user=user, role="editor", area=keles)
    assert list(visible_sources(scope_of(user))) == [articles.sairam]
    proposal.status = "rejected"
    proposal.save()
    assert list(visible_sources(scope_of(user))) == []


def test_region_editor_covers_its_districts(articles: Any, django_user_model: Any) -> None:
    from qogam.registry.core.models import Area
    from qogam.registry.review.models import StaffRole

    user = django_user_model.objects.create_user("region")
    StaffRole.objects.create(user=user, role="editor", area=Area.objects.get(slug="kz-turkistan"))
    assert set(visible_sources(scope_of(user))) == {articles.sairam, articles.maktaaral}
