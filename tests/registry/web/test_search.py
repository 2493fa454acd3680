"""Search finds people from inflected, Latin and Russian forms of their names, and bodies and areas."""
from __future__ import annotations

from typing import Any

import pytest

from qogam.registry.web.search import search
from tests.registry.web.conftest import Registry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", [
    "Намазбаева",           # nominative
    "Намазбаеваның",        # Kazakh genitive
    "Намазбаевамен",        # Kazakh instrumental
    "Namazbaeva",           # 2021 Latin / passport spelling
    "namazbaeva inara",     # Latin, family name first, lower case
    "Намазбаева Инара",     # Russian order
    "Намазбаевой",          # Russian instrumental: the relaxed pass
    "И.Намазбаева",         # initial glued to the surname
])
def test_person_found(registry: Registry, query: str) -> None:
    assert [p.pk for p in search(query).people] == [registry.person.pk]


@pytest.mark.parametrize(("query", "name"), [
    ("Шарипбек Жамалбек", "Шәріпбек Жамалбек"),   # Russian spelling without Kazakh letters
    ("Zhamalbek", "Шәріпбек Жамалбек"),
    ("Жамалбекке", "Шәріпбек Жамалбек"),
])
def test_other_spellings(registry: Registry, query: str, name: str) -> None:
    assert [p.name for p in search(query).people] == [name]


@pytest.mark.parametrize("query", ["Жайылма", "«Жайылма» қоғамдық бірлестігінің", "Jaiylma", "жайылма бірлестігі"])
def test_organisation_found(registry: Registry, query: str) -> None:
    assert registry.ngo in search(query).organizations


@pytest.mark.parametrize("query", ["Сынақ ауданы", "Тестовый район", "Test district"])
def test_area_found(registry: Registry, query: str) -> None:
    assert registry.district in search(query).areas


@pytest.mark.parametrize("query", ["", "   ", "!!!", "Абылайхан", "а"])
def test_nothing_found(registry: Registry, query: str) -> None:
    assert len(search(query)) == 0


def test_whole_words_only_in_the_exact_pass(registry: Registry) -> None:
    results = search("Инара")
    assert results.people == [registry.person] and not results.relaxed


def test_search_page(client: Any, registry: Registry) -> None:
    html = client.get("/en/search/", {"q": "Намазбаеваның"}).content.decode()
    assert f'href="/en/people/{registry.person.pk}/"' in html and 'value="Намазбаеваның"' in html
    empty = client.get("/en/search/", {"q": "<script>x</script>"}).content.decode()
    assert "Nothing found for «&lt;script&gt;x&lt;/script&gt;»" in empty
    assert client.get("/en/search/", {"q": "x" * 5000}).status_code == 200
