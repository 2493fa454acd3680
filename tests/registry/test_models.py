"""Models: name keys kept in step with names and aliases, BIN validation, constraints."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from qogam.nlp.name_keys import person_key
from qogam.registry.core.models import NameKey, Organization, Person
from qogam.registry.core.services.linking import organization_matches, person_matches

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("spelling", ["Намазбаеваның", "Namazbaeva", "Намазбаева"])
def test_person_name_key_is_inflection_and_script_free(spelling: str) -> None:
    person = Person.objects.create(name="Намазбаева")
    assert person.name_key == person_key(spelling)
    assert person_matches(person_key(spelling)) == [person.pk]


def test_russian_order_finds_the_person() -> None:
    person = Person.objects.create(name="Инара Намазбаева", given_name="Инара", family_name="Намазбаева")
    assert person.name_latin == "İnara Namazbaeva"
    assert person_matches(person_key("Намазбаева Инара")) == [person.pk]
    assert person_matches(person_key("Инара Намазбаеваның")) == [person.pk]


def test_alias_keys_follow_the_aliases() -> None:
    person = Person.objects.create(name="Ахмет Оспанов", aliases=["Ахмет Оспан"])
    assert person_matches(person_key("Ахмет Оспан")) == [person.pk]
    person.aliases = []
    person.save()
    assert person_matches(person_key("Ахмет Оспан")) == []
    assert NameKey.objects.filter(person=person).count() == 1


def test_organization_key_and_aliases() -> None:
    org = Organization.objects.create(name_kk="«Жайылма» қоғамдық бірлестігі", aliases=["Жайылма ҚБ"], classification="public_association")
    from qogam.nlp.name_keys import organization_key

    assert organization_matches(organization_key("«Жайылма» қоғамдық бірлестігінің")) == [org.pk]
    assert organization_matches(organization_key("Жайылма ҚБ")) == [org.pk]
    assert str(org) == "«Жайылма» қоғамдық бірлестігі"


def test_bin_is_validated() -> None:
    org = Organization(name_kk="Қор", bin="123456789012")
    with pytest.raises(ValidationError, match="not a valid BIN"):
        org.full_clean()
    org.bin = "123456789013"
    org.full_clean()


def test_bin_unique_when_given_blank_allowed_many_times() -> None:
    Organization.objects.create(name_kk="А", bin="123456789013")
    Organization.objects.create(name_kk="Б")
    Organization.objects.create(name_kk="В")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name_kk="Г", bin="123456789013")


def test_organization_needs_a_name() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name_kk="", name_ru="")


def test_the_migrations_hold_every_model_change() -> None:
    """A model edited without its migration (a new field, changed choices) fails here, not on a centre's server."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits non-zero on a missing migration
    assert "No changes detected" in out.getvalue()
