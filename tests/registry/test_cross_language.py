"""One person and one organisation across a Kazakh and a Russian article (issue 12).

The Russian spelling of a registry person is offered to the reviewer as a candidate, never
merged by itself; merging it leaves one person with both spellings, and the Russian name of
an organisation becomes its name_ru.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qogam.registry.core.models import Organization, Person, Proposal
from qogam.registry.core.services.ingest import ingest_path
from qogam.registry.core.services.review import accept, merge

pytestmark = pytest.mark.django_db

KAZAKH = "«Жастар» қоғамдық бірлестігінің төрағасы Қабиболла Жақыпов жиынды ашты. Жиынға Ержан Тұрсынов қатысты."
RUSSIAN = ("Председатель общественного объединения «Жастар» Кабибулла Джакупов открыл встречу "
           "с молодёжью. В ней участвовал и Ерлан Турсынов.")


def _ingest(tmp_path: Path, name: str, text: str) -> Any:
    (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_path(tmp_path / name, progress=False)
    return Proposal.objects.filter(source__origin__endswith=name)


@pytest.fixture
def kazakh(tmp_path: Path, reviewer: Any) -> dict[str, Any]:
    proposals = _ingest(tmp_path, "kk.txt", KAZAKH)
    person = accept(proposals.get(kind="person", label="Қабиболла Жақыпов"), reviewer)
    other = accept(proposals.get(kind="person", label="Ержан Тұрсынов"), reviewer)
    org = accept(proposals.get(kind="organization"), reviewer)
    return {"person": person, "other": other, "org": org}


def test_the_russian_spelling_is_a_candidate_not_a_link(tmp_path: Path, kazakh: dict[str, Any]) -> None:
    proposals = _ingest(tmp_path, "ru.txt", RUSSIAN)
    person = proposals.get(kind="person", label="Кабибулла Джакупов")
    assert person.object_id is None and person.candidates == [kazakh["person"].pk]
    org = proposals.get(kind="organization", label="общественное объединение «Жастар»")
    assert org.object_id is None and org.candidates == [kazakh["org"].pk]
    # Ерлан is not Ержан: no candidate
    assert proposals.get(kind="person", label="Ерлан Турсынов").candidates == []


def test_merging_makes_one_person_and_one_organisation(tmp_path: Path, kazakh: dict[str, Any], reviewer: Any) -> None:
    proposals = _ingest(tmp_path, "ru.txt", RUSSIAN)
    merge(proposals.get(kind="person", label="Кабибулла Джакупов"), kazakh["person"], reviewer)
    merge(proposals.get(kind="organization", label="общественное объединение «Жастар»"), kazakh["org"], reviewer)
    person = Person.objects.get(pk=kazakh["person"].pk)
    assert "Кабибулла Джакупов" in person.aliases
    assert Person.objects.filter(name__in=["Қабиболла Жақыпов", "Кабибулла Джакупов"]).count() == 1
    org = Organization.objects.get(pk=kazakh["org"].pk)
    assert org.name_kk == "«Жастар» қоғамдық бірлестігі" and org.name_ru == "общественное объединение «Жастар»"
    # the post of the Russian article now lands on the same person and organisation
    post = accept(proposals.get(kind="post"), reviewer)
    assert post.person == person and post.organization == org


def test_pages_show_both_languages(tmp_path: Path, kazakh: dict[str, Any], reviewer: Any, client: Any) -> None:
    proposals = _ingest(tmp_path, "ru.txt", RUSSIAN)
    merge(proposals.get(kind="person", label="Кабибулла Джакупов"), kazakh["person"], reviewer)
    merge(proposals.get(kind="organization", label="общественное объединение «Жастар»"), kazakh["org"], reviewer)
    page = client.get(f"/people/{kazakh['person'].pk}/").content.decode()
    assert "Қабиболла Жақыпов" in page and "Кабибулла Джакупов" in page
    page = client.get(f"/organisations/{kazakh['org'].pk}/").content.decode()
    assert "«Жастар» қоғамдық бірлестігі" in page and "общественное объединение «Жастар»" in page
