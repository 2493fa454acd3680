"""Places link by a key that knows the administrative noun; a new one gets the parent the
article implies or waits for a person; organisations and events get their area."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qogam.registry.core.models import Area, Event, Organization, Person, Proposal, Source
from qogam.registry.core.services.ingest import ingest_path
from qogam.registry.core.services.linking import area_matches
from qogam.registry.core.services.places import infer_area
from qogam.registry.core.services.review import accept, bulk_accept, dependencies
from qogam.registry.core.services.setup import load_fixtures

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Any:
    """The services' messages are translated; these tests read them in English."""
    from django.utils import translation

    with translation.override("en"):
        yield

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def _ingest(tmp_path: Path, *names: str) -> list[Source]:
    load_fixtures()
    for name in names:
        (tmp_path / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    ingest_path(tmp_path, progress=False)
    return [Source.objects.get(origin__endswith=name) for name in names]


def _text(tmp_path: Path, text: str) -> Source:
    load_fixtures()
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    ingest_path(tmp_path / "t.txt", progress=False)
    return Source.objects.get(origin__endswith="t.txt")


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Сайрам ауданы", "kz-turkistan-sairam"), ("Сайрам ауданының", "kz-turkistan-sairam"),
     ("Түркістан облысы", "kz-turkistan"), ("Түркістан", "kz-turkistan-turkistan-city"),
     ("Сарыағаш", "kz-turkistan-saryagash"),  # a district written bare: no settlement has the name
     ("Туркестанская область", "kz-turkistan")],
)
def test_area_matches_know_the_administrative_noun(name: str, slug: str) -> None:
    load_fixtures()
    assert area_matches(name) == [Area.objects.get(slug=slug).pk]


def test_bulk_accept_makes_one_village_with_its_district(tmp_path: Path) -> None:
    (sairam,) = _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt")
    report = bulk_accept(sairam.proposals.all(), None, 0.0)
    village = Area.objects.get(name_kk="Ақсукент ауылы")
    assert village.classification == "village" and village.parent.slug == "kz-turkistan-sairam"
    assert not Area.objects.filter(name_kk="Ақсукент").exists()  # "Ақсукент" is the same village
    bare = sairam.proposals.get(kind="place", label="Ақсукент")
    assert bare.status == "accepted" and bare.object_id == village.pk
    # a place of no known kind the registry lacks waits for a person, with the reason
    waiting = sairam.proposals.get(kind="place", label="Қарабұлақ")
    assert waiting.status == "pending" and "say what kind of place" in report.failed[waiting.pk]
    assert not Area.objects.filter(parent__isnull=True).exclude(classification="country").exists()


def test_a_village_of_an_article_naming_no_district_waits(tmp_path: Path) -> None:
    source = _text(tmp_path, "Шаян ауылында «Ынтымақ» қоғамдық бірлестігі жиын өткізді.")
    place = source.proposals.get(kind="place")
    report = bulk_accept(source.proposals.all(), None, 0.0)
    assert "does not say which area" in report.failed[place.pk]
    place.refresh_from_db()
    assert place.status == "pending"
    area = accept(place, None, edits={"parent": "kz-turkistan-ordabasy"})  # the reviewer places it
    assert area.parent.slug == "kz-turkistan-ordabasy" and area.classification == "village"


def test_organisations_get_the_area_their_name_or_article_gives(tmp_path: Path) -> None:
    (sairam,) = _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt")
    bulk_accept(sairam.proposals.all(), None, 0.0)
    sayram = Area.objects.get(slug="kz-turkistan-sairam")
    assert Organization.objects.get(name_kk="Сайрам аудандық білім бөлімі").area == sayram
    assert Organization.objects.get(name_kk="«Мейірім» қоғамдық бірлестігі").area == sayram  # the article's
    assert infer_area("Түркістан қалалық мәслихаты", sairam).slug == "kz-turkistan-turkistan-city"
    assert infer_area("облыстық ардагерлер кеңесі", sairam).slug == "kz-turkistan"  # the article's region
    # the district page and the chart now count them
    from django.utils import translation

    from qogam.registry.web.views.home import organizations_per_district

    with translation.override("kk"):
        assert dict(organizations_per_district()).get("Сайрам ауданы", 0) >= 5


def test_the_reviewer_sets_an_organisations_area(tmp_path: Path) -> None:
    (sairam,) = _ingest(tmp_path, "02_sairam_qogamdyq_kenes.txt")
    proposal = sairam.proposals.filter(kind="organization", label__contains="Мейірім").get()
    org = accept(proposal, None, edits={"area": "kz-turkistan-kentau"})
    assert org.area.slug == "kz-turkistan-kentau"


def test_accepting_an_event_creates_no_one_mentioned_in_passing(tmp_path: Path) -> None:
    (article,) = _ingest(tmp_path, "01_uemu_sailau_zhiyny.txt")
    event = article.proposals.get(kind="event")
    assert "Қасым-Жомарт Тоқаев" not in event.payload["participants"]  # the extractor's part
    # even a name the payload lists but nobody proposed (an older extraction) makes nobody
    event.payload = dict(event.payload, participants=[*event.payload["participants"], "Бейтаныс Адам"])
    event.save()
    also = dependencies(event)
    assert {p.label for p in also} == set(event.payload["participants"]) - {"Бейтаныс Адам"}
    accepted = accept(event, None)
    assert isinstance(accepted, Event)
    assert set(accepted.participants.values_list("name", flat=True)) == {p.label for p in also}
    assert not Person.objects.filter(name__in=["Бейтаныс Адам", "Қасым-Жомарт Тоқаев"]).exists()
    assert all(Proposal.objects.get(pk=p.pk).status == "accepted" for p in also)
    assert Person.objects.count() == len(also)
