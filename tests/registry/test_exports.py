"""Exports: the seed article, ingested and accepted, exports to exactly its five organisations,
six people with posts and two statements in every format; Popolo validates against the Popolo
JSON Schemas of ../shared; every FtM entity is valid and its references resolve in the export."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from qogam.cli import main
from qogam.registry.core.models import Organization, Person, Proposal
from qogam.registry.core.services.ingest import ingest_path
from qogam.registry.core.services.review import bulk_accept

pytestmark = pytest.mark.django_db

POPOLO = Path(__file__).resolve().parents[3] / "shared" / "data" / "popolo"


@pytest.fixture
def seed(seed_path: Path) -> None:
    ingest_path(seed_path, progress=False)  # no fixtures: the registry holds the article's facts only
    bulk_accept(Proposal.objects.all(), None, 0.0)
    assert Organization.objects.count() == 5 and Person.objects.count() == 6


def _export(fmt: str, tmp_path: Path | None = None) -> bytes:
    args = ["export", "--format", fmt]
    if tmp_path is not None:
        args += ["-o", str(tmp_path / f"export.{fmt}")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return (tmp_path / f"export.{fmt}").read_bytes() if tmp_path is not None else result.stdout_bytes


def test_popolo_holds_the_seed_and_validates(seed: None) -> None:
    doc = json.loads(_export("popolo"))
    assert set(doc) == {"persons", "organizations", "memberships", "posts", "areas", "events", "speeches"}
    assert len(doc["organizations"]) == 5 and len(doc["persons"]) == 6 and len(doc["speeches"]) == 2
    people = {p["id"] for p in doc["persons"]}
    assert {m["person_id"] for m in doc["memberships"]} == people  # six people with posts
    namazbaeva = next(p for p in doc["persons"] if p["name"] == "Инара Намазбаева")
    assert {"name": "İnara Namazbaeva", "note": "kk-Latn"} in namazbaeva["other_names"]
    assert namazbaeva["qogam:evidence"] and namazbaeva["sources"]
    for span in namazbaeva["qogam:evidence"]:
        assert span["text"] in ("Инара Намазбаеваның", "И.Намазбаева", "Инара Намазбаева") or span["text"]
    if not POPOLO.exists():
        pytest.skip(f"{POPOLO} not found: the schemas are read from ../shared")
    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    schemas = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in POPOLO.glob("*.json")}
    registry = Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3)) for schema in schemas.values())
    kinds = {"persons": "person", "organizations": "organization", "memberships": "membership", "posts": "post",
             "areas": "area", "events": "event", "speeches": "speech"}
    for section, kind in kinds.items():
        validator = Draft3Validator(schemas[kind], registry=registry)
        for record in doc[section]:
            errors = list(validator.iter_errors(record))
            assert not errors, (section, record.get("id"), [e.message for e in errors[:3]])


def test_ftm_entities_are_valid_and_resolve(seed: None) -> None:
    lines = [json.loads(line) for line in _export("ftm").decode().splitlines()]
    assert len({e["id"] for e in lines}) == len(lines)  # each id once
    by_schema = _resolving(lines)
    assert by_schema.get("Person") == 6 and by_schema.get("Organization", 0) + by_schema.get("PublicBody", 0) == 5
    assert by_schema.get("Article") == 1 and by_schema.get("Mention", 0) > 0 and by_schema.get("Documentation", 0) > 0
    assert by_schema.get("Occupancy", 0) + by_schema.get("Membership", 0) == 6
    quotes = [e for e in lines if e["schema"] == "Documentation" and e["properties"].get("role") == ["quote"]]
    assert len(quotes) == 2


def test_ftm_statements_carry_origin_and_values(seed: None) -> None:
    rows = list(csv.DictReader(io.StringIO(_export("ftm-statements").decode())))
    assert rows and {"entity_id", "prop", "value", "dataset"} <= set(rows[0])
    names = {r["value"] for r in rows if r["prop"] == "name" and r["schema"] == "Person"}
    assert "Инара Намазбаева" in names and len(names) == 6
    assert any(r["origin"].startswith("qogam-source-") for r in rows if r["schema"] == "Mention")


def test_csv_and_xlsx_have_one_table_a_kind_with_names(seed: None, tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(_export("csv", tmp_path))) as archive:
        tables = {n: list(csv.DictReader(io.TextIOWrapper(archive.open(n), encoding="utf-8-sig")))
                  for n in archive.namelist()}
    assert len(tables["organizations.csv"]) == 5 and len(tables["people.csv"]) == 6
    assert len(tables["statements.csv"]) == 2
    assert {r["person"] for r in tables["memberships.csv"]} == {r["name"] for r in tables["people.csv"]}
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(_export("xlsx", tmp_path)), read_only=True)
    assert {"organizations", "people", "memberships", "statements"} <= set(book.sheetnames)
    assert len(list(book["people"].iter_rows())) == 7  # the header and six people


def test_csv_needs_a_file_and_a_failed_export_leaves_nothing(db: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "csv"])
    assert result.exit_code == 2 and "give -o PATH" in result.stderr
    from qogam.registry.core.exports import tables

    def broken(sel: Any) -> Any:
        raise RuntimeError("disk full")
        yield

    monkeypatch.setitem(tables.TABLES, "people", (["id"], broken))
    with pytest.raises(RuntimeError):
        CliRunner().invoke(main, ["export", "--format", "csv", "-o", str(tmp_path / "x.zip")], catch_exceptions=False)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["popolo", "ftm", "ftm-statements", "csv", "xlsx"])
def test_download_links_on_the_lists(seed: None, client: Any, fmt: str) -> None:
    listing = client.get("/organisations/").content.decode()
    assert f'href="/download/{fmt}/"' in listing
    response = client.get(f"/download/{fmt}/")
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert body == _export(fmt, None) if fmt not in ("csv", "xlsx") else len(body) > 100
    assert client.get("/download/nothing/").status_code == 404
    assert client.post(f"/download/{fmt}/").status_code == 405


# --- scoped exports: --area, --since, --include-pending ---------------------------------------

def _resolving(lines: list[dict[str, Any]]) -> dict[str, int]:
    """Check every FtM entity of ``lines`` and that its references resolve inside them; count schemas."""
    from followthemoney import model

    ids = {e["id"] for e in lines}
    counts: dict[str, int] = {}
    for data in lines:
        proxy = model.get_proxy(data)
        assert proxy.schema.validate(data) is None, data
        counts[proxy.schema.name] = counts.get(proxy.schema.name, 0) + 1
        for prop, values in proxy.properties.items():
            if proxy.schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (data["id"], prop, values)
    return counts


@pytest.fixture
def two_districts(seed: None) -> dict[str, Any]:
    """The seed's bodies in Sairam district; one more NGO, its chair and an old article in Tölebi."""
    import datetime as dt

    from django.contrib.contenttypes.models import ContentType

    from qogam.registry.core.models import Area, Evidence, Membership, Source

    region = Area.objects.create(slug="turkistan-region", name_kk="Түркістан облысы", classification="region")
    sairam = Area.objects.create(slug="sairam", name_kk="Сайрам ауданы", classification="district", parent=region)
    tolebi = Area.objects.create(slug="tolebi", name_kk="Төлеби ауданы", classification="district", parent=region)
    Organization.objects.update(area=sairam)
    text = "«Төлеби жастары» қоғамдық бірлестігінің төрағасы Асан Үсенов жиналыс өткізді."
    old = Source.objects.create(text=text, title="Төлеби", published=dt.date(2020, 3, 1), content_hash="tolebi-2020",
                                url="https://example.kz/tolebi")
    org = Organization.objects.create(name_kk="«Төлеби жастары» қоғамдық бірлестігі", classification="public_association", area=tolebi)
    person = Person.objects.create(name="Асан Үсенов", given_name="Асан", family_name="Үсенов")
    membership = Membership.objects.create(person=person, organization=org, role="chair")
    for obj, start, end in ((org, 0, 40), (person, 49, 60), (membership, 0, 60)):
        Evidence.objects.create(source=old, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
                                start=start, end=end)
    return {"org": org, "person": person, "source": old}


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, ["export", *args])


