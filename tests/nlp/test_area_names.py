"""Area names: the key that knows the administrative noun, and the areas an organisation's name names."""
from __future__ import annotations

import pytest

from qogam.nlp.area_names import area_key, areas_in_name, same_kind
from qogam.nlp.name_keys import organization_key


@pytest.mark.parametrize(
    ("name", "base", "kind"),
    [
        ("Ақсукент ауылы", "Ақсукент", "village"),
        ("Ақсукент", "Ақсукент", None),
        ("Ақсукент ауылының", "Ақсукент", "village"),
        ("Түркістан облысы", "Түркістан", "region"),
        ("Түркістан қаласы", "Түркістан", "city"),
        ("Сайрам ауданының", "Сайрам", "district"),
        ("Ақсу ауылдық округі", "Ақсу", "rural_district"),
        ("Мырзакент кенті", "Мырзакент", "village"),
        ("город Аральск", "Аральск", "city"),
        ("Туркестанская область", "Туркестанская", "region"),
        ("село Шаульдер", "Шаульдер", "village"),
    ],
)
def test_area_key(name: str, base: str, kind: str | None) -> None:
    assert area_key(name) == (organization_key(base), kind)


def test_one_village_two_spellings_and_a_region_apart_from_its_city() -> None:
    assert area_key("Ақсукент")[0] == area_key("Ақсукент ауылы")[0]
    assert area_key("Түркістан облысы") != area_key("Түркістан қаласы")


@pytest.mark.parametrize(
    ("kind", "area_kind", "fits"),
    [(None, "city", True), (None, "village", True), (None, "district", False), (None, "region", False),
     ("city", "city_republican", True), ("district", "district", True), ("village", "rural_district", False)],
)
def test_same_kind(kind: str | None, area_kind: str, fits: bool) -> None:
    assert same_kind(kind, area_kind) is fits


@pytest.mark.parametrize(
    ("name", "areas"),
    [
        ("Сайрам ауданы әкімінің аппараты", [("Сайрам", "district")]),
        ("Сайрам аудандық білім бөлімі", [("Сайрам", "district")]),
        ("Түркістан қалалық мәслихаты", [("Түркістан", "city")]),
        ("Шымкент қаласы мәслихаты", [("Шымкент", "city")]),
        ("Жамбыл облысы әкімдігінің тілдерді дамыту басқармасы", [("Жамбыл", "region")]),
        ("облыстық ардагерлер кеңесі", [(None, "region")]),
        ("аудандық аналар кеңесі", [(None, "district")]),
        # a place inside «…» is part of a name, not the organisation's area
        ("«Сайрам ауданы жастары» қоғамдық бірлестігі", []),
        ("Қазақстан халқы Ассамблеясы", []),
        ("«Жайылма» қоғамдық бірлестігі", []),
    ],
)
def test_areas_in_name(name: str, areas: list[tuple[str | None, str]]) -> None:
    assert areas_in_name(name) == areas
