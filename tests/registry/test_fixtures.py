"""The shipped areas and information-resource centres load, once."""
from __future__ import annotations

import pytest

from qogam.registry.core.models import Area, AuditLog, Organization
from qogam.registry.core.services.setup import create_demo_admin, load_fixtures

pytestmark = pytest.mark.django_db

TURKISTAN_DISTRICTS = ["Бәйдібек", "Жетісай", "Келес", "Қазығұрт", "Мақтаарал", "Ордабасы", "Отырар", "Сайрам",
                       "Сарыағаш", "Сауран", "Созақ", "Төле би", "Түлкібас", "Шардара"]


def test_fixtures_load_once() -> None:
    created = load_fixtures()
    assert created == Area.objects.count() + Organization.objects.count() == 56
    assert load_fixtures() == 0
    assert AuditLog.objects.filter(action="create").count() == 56


def test_country_regions_and_cities() -> None:
    load_fixtures()
    kz = Area.objects.get(classification="country")
    regions = Area.objects.filter(classification="region", parent=kz)
    assert regions.count() == 17
    assert {"Абай облысы", "Жетісу облысы", "Ұлытау облысы", "Түркістан облысы"} <= set(regions.values_list("name_kk", flat=True))
    assert set(Area.objects.filter(classification="city_republican").values_list("name_en", flat=True)) == {"Astana", "Almaty", "Shymkent"}
    kato = [c for c in Area.objects.values_list("kato_code", flat=True) if c]
    assert all(len(c) == 9 and c.isdigit() for c in kato) and len(kato) == len(set(kato))


def test_turkistan_areas_each_have_a_centre() -> None:
    load_fixtures()
    turkistan = Area.objects.get(slug="kz-turkistan")
    districts = Area.objects.filter(parent=turkistan, classification="district")
    assert sorted(d.name_kk.removesuffix(" ауданы") for d in districts) == sorted(TURKISTAN_DISTRICTS)
    cities = Area.objects.filter(parent=turkistan, classification="city")
    assert set(cities.values_list("name_kk", flat=True)) == {"Түркістан қаласы", "Кентау қаласы", "Арыс қаласы"}
    regional = Organization.objects.get(name_kk="Түркістан облыстық ақпараттық-ресурстық орталығы")
    assert regional.area == turkistan and regional.classification == "information_resource_centre"
    for area in [*districts, *cities]:
        centre = Organization.objects.get(area=area)
        assert centre.parent == regional and centre.name_key and centre.name_ru
    assert Organization.objects.filter(name_kk="Сайрам аудандық ақпараттық-ресурстық орталығы").exists()


def test_setup_keeps_edits() -> None:
    load_fixtures()
    Area.objects.filter(slug="kz-abai").update(kato_code="100000000")
    load_fixtures()
    assert Area.objects.get(slug="kz-abai").kato_code == "100000000"


def test_demo_admin_password_printed_once() -> None:
    first = create_demo_admin()
    assert first.password and len(first.password) >= 12
    assert create_demo_admin().password is None