def test_area_export_holds_that_area_and_what_it_refers_to(two_districts: dict[str, Any]) -> None:
    doc = json.loads(_run("--format", "popolo", "--area", "tolebi").stdout_bytes)
    assert [o["name"] for o in doc["organizations"]] == ["«Төлеби жастары» қоғамдық бірлестігі"]
    assert [p["name"] for p in doc["persons"]] == ["Асан Үсенов"] and doc["speeches"] == []
    assert {a["id"] for a in doc["areas"]} == {"area-tolebi", "area-turkistan-region"}  # and the area above it
    sairam = json.loads(_run("--format", "popolo", "--area", "sairam").stdout_bytes)
    # the five NGO leaders and their two quotes; the President, whose post is of no body there, is not Sairam's
    assert len(sairam["organizations"]) == 5 and len(sairam["speeches"]) == 2
    assert len(sairam["persons"]) == 5 and "Қасым-Жомарт Тоқаев" not in {p["name"] for p in sairam["persons"]}
    region = json.loads(_run("--format", "popolo", "--area", "turkistan-region").stdout_bytes)
    assert len(region["organizations"]) == 6 and len(region["persons"]) == 6
    lines = [json.loads(line) for line in _run("--format", "ftm", "--area", "tolebi").stdout_bytes.splitlines()]
    counts = _resolving(lines)
    assert counts["Article"] == 1 and counts["Person"] == 1 and counts.get("Organization", 0) == 1
    sairam_lines = [json.loads(line) for line in _run("--format", "ftm", "--area", "sairam").stdout_bytes.splitlines()]
    assert _resolving(sairam_lines)["Person"] == 5


