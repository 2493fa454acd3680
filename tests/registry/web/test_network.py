"""The picture: network views and graphs (web, API, GEXF and Cytoscape exports), timelines, monthly charts."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tests.registry.web.conftest import Registry  # the fixture's type

ALLIANCE = "«Түркістан облысының Азаматтық Альянсы» заңды тұлғалардың қауымдастық нысанындағы бірлестігі"
GEXF = "{http://www.gexf.net/1.2draft}"


def _alliance() -> Any:
    from qogam.registry.core.models import Organization

    return Organization.objects.get(name_kk=ALLIANCE)


def test_the_seed_alliance_network_holds_its_five_organisations_and_six_people(seed_registry: None) -> None:
    from qogam.registry.core.services.graph import network

    graph = network("organization", _alliance().pk)
    assert (graph.count("organization"), graph.count("person"), graph.count("event")) == (5, 6, 1)
    kinds = {e.kind for e in graph.edges}
    assert {"post", "chair", "participant", "mentioned"} <= kinds
    assert all(e.sources for e in graph.edges)  # every link has the article behind it
    posts = {(e.source, e.target) for e in graph.edges if e.kind == "post"}
    assert len(posts) == 5


def test_the_network_page_lists_everything_without_javascript(client: Any, seed_registry: None) -> None:
    from qogam.registry.core.models import Person, Source

    html = client.get(reverse("web:organization-network", args=[_alliance().pk])).content.decode()
    for person in Person.objects.all():
        assert person.name in html
    assert html.count("/network/") >= 11  # each entry's own network, one click away
    source = Source.objects.get()
    assert reverse("web:source", args=[source.pk]) in html  # the source behind each link
    assert 'id="graph-data" type="application/json"' in html
    assert client.post(reverse("web:organization-network", args=[_alliance().pk])).status_code == 405


def test_network_pages_of_people_and_areas_and_missing_ones(client: Any, registry: Registry) -> None:
    html = client.get(reverse("web:person-network", args=[registry.person.pk])).content.decode()
    assert "«Жайылма» қоғамдық бірлестігі" in html and "Шәріпбек Жамалбек" in html
    assert "атынан орын алады:" in html  # the link's kind, in the page's language
    area = client.get(reverse("web:area-network", args=[registry.region.slug])).content.decode()
    assert "Сынақ ауданы әкімдігі жанындағы қоғамдық кеңес" in area
    assert client.get(reverse("web:person-network", args=[10**6])).status_code == 404
    assert client.get(reverse("web:area-network", args=["nowhere"])).status_code == 404


def test_a_network_larger_than_the_page_is_cut_and_says_so(registry: Registry) -> None:
    from qogam.registry.core.services.graph import network

    full = network("organization", registry.ngo.pk)
    cut = network("organization", registry.ngo.pk, limit=3)
    assert not full.truncated and cut.truncated and len(cut.nodes) == 3
    assert all(e.source in {n.id for n in cut.nodes} and e.target in {n.id for n in cut.nodes} for e in cut.edges)


def test_graph_api(client: Any, seed_registry: None) -> None:
    from qogam.registry.core.models import Area, Person

    body = client.get(f"/api/v1/organizations/{_alliance().pk}/graph").json()
    nodes = body["elements"]["nodes"]
    assert sum(n["data"]["kind"] == "person" for n in nodes) == 6
    assert body["data"]["centre"] == f"organization-{_alliance().pk}"
    person = Person.objects.get(name="Инара Намазбаева")
    assert client.get(f"/api/v1/people/{person.pk}/graph").status_code == 200
    assert client.get(f"/api/v1/areas/{Area.objects.get(slug='kz-turkistan').slug}/graph").status_code == 200
    assert client.get("/api/v1/people/999999/graph").status_code == 404
    assert client.get("/api/v1/areas/nowhere/graph").status_code == 404


def test_merged_ids_redirect_in_the_api_and_are_listed_in_popolo(client: Any, registry: Registry) -> None:
    from qogam.registry.core.exports import write
    from qogam.registry.core.models import Person
    from qogam.registry.core.services.resolution import merge

    twin = Person.objects.create(name="Инара Намазбаевa")
    merge("person", registry.person.pk, twin.pk, None)
    response = client.get(f"/api/v1/people/{twin.pk}")
    assert response.status_code == 307 and response["Location"] == f"/api/v1/people/{registry.person.pk}"
    assert client.get(f"/api/v1/people/{registry.person.pk}").json()["merged_ids"] == [twin.pk]
    import io

    out = io.BytesIO()
    write("popolo", out)
    people = {p["id"]: p for p in json.loads(out.getvalue())["persons"]}
    assert {"scheme": "qogam:merged", "identifier": f"person-{twin.pk}"} in people[f"person-{registry.person.pk}"]["identifiers"]


def _export(fmt: str, path: Path) -> None:
    from qogam.registry.core.exports import write_file

    write_file(fmt, path)


def test_gexf_export_holds_people_organisations_and_their_links(registry: Registry, tmp_path: Path) -> None:
    from qogam.registry.core.models import Membership, Organization, Person

    path = tmp_path / "registry.gexf"
    _export("gexf", path)
    root = ET.parse(path).getroot()
    nodes = root.findall(f"{GEXF}graph/{GEXF}nodes/{GEXF}node")
    edges = root.findall(f"{GEXF}graph/{GEXF}edges/{GEXF}edge")
    assert len(nodes) == Person.objects.count() + Organization.objects.count()
    labels = {n.get("label") for n in nodes}
    assert {"Инара Намазбаева", "«Жайылма» қоғамдық бірлестігі"} <= labels
    memberships = Membership.objects.all()
    assert len(edges) == memberships.count() + memberships.exclude(on_behalf_of=None).count()
    values = [{v.get("for"): v.get("value") for v in e.iter(f"{GEXF}attvalue")} for e in edges]
    assert {"kind": "post", "role": "төраға", "start": "2023-05-01"} in values
    assert {"kind": "on_behalf_of", "role": "мүше"} in values
    ids = {n.get("id") for n in nodes}
    assert all(e.get("source") in ids and e.get("target") in ids for e in edges)


def test_cytoscape_export_is_cytoscape_json(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    _export("cytoscape", path)
    body = json.loads(path.read_text(encoding="utf-8"))
    nodes, edges = body["elements"]["nodes"], body["elements"]["edges"]
    kinds = {n["data"]["kind"] for n in nodes}
    assert kinds == {"person", "organization"}
    assert {e["data"]["kind"] for e in edges} == {"post", "membership", "on_behalf_of"}
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)


def test_export_command_writes_the_graph(tmp_path: Path) -> None:
    """``qogam export --format gexf|cytoscape`` through the installed command (the contract)."""
    import os

    env = dict(os.environ, QOGAM_DATA_DIR=str(tmp_path))
    qogam = [sys.executable, "-m", "qogam.cli"]
    subprocess.run([*qogam, "setup"], env=env, check=True, capture_output=True)
    for fmt in ("gexf", "cytoscape"):
        out = tmp_path / f"graph.{fmt}"
        done = subprocess.run([*qogam, "export", "--format", fmt, "-o", str(out)], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 0
    stdout = subprocess.run([*qogam, "export", "--format", "cytoscape"], env=env, capture_output=True, text=True, check=True)
    elements = json.loads(stdout.stdout)["elements"]  # a new registry: the 17 centres of the fixtures
    assert elements["edges"] == [] and {n["data"]["classification"] for n in elements["nodes"]} == {"information_resource_centre"}


def test_timeline_and_charts_with_their_tables(client: Any, registry: Registry) -> None:
    from qogam.registry.web.charts import timeline

    html = client.get(reverse("web:person", args=[registry.person.pk])).content.decode()
    assert 'class="timeline"' in html and "2023-05-01" in html
    assert timeline([("x", None, None, [])]) is None
    svg = str(timeline([("төраға", date(2020, 1, 1), date(2022, 6, 1), []), ("мүше", date(2021, 1, 1), None, []),
                        ("хатшы", None, None, [date(2019, 3, 1), date(2023, 5, 2)])], today=date(2024, 1, 1)))
    assert svg.count("<rect") == 2 and 'class="open"' in svg and ">2019<" in svg
    assert svg.count('class="seen"') == 2 and "2023-05-02" in svg  # an undated post, seen in two articles
    area = client.get(reverse("web:area", args=[registry.region.slug])).content.decode()
    assert 'class="months"' in area and "Айлар бойынша деректер мен мәлімдемелер" in area
    assert "<th scope=\"row\">2024-02</th>" in area  # the table behind the chart
    home = client.get(reverse("web:home")).content.decode()
    assert home.count("<details class=\"chart-table\">") >= 2


def test_ngos_and_seats_per_district(registry: Registry) -> None:
    from qogam.registry.web.stats import ngos_and_seats, per_month

    assert ngos_and_seats(registry.region) == [("Сынақ ауданы", [1, 1])]
    months = dict(per_month())
    assert months["2024-02"] == [3, 1]  # three facts cited in the February article; one statement that month


pytestmark = pytest.mark.django_db


def test_the_network_of_a_merged_entry_redirects(client: Any, registry: Registry) -> None:
    from qogam.registry.core.models import Person
    from qogam.registry.core.services.resolution import merge

    twin = Person.objects.create(name="Инара Намазбаевa")
    merge("person", registry.person.pk, twin.pk, None)
    response = client.get(reverse("web:person-network", args=[twin.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("web:person-network", args=[registry.person.pk])
    assert client.get(reverse("web:organization-network", args=[10**6])).status_code == 404


def test_a_withdrawn_source_is_behind_no_link_and_no_timeline_mark(client: Any, registry: Registry) -> None:
    """A withdrawn source (junk, a duplicate) is hidden from the public pages: the network's
    links, its co-mentions and the timelines do not show it either."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from qogam.registry.core.models import Evidence, Membership
    from qogam.registry.core.services.graph import network

    seat = Membership.objects.get(person=registry.person, on_behalf_of=registry.ngo)
    Evidence.objects.create(source=registry.source, content_type=ContentType.objects.get_for_model(seat),
                            object_id=seat.pk, start=0, end=5)
    before = network("person", registry.person.pk)
    assert any(registry.source.pk in e.sources for e in before.edges)
    registry.source.withdrawn_at = timezone.now()
    registry.source.save()
    after = network("person", registry.person.pk)
    assert not any(registry.source.pk in e.sources for e in after.edges)
    assert not any(e.kind == "mentioned" for e in after.edges)
    assert "2024-02-02" not in client.get(reverse("web:person", args=[registry.person.pk])).content.decode()
