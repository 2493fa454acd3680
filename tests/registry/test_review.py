"""Review flows: accept (with edits), reject, merge, bulk accept — each with evidence and audit."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qogam.registry.core.models import (
    AuditLog,
    Event,
    Evidence,
    Membership,
    Organization,
    Person,
    Post,
    Proposal,
    Statement,
)
from qogam.registry.core.services.ingest import ingest_path
from qogam.registry.core.services.review import accept, bulk_accept, merge, reject
from qogam.registry.errors import ReviewError

pytestmark = pytest.mark.django_db

TEXT = ("«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев жиынды ашты. "
        "«Бәріміз бірге жұмыс істейміз», — деді Жанболат Сүйінбаев.")


@pytest.fixture
def proposals(tmp_path: Path) -> Any:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    ingest_path(tmp_path / "a.txt", progress=False)
    return Proposal.objects


def test_accept_person_creates_it_with_evidence_and_audit(proposals: Any, reviewer: Any) -> None:
    proposal = proposals.get(kind="person")
    person = accept(proposal, reviewer)
    assert isinstance(person, Person) and person.name == "Жанболат Сүйінбаев"
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.linked) == ("accepted", reviewer, person)
    assert proposal.decided_at is not None
    spans = Evidence.objects.filter(object_id=person.pk, content_type__model="person")
    assert spans.count() == 2 and all(TEXT[e.start:e.end].startswith("Жанболат") for e in spans)
    assert AuditLog.objects.filter(model="core.person", object_id=str(person.pk), action="create", user=reviewer).exists()
    assert AuditLog.objects.filter(model="core.proposal", object_id=str(proposal.pk), action="accept").exists()


def test_accept_with_edits(proposals: Any, reviewer: Any) -> None:
    proposal = proposals.get(kind="person")
    person = accept(proposal, reviewer, edits={"name": "Жанболат Сүйінбаев", "patronymic": "Серікұлы"})
    assert person.patronymic_name == "Серікұлы"
    log = AuditLog.objects.get(model="core.proposal", action="accept")
    assert log.after["payload"]["patronymic"] == "Серікұлы"


def test_accept_post_accepts_its_pending_person_and_organization(proposals: Any, reviewer: Any) -> None:
    membership = accept(proposals.get(kind="post"), reviewer)
    assert isinstance(membership, Membership) and membership.role == "төраға"
    assert membership.person.name == "Жанболат Сүйінбаев"
    assert membership.organization.name_kk == "«Жайылма» қоғамдық бірлестігі"
    assert Post.objects.get().organization == membership.organization
    assert proposals.get(kind="person").status == proposals.get(kind="organization").status == "accepted"
    # The person is not created twice when its own proposal is met later.
    assert Person.objects.count() == 1 and Organization.objects.count() == 1


def test_accept_statement_links_speaker(proposals: Any, reviewer: Any) -> None:
    statement = accept(proposals.get(kind="statement"), reviewer)
    assert isinstance(statement, Statement) and statement.text == "Бәріміз бірге жұмыс істейміз"
    assert statement.speaker.name == "Жанболат Сүйінбаев" and statement.language == "kk"


def test_reject_then_decisions_refused(proposals: Any, reviewer: Any) -> None:
    proposal = proposals.get(kind="person")
    reject(proposal, reviewer)
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and proposal.decided_by == reviewer
    assert AuditLog.objects.filter(model="core.proposal", action="reject", user=reviewer).exists()
    with pytest.raises(ReviewError, match="бұрыннан шешілген: қабылданбады"):
        accept(proposal, reviewer)
    # A post of a rejected person cannot be accepted silently.
    with pytest.raises(ReviewError, match="ұсынысы қабылданбаған"):
        accept(proposals.get(kind="post"), reviewer)
    assert Person.objects.count() == 0


def test_merge_into_existing(proposals: Any, reviewer: Any) -> None:
    existing = Person.objects.create(name="Сүйінбаев Жанболат Серікұлы")
    proposal = proposals.get(kind="person")
    assert merge(proposal, existing, reviewer) == existing
    existing.refresh_from_db()
    assert "Жанболат Сүйінбаев" in existing.aliases
    proposal.refresh_from_db()
    assert proposal.status == "merged" and proposal.linked == existing
    assert AuditLog.objects.filter(model="core.person", action="update", user=reviewer).exists()
    assert AuditLog.objects.filter(model="core.proposal", action="merge").exists()
    assert Evidence.objects.filter(object_id=existing.pk, content_type__model="person").count() == 2
    with pytest.raises(ReviewError):
        merge(proposals.get(kind="organization"), existing, reviewer)


def test_linked_proposal_updates_existing_entry(proposals: Any, reviewer: Any) -> None:
    person = Person.objects.create(name="Жанболат Сүйінбаев")
    proposal = proposals.get(kind="person")
    proposal.object_id, proposal.content_type = person.pk, _ct(Person)
    proposal.save()
    assert accept(proposal, reviewer) == person and Person.objects.count() == 1


def test_bulk_accept_respects_confidence(proposals: Any, reviewer: Any) -> None:
    assert bulk_accept(proposals.all(), reviewer, min_confidence=1.01).accepted == []
    report = bulk_accept(proposals.all(), reviewer, min_confidence=0.0)
    assert report.failed == {}
    assert not proposals.filter(status="pending").exists()
    assert Membership.objects.count() == 1 and Statement.objects.count() == 1


def test_seed_accepted_gives_the_registry(seed_path: Path, reviewer: Any) -> None:
    ingest_path(seed_path, progress=False)
    report = bulk_accept(Proposal.objects.all(), reviewer, min_confidence=0.0)
    # with no areas in the registry (no fixtures), a place cannot be placed: it waits for a person
    assert {Proposal.objects.get(pk=pk).kind for pk in report.failed} == {"place"}
    assert set(Proposal.objects.filter(status="pending").values_list("kind", flat=True)) == {"place"}
    assert Organization.objects.count() == 5 and Statement.objects.count() == 2
    assert Person.objects.count() == 6 and Membership.objects.count() == 6
    assert Event.objects.count() >= 1
    assert {"Инара Намазбаева", "Шәріпбек Жамалбек"} <= set(Statement.objects.values_list("speaker__name", flat=True))


def _ct(model: type) -> Any:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model)


def test_admin_actions_accept_and_reject(proposals: Any, admin_client: Any, admin_user: Any) -> None:
    person = proposals.get(kind="person")
    org = proposals.get(kind="organization")
    url = "/admin/core/proposal/"
    admin_client.post(url, {"action": "accept_selected", "_selected_action": [person.pk]})
    admin_client.post(url, {"action": "reject_selected", "_selected_action": [org.pk]})
    person.refresh_from_db()
    org.refresh_from_db()
    assert (person.status, person.decided_by) == ("accepted", admin_user)
    assert (org.status, org.decided_by) == ("rejected", admin_user)


def test_admin_edits_are_audited(admin_client: Any, admin_user: Any) -> None:
    person = Person.objects.create(name="Ахмет Оспанов")
    response = admin_client.post(f"/admin/core/person/{person.pk}/change/", {
        "name": "Ахмет Оспанов", "given_name": "Ахмет", "family_name": "Оспанов", "patronymic_name": "", "aliases": "[]",
    })
    assert response.status_code == 302
    log = AuditLog.objects.get(model="core.person", action="update", user=admin_user)
    assert log.before["given_name"] == "" and log.after["given_name"] == "Ахмет"
