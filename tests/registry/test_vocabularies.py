"""Each vocabulary is declared once (core.vocabularies), translated, and holds every code the
extractor can emit: the codes of its data files, and the codes it gives on real articles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.utils import translation

from qogam.nlp.kk import lexicon as kk
from qogam.nlp.resources import read_resource
from qogam.nlp.ru import lexicon as ru
from qogam.registry.core.vocabularies import (
    AreaKind,
    EventType,
    OrganizationType,
    ProposalKind,
    ProposalStatus,
    label,
    role_code,
    role_label,
    roles,
)

REPO = Path(__file__).resolve().parents[2]
NEWS = REPO.parent / "shared" / "data" / "news"


def _emitted_by_data() -> dict[str, set[str]]:
    org = json.loads(read_resource("qogam.nlp.kk", "org_types.json"))
    org_types = set(org["types"]) | set(org["abbreviations"].values())
    for section in ("heads", "abbreviations"):
        org_types |= set(ru.pairs("org_types.txt", section).values())
    org_types |= {entry.split()[-1] for entry in ru.entries("org_types.txt", "qualified")}
    events = set(json.loads(read_resource("qogam.nlp.kk", "event_nouns.json"))["events"].values())
    kinds = set(kk.pairs("place_words.txt", "kinds").values()) | set(ru.pairs("post_nouns.txt", "place_kinds").values())
    role_words = set(kk.entries("post_nouns.txt", "heads")) | set(ru.entries("post_nouns.txt", "roles")) \
        | set(kk.words("professions.txt"))
    return {"org": org_types, "event": events, "kind": kinds, "role": role_words}


def test_every_code_in_the_extractors_data_is_declared() -> None:
    emitted = _emitted_by_data()
    assert emitted["org"] - set(OrganizationType.values) == set()
    assert emitted["event"] - set(EventType.values) == set()
    assert emitted["kind"] - set(AreaKind.values) == set()
    assert {w for w in emitted["role"] if w.lower() not in roles()} == set()


def _articles() -> list[Path]:
    found = sorted((REPO / "examples" / "articles").glob("*.txt"))
    for lang in ("kk", "ru"):
        found += sorted((NEWS / lang).glob("*.txt"))[:40]
    return found


def test_every_code_the_extractor_gives_on_articles_is_declared() -> None:
    from qogam.nlp.extract import extract

    seen: dict[str, set[str]] = {"org": set(), "event": set(), "kind": set(), "role": set()}
    for path in _articles():
        found = extract(path.read_text(encoding="utf-8"), lang="auto")
        seen["org"] |= {o.type for o in found.organizations}
        seen["event"] |= {e.type for e in found.events}
        seen["kind"] |= {p.kind for p in found.places} - {"place"}  # "place": no kind, a person decides
        seen["role"] |= {p.role for p in found.posts}
    assert seen["org"] - set(OrganizationType.values) == set()
    assert seen["event"] - set(EventType.values) == set()
    assert seen["kind"] - set(AreaKind.values) == set()
    assert {r for r in seen["role"] if r.lower() not in roles()} == set()


@pytest.mark.parametrize("choices", [OrganizationType, AreaKind, EventType, ProposalKind, ProposalStatus])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_label_is_translated(choices: type, lang: str) -> None:
    from tests.registry.web.test_translations import LOCALE, read_po

    catalogue = {e["msgid"]: e["msgstr"][0] for e in read_po(LOCALE / lang / "LC_MESSAGES" / "django.po")}
    for code in choices.values:
        with translation.override("en"):
            msgid = label(choices, code)
        assert msgid in catalogue, (lang, code)
        with translation.override(lang):
            assert label(choices, code) == catalogue[msgid]


@pytest.mark.parametrize(
    ("lemma", "lang", "shown"),
    [("төраға", "ru", "председатель"), ("председатель", "kk", "төраға"), ("председатель", "en", "chair"),
     ("әкім", "ru", "аким"), ("аким", "en", "akim"), ("орынбасар", "en", "deputy"), ("Елбасы", "en", "Leader of the Nation"),
     ("белгісіз", "ru", "белгісіз")],
)
def test_roles_in_each_language(lemma: str, lang: str, shown: str) -> None:
    assert role_label(lemma, lang) == shown


def test_role_codes() -> None:
    assert role_code("председатель") == role_code("төраға") == "төраға"
    assert role_code("нечто") == "нечто"


def test_event_form_offers_the_declared_types() -> None:
    from django.db import models

    from qogam.registry.core.models import Event
    from qogam.registry.review.forms import EDITABLE  # noqa: F401

    field = Event._meta.get_field("classification")
    assert isinstance(field, models.CharField) and [c for c, _ in field.choices] == list(EventType.values)