def test_since_keeps_the_facts_of_newer_articles(two_districts: dict[str, Any], tmp_path: Path) -> None:
    doc = json.loads(_run("--format", "popolo", "--since", "2021-01-01").stdout_bytes)
    assert len(doc["organizations"]) == 5 and "Асан Үсенов" not in {p["name"] for p in doc["persons"]}
    old = json.loads(_run("--format", "popolo", "--since", "2019-06-01", "--area", "tolebi").stdout_bytes)
    assert len(old["persons"]) == 1
    future = json.loads(_run("--format", "popolo", "--since", "2099-01-01").stdout_bytes)
    assert all(future[k] == [] for k in future)
    assert _run("--format", "csv", "--since", "2021-01-01", "-o", str(tmp_path / "x.zip")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "x.zip") as archive:
        sources = list(csv.DictReader(io.TextIOWrapper(archive.open("sources.csv"), encoding="utf-8-sig")))
    assert [s["title"] for s in sources] != [] and "Төлеби" not in {s["title"] for s in sources}


@pytest.mark.parametrize("args, message", [
    (["--format", "popolo", "--area", "nowhere"], "no area 'nowhere'"),
    (["--format", "popolo", "--include-pending"], "pending proposals are carried by ftm-statements"),
    (["--format", "ftm", "--include-pending"], "holds confirmed facts only"),
    (["--format", "popolo", "--since", "yesterday"], "does not match the format"),
])
def test_bad_scopes_are_refused(db: Any, args: list[str], message: str) -> None:
    result = _run(*args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_pending_proposals_are_external_statements_and_a_table(seed_path: Path, tmp_path: Path) -> None:
    ingest_path(seed_path, progress=False)
    bulk_accept(Proposal.objects.filter(kind__in=["person", "organization"]), None, 0.0)  # posts, quotes wait
    waiting = Proposal.objects.filter(status=Proposal.Status.PENDING).count()
    assert waiting
    plain = list(csv.DictReader(io.StringIO(_run("--format", "ftm-statements").stdout)))
    assert {r["external"] for r in plain} == {"f"}  # FtM writes booleans as t and f
    rows = list(csv.DictReader(io.StringIO(_run("--format", "ftm-statements", "--include-pending").stdout)))
    external = [r for r in rows if r["external"] == "t"]
    assert external and all(r["origin"].startswith("qogam-source-") for r in external)
    entity_ids = {r["entity_id"] for r in rows}
    from followthemoney import model

    for r in rows:  # every reference, confirmed or pending, resolves inside the export ("id" rows: the entity itself)
        prop = model.get(r["schema"]).properties.get(r["prop"])
        if prop is not None and prop.type.name == "entity":
            assert r["value"] in entity_ids, r
    quotes = {r["entity_id"] for r in external if r["schema"] == "Documentation" and r["prop"] == "role"}
    assert len(quotes) == 2  # the two statements wait, each a quote of an accepted speaker
    assert any(r["schema"] == "Occupancy" for r in external)
    assert _run("--format", "csv", "--include-pending", "-o", str(tmp_path / "p.zip")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        proposals = list(csv.DictReader(io.TextIOWrapper(archive.open("proposals.csv"), encoding="utf-8-sig")))
    assert len(proposals) == waiting and all(p["status"] == "pending" and p["text"] for p in proposals)
