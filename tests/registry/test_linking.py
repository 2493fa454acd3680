"""Linking: a name that matches one registry entry is linked; several give candidates."""
from __future__ import annotations

from pathlib import Path

import pytest

from qogam.registry.core.models import Organization, Person, Proposal
from qogam.registry.core.services.ingest import ingest_path
from qogam.registry.core.services.setup import load_fixtures

pytestmark = pytest.mark.django_db

TEXT = "«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев жиынды ашты. Инара Намазбаеваның айтуынша, бәрі жақсы."


def _ingest(tmp_path: Path, text: str = TEXT) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    ingest_path(tmp_path / "a.txt", progress=False)


def test_existing_person_is_linked(tmp_path: Path) -> None:
    person = Person.objects.create(name="Namazbaeva Inara")
    _ingest(tmp_path)
    proposal = Proposal.objects.get(kind="person", label="Инара Намазбаева")
    assert proposal.linked == person and proposal.candidates == []


def test_ambiguous_person_lists_candidates(tmp_path: Path) -> None:
    a = Person.objects.create(name="Инара Намазбаева")
    b = Person.objects.create(name="Намазбаева Инара", patronymic_name="Серікқызы")
    _ingest(tmp_path)
    proposal = Proposal.objects.get(kind="person", label="Инара Намазбаева")
    assert proposal.object_id is None and proposal.candidates == [a.pk, b.pk]


def test_unknown_person_proposes_new(tmp_path: Path) -> None:
    _ingest(tmp_path)
    proposal = Proposal.objects.get(kind="person", label="Жанболат Сүйінбаев")
    assert proposal.object_id is None and proposal.candidates == []


def test_existing_organization_is_linked(tmp_path: Path) -> None:
    org = Organization.objects.create(name_kk="Жайылма қоғамдық бірлестігі", classification="public_association")
    _ingest(tmp_path)
    assert Proposal.objects.get(kind="organization").linked == org


def test_places_link_to_fixture_areas(seed_path: Path) -> None:
    load_fixtures()
    ingest_path(seed_path, progress=False)
    place = Proposal.objects.get(kind="place", label="Түркістан облысы")
    assert place.linked.slug == "kz-turkistan"
    assert Proposal.objects.get(kind="place", label="Түркістан").linked.slug == "kz-turkistan-turkistan-city"


def test_russian_places_link_by_the_areas_russian_names(tmp_path: Path) -> None:
    load_fixtures()
    _ingest(tmp_path, "Аким Сайрамского района Бахыт Жумабаев провёл встречу в Туркестане с жителями Туркестанской области.")
    linked = {p.label: p.linked.slug for p in Proposal.objects.filter(kind="place") if p.linked is not None}
    assert linked.get("Сайрамский район") == "kz-turkistan-sairam"
    assert linked.get("Туркестанская область") == "kz-turkistan"
    assert linked.get("Туркестан") == "kz-turkistan-turkistan-city"


def test_a_key_match_of_other_letters_is_a_candidate_not_a_link(tmp_path: Path) -> None:
    # the name key folds ш into с; Қошанов and Қосанов are two family names
    other = Person.objects.create(name="Ерлан Қосанов")
    _ingest(tmp_path, "Жиынға Ерлан Қошанов қатысты.")
    proposal = Proposal.objects.get(kind="person")
    assert proposal.object_id is None and proposal.candidates == [other.pk]
