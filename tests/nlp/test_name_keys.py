"""Name keys: inflection-free, transliteration- and (for people) order-insensitive."""
from __future__ import annotations

import pytest

from qogam.nlp.name_keys import latin_name, organization_key, person_key, to_latin

SAME_PERSON = [
    ("Намазбаеваның", "Намазбаева"),
    ("Namazbaeva", "Намазбаева"),
    ("Инара Намазбаеваның", "Инара Намазбаева"),
    ("Намазбаева Инара", "Инара Намазбаева"),  # Russian order
    ("Inara Namazbaeva", "Инара Намазбаева"),
    ("Zhamalbek Sharipbek", "Шәріпбек Жамалбек"),  # passport-style romanisation
    ("Şärıpbek Jamalbek", "Шәріпбек Жамалбектің"),  # 2021 alphabet
    ("Қасым-Жомарт Тоқаевтың", "Kassym-Jomart Tokayev"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_person_keys_meet(a: str, b: str) -> None:
    assert person_key(a) == person_key(b) != ""


@pytest.mark.parametrize(("a", "b"), [("Инара Намазбаева", "Инара Назарбаева"), ("Ахмет Оспанов", "Ахмет Оспан")])
def test_different_people_keep_different_keys(a: str, b: str) -> None:
    assert person_key(a) != person_key(b)


def test_organization_keys_ignore_quotes_and_case_endings() -> None:
    assert organization_key("«Жайылма» қоғамдық бірлестігінің") == organization_key("Жайылма қоғамдық бірлестігі")
    assert organization_key("«Жайылма» қоғамдық бірлестігі") != organization_key("«Эко Атамекен» қоғамдық бірлестігі")


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Шәріпбек", "Şärıpbek"),
        ("Инара", "İnara"),
        ("Қасым-Жомарт Тоқаев", "Qasym-Jomart Toqaev"),
        ("Гүлнәр Ниязова", "Gülnär Niiazova"),
        ("Сүйінбаев", "Süiınbaev"),
        ("Ұлытау", "Ūlytau"),
        ("Маңғыстау", "Mañğystau"),
        ("Чернов Щукин", "Çernov Şşukin"),
    ],
)
def test_latin_2021(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_latin_name_is_nominative() -> None:
    assert latin_name("Намазбаеваның") == "Namazbaeva"


def test_empty_names() -> None:
    assert person_key("") == organization_key("") == "" and to_latin("") == ""
