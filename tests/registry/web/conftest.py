"""Tests of the public web pages; like the rest of tests/registry they need Django configured.

``registry`` builds a small registry directly with the models (no extraction), and
``seed_registry`` ingests the real seed article and accepts every proposal through the core's
review service, as a reviewer would.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

if not os.environ.get("DJANGO_SETTINGS_MODULE"):
    # ../test__django.py already says why the registry's tests are skipped in this process.
    collect_ignore_glob = ["test_*.py"]

SEED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "seed" / "000_d4104ed61ffa5b9f.txt"
ARTICLE = ("«Жайылма» қоғамдық бірлестігінің төрағасы Инара Намазбаева кеңес отырысын ашты. "
           "«Біз <бірге> жұмыс істейміз & жалғастырамыз», — деді И.Намазбаева.")


@dataclass
class Registry:
    region: Any
    district: Any
    ngo: Any
    council: Any
    person: Any
    other: Any
    statement: Any
    event: Any
    source: Any


def make_registry(extra: int = 0) -> Registry:
    """Create a registry with one of everything (and ``extra`` more NGOs with a leader each)."""
    from django.contrib.contenttypes.models import ContentType

    from qogam.registry.core.models import (
        Area,
        Event,
        Evidence,
        Membership,
        Organization,
        Person,
        Post,
        Proposal,
        Source,
        Statement,
    )

    region = Area.objects.create(slug="t-region", classification="region", name_kk="Сынақ облысы", name_ru="Тестовая область")
    district = Area.objects.create(slug="t-district", classification="district", parent=region,
                                   name_kk="Сынақ ауданы", name_ru="Тестовый район", name_en="Test district")
    ngo = Organization.objects.create(name_kk="«Жайылма» қоғамдық бірлестігі", name_ru="ОО «Жайылма»",
                                      classification="public_association", area=district, bin="")
    council = Organization.objects.create(name_kk="Сынақ ауданы әкімдігі жанындағы қоғамдық кеңес",
                                          classification="council", area=district)
    person = Person.objects.create(name="Инара Намазбаева", given_name="Инара", family_name="Намазбаева",
                                   aliases=["И.Намазбаева"])
    other = Person.objects.create(name="Шәріпбек Жамалбек", given_name="Шәріпбек", family_name="Жамалбек")
    chair = Post.objects.create(organization=ngo, role="төраға", label="төрағасы")
    Membership.objects.create(person=person, organization=ngo, post=chair, role="төраға", start_date=date(2023, 5, 1))
    Membership.objects.create(person=person, organization=council, role="мүше", on_behalf_of=ngo)
    Membership.objects.create(person=other, organization=council, role="төраға")
    event = Event.objects.create(classification="meeting", start_date=date(2024, 2, 1), area=district,
                                 organization=council, chair=other, topic="сайлау")
    event.participants.add(person)
    statement = Statement.objects.create(speaker=person, text="Біз <бірге> жұмыс істейміз & жалғастырамыз",
                                         date=date(2024, 2, 1), event=event)
    source = Source.objects.create(title="Кеңес отырысы", text=ARTICLE, content_hash="t" * 64, language="kk",
                                   published=date(2024, 2, 2), url="javascript:alert(1)")

    def cite(obj: Any, start: int, end: int) -> None:
        Evidence.objects.create(source=source, content_type=ContentType.objects.get_for_model(obj),
                                object_id=obj.pk, start=start, end=end)

    cite(ngo, 0, ARTICLE.index(" төрағасы"))
    cite(person, ARTICLE.index("Инара"), ARTICLE.index(" кеңес"))
    quote = ARTICLE.index("Біз")
    cite(statement, quote, quote + len(statement.text))
    Proposal.objects.create(source=source, kind="event", label="meeting: отырыс", payload={}, start=0, end=5,
                            confidence=0.5)
    for i in range(extra):
        org = Organization.objects.create(name_kk=f"«Үміт-{i}» қорқ", classification="foundation", area=district,
                                          parent=council)
        leader = Person.objects.create(name=f"Ахмет Оспанов{i}", family_name=f"Оспанов{i}")
        post = Post.objects.create(organization=org, role="директор")
        Membership.objects.create(person=leader, organization=org, post=post, role="директор", on_behalf_of=ngo)
        Statement.objects.create(speaker=leader, text=f"Сөз {i}", event=event)
    return Registry(region, district, ngo, council, person, other, statement, event, source)


@pytest.fixture
def registry(db: Any) -> Registry:
    return make_registry()


@pytest.fixture
def seed_registry(db: Any, django_user_model: Any) -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} not found: this test reads ../shared beside the repository")
    from qogam.registry.core.models import Proposal
    from qogam.registry.core.services.ingest import ingest_path
    from qogam.registry.core.services.review import bulk_accept
    from qogam.registry.core.services.setup import load_fixtures

    load_fixtures()  # the areas the article names are known, as after `qogam setup`
    reviewer = django_user_model.objects.create_user(username="seed-reviewer", password="x-unused-x")
    ingest_path(SEED, progress=False)
    report = bulk_accept(Proposal.objects.all(), reviewer, min_confidence=0.0)
    assert report.failed == {}
