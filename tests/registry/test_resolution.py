"""Who is who: candidate pairs across the registry, judgements, merges that a split undoes."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def _person(name: str, *aliases: str) -> Any:
    from qogam.registry.core.models import Person

    return Person.objects.create(name=name, aliases=list(aliases))


def _org(name_kk: str = "", name_ru: str = "", **fields: Any) -> Any:
    from qogam.registry.core.models import Organization

    fields.setdefault("classification", "public_association")
    return Organization.objects.create(name_kk=name_kk, name_ru=name_ru, **fields)


def _pairs(kind: str) -> dict[frozenset[str], Any]:
    from qogam.registry.core.models import Organization, Person
    from qogam.registry.core.services.resolution import find_candidates

    model = Person if kind == "person" else Organization
    names = {o.pk: o.name for o in model.objects.all()}
    return {frozenset({names[c.left], names[c.right]}): c for c in find_candidates(kind)}


# (name A, name B, offered to a reviewer at the queue's threshold)
PERSON_PAIRS = [
    ("Шәріпбек Жамалбек", "Шарипбек Жамалбек", True),
    ("Жақыпов Қабиболла Қабенұлы", "Джакупов Кабибулла Кабенович", True),
    ("Инара Намазбаева", "И. Намазбаева", True),
    ("Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev", True),
    ("Ержан Тұрсынов", "Ерлан Тұрсынов", False),
    ("Ерлан Тұрсынов", "Ерлан Тұрсынова", False),
    ("Асан Омаров", "Есен Омаров", False),
    ("Марат Ахметов", "Мурат Ахметов", False),
]


@pytest.mark.parametrize(("a", "b", "offered"), PERSON_PAIRS)
def test_person_candidates(a: str, b: str, offered: bool) -> None:
    from qogam.registry.core.services.resolution import QUEUE_THRESHOLD

    _person(a)
    _person(b)
    _person("Гүлнәр Ниязова")  # an unrelated entry is never paired with them
    found = _pairs("person")
    pair = found.get(frozenset({a, b}))
    assert (pair is not None and pair.score >= QUEUE_THRESHOLD) is offered, pair
    assert all("Гүлнәр Ниязова" not in names for names in found)


ORG_PAIRS = [
    ("«Жастар» қоғамдық бірлестігі", "общественное объединение «Жастар»", {}, {}, True),
    ("Шымкент қаласы мәслихаты", "маслихат города Шымкента", {"classification": "state_body"}, {"classification": "state_body"}, True),
    ("Түркістан облысы әкімдігі", "Түркістан облыстық мәслихаты", {"classification": "state_body"}, {"classification": "state_body"}, False),
    ("Түркістан қалалық мәслихаты", "Түркістан облыстық мәслихаты", {"classification": "state_body"}, {"classification": "state_body"}, False),
    ("«Нұр Отан» партиясының Сайрам аудандық филиалы", "«Нұр Отан» партиясы", {"classification": "party"}, {"classification": "party"}, False),
    ("«Жастар» қоғамдық бірлестігі", "«Жастар» қоғамдық қоры", {}, {"classification": "foundation"}, False),
]


@pytest.mark.parametrize(("a", "b", "fa", "fb", "offered"), ORG_PAIRS)
def test_organization_candidates(a: str, b: str, fa: dict[str, Any], fb: dict[str, Any], offered: bool) -> None:
    from qogam.registry.core.services.resolution import QUEUE_THRESHOLD

    _org(a, **fa) if not a.startswith(("общ", "мас")) else _org(name_ru=a, **fa)
    _org(name_ru=b, **fb) if b[0].islower() else _org(b, **fb)
    pair = _pairs("organization").get(frozenset({a, b}))
    assert (pair is not None and pair.score >= QUEUE_THRESHOLD) is offered, pair


def test_generic_bodies_pair_only_within_one_area() -> None:
    from qogam.registry.core.models import Area

    region = Area.objects.create(slug="r1", classification="region", name_kk="Бір облысы")
    other = Area.objects.create(slug="r2", classification="region", name_kk="Екі облысы")
    _org("облыстық ардагерлер кеңесі", classification="council", area=region)
    _org("облыстық ардагерлер кеңесі", classification="council", area=other)
    assert not [c for c in _pairs("organization").values() if c.score >= 0.9]
    _org("облыстық ардагерлер кеңесі", classification="council", area=region)
    assert [c.score for c in _pairs("organization").values() if c.score >= 0.9]


def test_different_bins_are_two_bodies() -> None:
    a = _org("«Адал» қоры", classification="foundation", bin="990140000016")
    _org(name_ru="фонд «Адал»", classification="foundation", bin="990240000029")
    assert not _pairs("organization")
    a.bin = ""  # one BIN known: the names decide
    a.save()
    assert [c.score for c in _pairs("organization").values()] == [0.95]


def test_context_moves_the_score_and_says_why() -> None:
    from qogam.registry.core.models import Membership
    from qogam.registry.core.services.resolution import reason_text

    council = _org("Сайрам ауданы әкімдігі жанындағы қоғамдық кеңес", classification="council")
    a, b = _person("Қабиболла Жақыпов"), _person("Кабибулла Джакупов")
    plain = _pairs("person")[frozenset({a.name, b.name})]
    Membership.objects.create(person=a, organization=council, role="мүше")
    Membership.objects.create(person=b, organization=council, role="мүше")
    shared = _pairs("person")[frozenset({a.name, b.name})]
    assert shared.score > plain.score
    assert any("қоғамдық кеңес" in reason_text(reason) for reason in shared.reasons)


def test_different_is_never_proposed_again_and_unsure_stays_marked(reviewer: Any) -> None:
    from qogam.registry.core.models import MatchCandidate
    from qogam.registry.core.services import resolution

    a, b = _person("Шәріпбек Жамалбек"), _person("Шарипбек Жамалбек")
    assert resolution.refresh_candidates(["person"]) == {"person": 1}
    resolution.judge("person", a.pk, b.pk, "unsure", reviewer)
    resolution.refresh_candidates(["person"])
    assert {"code": "unsure-before"} in MatchCandidate.objects.get().reasons
    resolution.judge("person", b.pk, a.pk, "different", reviewer)
    assert not MatchCandidate.objects.exists()
    assert resolution.refresh_candidates(["person"]) == {"person": 0}


def _facts() -> dict[str, list[tuple[Any, ...]]]:
    """Every row that points at a person or an organisation, as plain values."""
    from qogam.registry.core.models import Event, Evidence, Membership, Organization, Person, Post, Proposal, Statement

    return {
        "people": sorted(Person.objects.values_list("pk", "name", "aliases", "given_name", "family_name")),
        "orgs": sorted(Organization.objects.values_list("pk", "name_kk", "name_ru", "aliases", "bin", "parent_id", "area_id")),
        "memberships": sorted(Membership.objects.values_list("pk", "person_id", "organization_id", "on_behalf_of_id", "role")),
        "posts": sorted(Post.objects.values_list("pk", "organization_id", "role")),
        "events": sorted(Event.objects.values_list("pk", "chair_id", "organization_id")),
        "participants": sorted(Event.participants.through.objects.values_list("event_id", "person_id")),
        "statements": sorted(Statement.objects.values_list("pk", "speaker_id")),
        "evidence": sorted(Evidence.objects.values_list("pk", "content_type_id", "object_id", "start", "end")),
        "proposals": sorted(Proposal.objects.values_list("pk", "content_type_id", "object_id", "candidates")),
    }


def _two_people_with_facts() -> tuple[Any, Any, Any]:
    from django.contrib.contenttypes.models import ContentType

    from qogam.registry.core.models import Event, Evidence, Membership, Post, Proposal, Source, Statement

    ngo = _org("«Жайылма» қоғамдық бірлестігі")
    council = _org("Сайрам ауданы әкімдігі жанындағы қоғамдық кеңес", classification="council")
    a = _person("Шәріпбек Жамалбек")
    b = _person("Шарипбек Жамалбек", "Ш. Жамалбек")
    text = "Шәріпбек Жамалбек айтты. Шарипбек Жамалбек сказал."
    source = Source.objects.create(text=text, content_hash="r" * 64, language="kk", published=date(2024, 1, 2))
    post = Post.objects.create(organization=ngo, role="төраға")
    Membership.objects.create(person=a, organization=ngo, post=post, role="төраға")
    Membership.objects.create(person=b, organization=council, role="мүше", on_behalf_of=ngo)
    event = Event.objects.create(organization=council, chair=b, start_date=date(2024, 1, 1))
    event.participants.add(a, b)  # both attended: one of the rows cannot move, and comes back
    Statement.objects.create(speaker=b, text="Сөз")
    person_type = ContentType.objects.get_for_model(a)
    Evidence.objects.create(source=source, content_type=person_type, object_id=a.pk, start=0, end=17)
    Evidence.objects.create(source=source, content_type=person_type, object_id=b.pk, start=25, end=42)
    Proposal.objects.create(source=source, kind="person", label="Шарипбек Жамалбек", payload={"name": "Шарипбек Жамалбек"},
                            start=25, end=42, content_type=person_type, object_id=b.pk)
    Proposal.objects.create(source=source, kind="person", label="Ш. Жамалбек", payload={"name": "Ш. Жамалбек"},
                            start=25, end=42, candidates=[a.pk, b.pk])
    return a, b, event


def test_merge_moves_every_fact_and_split_puts_each_back(reviewer: Any) -> None:
    from qogam.registry.core.models import AuditLog, Evidence, Judgement, Membership, Person, Statement
    from qogam.registry.core.services import resolution

    a, b, event = _two_people_with_facts()
    before = _facts()
    resolution.judge("person", b.pk, a.pk, "same", reviewer)
    survivor = Person.objects.get()
    assert survivor.pk == a.pk  # the older entry stays
    assert {"Шарипбек Жамалбек", "Ш. Жамалбек"} <= set(survivor.aliases)
    assert Membership.objects.filter(person=survivor).count() == 2
    assert list(event.participants.all()) == [survivor]
    assert Statement.objects.get().speaker_id == a.pk
    assert set(Evidence.objects.values_list("object_id", flat=True)) == {a.pk}
    assert resolution.canonical("person", b.pk) == a.pk
    assert resolution.absorbed_ids("person", a.pk) == [b.pk]
    merge = resolution.Merge.objects.get()

    back = resolution.split(merge.pk, reviewer)
    assert back.pk == b.pk
    assert _facts() == before
    assert Judgement.objects.get().verdict == "different"
    assert resolution.canonical("person", b.pk) == b.pk
    assert set(AuditLog.objects.values_list("action", flat=True)) >= {"judge", "merge", "split"}
    with pytest.raises(resolution.ReviewError):
        resolution.split(merge.pk, reviewer)


def test_organisation_merge_and_split_restore_children_posts_seats_and_bin(reviewer: Any) -> None:
    from qogam.registry.core.models import Membership, Organization, Post
    from qogam.registry.core.services import resolution

    kk = _org("«Жастар» қоғамдық бірлестігі")
    ru = _org(name_ru="общественное объединение «Жастар»", bin="990140000016", legal_form="ОО")
    branch = _org("«Жастар» бірлестігінің Сайрам филиалы", parent=ru)
    council = _org("Сайрам ауданы әкімдігі жанындағы қоғамдық кеңес", classification="council")
    person = _person("Инара Намазбаева")
    Post.objects.create(organization=ru, role="төраға")
    Membership.objects.create(person=person, organization=council, role="мүше", on_behalf_of=ru)
    before = _facts()
    merge = resolution.merge("organization", kk.pk, ru.pk, reviewer)
    kk.refresh_from_db()
    assert kk.name_ru == "общественное объединение «Жастар»" and kk.bin == "990140000016" and kk.legal_form == "ОО"
    assert Organization.objects.get(pk=branch.pk).parent_id == kk.pk
    assert Membership.objects.get().on_behalf_of_id == kk.pk
    resolution.split(merge.pk, reviewer)
    assert _facts() == before
    assert Organization.objects.get(pk=kk.pk).bin == ""


def test_different_bins_refuse_a_merge(reviewer: Any) -> None:
    from qogam.registry.core.services import resolution

    a = _org("«Адал» қоры", classification="foundation", bin="990140000016")
    b = _org("фонд «Адал»", classification="foundation", bin="990240000029")
    with translation.override("en"), pytest.raises(resolution.ReviewError, match="BIN"):
        resolution.merge("organization", a.pk, b.pk, reviewer)


def test_chains_of_merges_redirect_and_split_in_order(reviewer: Any) -> None:
    from qogam.registry.core.services import resolution

    a, b, c = _person("Инара Намазбаева"), _person("Инара Намазбаевa"), _person("Inara Namazbaeva")
    first = resolution.merge("person", b.pk, c.pk, reviewer)
    second = resolution.merge("person", a.pk, b.pk, reviewer)
    assert resolution.canonical("person", c.pk) == a.pk
    assert resolution.redirects("person") == {b.pk: a.pk, c.pk: a.pk}
    assert resolution.absorbed_ids("person", a.pk) == [b.pk, c.pk]
    with translation.override("en"), pytest.raises(resolution.ReviewError, match="split that first"):
        resolution.split(first.pk, reviewer)
    resolution.split(second.pk, reviewer)
    resolution.split(first.pk, reviewer)
    assert resolution.redirects("person") == {}


def test_a_judgement_holds_for_the_entries_that_absorbed_its_sides(reviewer: Any) -> None:
    from qogam.registry.core.services import resolution

    a, b = _person("Шәріпбек Жамалбек"), _person("Шарипбек Жамалбек")
    c = _person("Sharipbek Zhamalbek")
    resolution.judge("person", b.pk, c.pk, "different", reviewer)
    resolution.merge("person", a.pk, b.pk, reviewer)
    assert frozenset({a.pk, c.pk}) in resolution.judged("person")
    assert not resolution.find_candidates("person")


def test_name_diff_pairs_words_order_aside() -> None:
    from qogam.registry.core.services.resolution import name_diff

    assert name_diff("Жақыпов Қабиболла Қабенұлы", "Кабибулла Джакупов") == [
        ("Жақыпов", "Джакупов", "close"), ("Қабиболла", "Кабибулла", "close"), ("Қабенұлы", "", "only")]
    assert name_diff("Шәріпбек Жамалбек", "Шарипбек Жамалбек")[1] == ("Жамалбек", "Жамалбек", "same")


def test_people_named_in_articles_with_the_same_people_say_so() -> None:
    from django.contrib.contenttypes.models import ContentType

    from qogam.registry.core.models import Evidence, Source
    from qogam.registry.core.services.resolution import reason_text

    a, b = _person("Қабиболла Жақыпов"), _person("Кабибулла Джакупов")
    plain = _pairs("person")[frozenset({a.name, b.name})]
    colleague = _person("Гүлнәр Ниязова")
    person_type = ContentType.objects.get_for_model(a)
    for n, who in enumerate((a, b)):
        source = Source.objects.create(text="x" * 40, content_hash=f"{n}" * 64)
        for person in (who, colleague):
            Evidence.objects.create(source=source, content_type=person_type, object_id=person.pk, start=0, end=5)
    pair = _pairs("person")[frozenset({a.name, b.name})]
    assert pair.score > plain.score
    assert any("Гүлнәр Ниязова" in reason_text(r) for r in pair.reasons)


def test_resolve_command(tmp_path: Any) -> None:
    """``qogam resolve`` recomputes the pairs and prints their counts; a registry that is not
    set up is refused with a clear message."""
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, QOGAM_DATA_DIR=str(tmp_path))
    env.pop("DATABASE_URL", None)
    qogam = [sys.executable, "-m", "qogam.cli"]
    refused = subprocess.run([*qogam, "resolve"], env=env, capture_output=True, text=True)
    assert refused.returncode != 0 and "qogam setup" in refused.stderr
    subprocess.run([*qogam, "setup"], env=env, check=True, capture_output=True)
    done = subprocess.run([*qogam, "resolve", "--kind", "person", "--no-progress"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"person": 0, "queued": {"person": 0}}
