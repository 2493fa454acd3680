"""``qogam demo-data``: a synthetic registry, deterministic for a seed, with offsets that hold."""
from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from qogam.errors import InputError
from qogam.nlp.name_keys import person_key
from qogam.registry.core.models import (
    Evidence,
    Membership,
    NameKey,
    Organization,
    Person,
    Proposal,
    Source,
)
from qogam.registry.core.services.linking import person_matches
from qogam.registry.core.services.setup import load_fixtures
from qogam.registry.review.synthetic import generate

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def areas(db: Any) -> None:
    load_fixtures()


def test_counts_and_links(areas: None) -> None:
    report = generate(20, 200, seed=7, progress=False)
    assert (report.organizations, report.people, report.sources) == (20, 40, 20)
    assert Organization.objects.filter(slug__startswith="synthetic-7-").count() == 20
    assert Membership.objects.count() == report.memberships == 40
    # Every mention is evidence of a registry fact or a pending proposal: 200 in all.
    mentions = Evidence.objects.exclude(content_type__model="statement").count() + Proposal.objects.exclude(kind="place").count()
    assert mentions == 200
    assert Proposal.objects.filter(kind="place").count() == 4  # one source in five waits in the queue
    assert NameKey.objects.filter(organization__slug__startswith="synthetic-7-").count() == 20
    assert NameKey.objects.filter(person__isnull=False).count() == 40


def test_offsets_point_at_the_names(areas: None) -> None:
    generate(5, 60, seed=3, progress=False)
    for evidence in Evidence.objects.select_related("source"):
        said = evidence.source.text[evidence.start:evidence.end]
        target = evidence.target
        assert said == (getattr(target, "text", None) or getattr(target, "name", None) or target.name_kk)
    for proposal in Proposal.objects.select_related("source"):
        assert proposal.source.text[proposal.start:proposal.end] == proposal.label


def test_same_seed_same_data(areas: None) -> None:
    generate(5, 50, seed=11, progress=False)
    first = list(Source.objects.order_by("pk").values_list("text", flat=True))
    people = list(Person.objects.order_by("pk").values_list("name", flat=True))
    Source.objects.all().delete()
    Person.objects.all().delete()
    Organization.objects.filter(slug__startswith="synthetic-").delete()
    generate(5, 50, seed=11, progress=False)
    assert list(Source.objects.order_by("pk").values_list("text", flat=True)) == first
    assert list(Person.objects.order_by("pk").values_list("name", flat=True)) == people


def test_names_are_searchable_by_key(areas: None) -> None:
    generate(3, 0, seed=5, progress=False)
    person = Person.objects.order_by("pk").first()
    assert person_matches(person_key(person.name)) == [person.pk]
    assert person.name_latin


def test_refuses_the_same_seed_twice_and_bad_counts(areas: None) -> None:
    generate(2, 10, seed=1, progress=False)
    with pytest.raises(InputError, match="seed 1 is already"):
        generate(2, 10, seed=1, progress=False)
    with pytest.raises(InputError, match="at least 1"):
        generate(0)


def test_needs_the_areas(db: Any) -> None:
    with pytest.raises(InputError, match="qogam setup"):
        generate(2, 10, progress=False)


def test_command(areas: None) -> None:
    from qogam.cli import main

    result = CliRunner().invoke(main, ["demo-data", "--orgs", "4", "--mentions", "30", "--seed", "2", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert '"organizations": 4' in result.output
    again = CliRunner().invoke(main, ["demo-data", "--orgs", "4", "--seed", "2", "--no-progress"])
    assert again.exit_code == 2 and "qogam: error: synthetic data of seed 2" in again.output
