"""Calibrated confidence, the matching it is measured with, and the rules it is keyed by."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from qogam.errors import InputError
from qogam.nlp.extract import extract, organizations, posts, quotes
from qogam.nlp.extract.calibration import (
    BULK_ACCEPT_THRESHOLD,
    UNSEEN_CEILING,
    Table,
    above_threshold,
    calibrate,
    fit,
    outlet,
    outlet_split,
    rule_keys,
    shipped_table,
    wilson_lower,
)
from qogam.nlp.extract.matching import correct, same_organization, same_person, same_quote
from tests.conftest import EXAMPLES, REPO, SHARED, require

NEWS_KK = SHARED / "data" / "news" / "kk"



@pytest.mark.parametrize(
    ("right", "total", "low", "high"),
    [(0, 0, 0.0, 0.0), (8, 8, 0.9, 0.93), (95, 100, 0.92, 0.95), (1, 2, 0.2, 0.5)],
)
def test_wilson_lower_bound(right: int, total: int, low: float, high: float) -> None:
    value = wilson_lower(right, total)
    assert low <= value <= high
    if total:
        assert value <= right / total


def test_unseen_rule_keys_stay_under_the_threshold() -> None:
    table = Table({"posts": {"post:x:none": (1000, 1000)}}, {"posts": (1000, 1000)})
    assert table.confidence("posts", "post:x:none") > BULK_ACCEPT_THRESHOLD
    assert table.confidence("posts", "post:never-seen:none") == UNSEEN_CEILING < BULK_ACCEPT_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Сүйінбаев Жанболат", "Жанболат Сүйінбаев", True),
        ("ЖАНБОЛАТ СҮЙІНБАЕВ", "Жанболат Сүйінбаев", True),
        ("Жанболат Сүйінбаев", "Жанболат", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("«Жайылма» қоғамдық бірлестігі", "«Жайылма» ҚБ", True),  # the quoted core
        ("«Жайылма» ҚБ", "«Шаңырақ» ҚБ", False),
        ("облыстық мәслихат", "облыстық мәслихаты", False),
        ("Атырау облыстық мәслихаты", "Атырау облыстық мәслихат", False),  # 2 words of 4 shared
        ("облыстық Қазақстан халқы Ассамблеясы", "Қазақстан халқы Ассамблеясы", True),  # 3 of 4
        (None, None, True),
        ("аудан әкімдігі", None, False),
    ],
)
def test_same_organization(a: str | None, b: str | None, same: bool) -> None:
    assert same_organization(a, b) is same


def test_same_quote_and_each_gold_fact_counts_once() -> None:
    gold = {"quotes": [{"speaker": "Ахмет Оспанов", "text": "Біз дайынбыз."}]}
    said = {"speaker": "Оспанов Ахмет", "text": "Біз дайынбыз"}
    assert same_quote(gold["quotes"][0], said)
    assert correct("quotes", gold, [said, said]) == [True, False]
    with pytest.raises(ValueError):
        correct("events", gold, [])


@pytest.mark.parametrize(
    ("source", "name"),
    [("https://www.egemen.kz/a/1", "egemen.kz"), ("http://m.astanatv.kz", "astanatv.kz"), ("https://qazaqstan.tv./x", "qazaqstan.tv"),
     ("https://kz.otyrar.kz/n", "otyrar.kz"), ("https://malim.kz/n", "malim.kz")],
)
def test_outlet(source: str, name: str) -> None:
    assert outlet(source) == name


def _article(tmp: Path, name: str, source: str, text: str, **gold: object) -> Path:
    path = tmp / name
    path.write_text(json.dumps({"source": source, "text": text, **gold}, ensure_ascii=False), encoding="utf-8")
    return path


def test_outlet_split_keeps_outlets_whole_and_holds_a_third(tmp_path: Path) -> None:
    files = [_article(tmp_path, f"{k:02}.json", f"https://outlet{k % 5}.kz/{k}", "Мәтін.") for k in range(15)]
    study, held = outlet_split(files)
    assert sorted(study + held) == sorted(files)
    assert len(held) >= len(files) / 3
    held_outlets = {outlet(json.loads(p.read_text())["source"]) for p in held}
    study_outlets = {outlet(json.loads(p.read_text())["source"]) for p in study}
    assert not held_outlets & study_outlets


def test_outlet_split_refuses_a_file_that_is_no_annotated_article(tmp_path: Path) -> None:
    bad = tmp_path / "01.json"
    bad.write_text('{"text": "no source"}', encoding="utf-8")
    with pytest.raises(InputError):
        outlet_split([bad])


def test_fit_measures_rule_keys_and_calibrate_applies_them(tmp_path: Path) -> None:
    text = "«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев келді."
    gold = {
        "persons": [{"name": "Жанболат Сүйінбаев"}],
        "organizations": [{"name": "«Жайылма» қоғамдық бірлестігі"}],
        "posts": [{"person": "Жанболат Сүйінбаев", "role": "төраға", "organization": "«Жайылма» қоғамдық бірлестігі"}],
        "quotes": [],
    }
    files = [_article(tmp_path, f"{k}.json", f"https://o{k}.kz/", text, **gold) for k in range(30)]
    raw = lambda t: extract(t, use_model=False, calibrated=False)  # noqa: E731
    table_json = fit(files, raw, "test")
    assert table_json["files"] == 30 and table_json["kinds"]["posts"] == [30, 30]
    table = Table.from_json(table_json)
    result = raw(text)
    calibrate(result, table)
    assert result.posts[0].confidence == pytest.approx(wilson_lower(30, 30), abs=1e-3)
    report = above_threshold(files, lambda t: (lambda r: (calibrate(r, table), r)[1])(raw(t)))
    assert report["all"]["precision"] == 1.0 and report["all"]["share"] == 1.0


def test_extract_confidences_are_calibrated_or_the_rules_own() -> None:
    text = "«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев келді."
    own = extract(text, use_model=False, calibrated=False)
    assert own.posts[0].confidence == own.posts[0].evidence.confidence
    calibrated = extract(text, use_model=False).to_json()
    for kind in ("persons", "organizations", "posts"):
        assert all(0.0 <= fact["confidence"] <= 1.0 for fact in calibrated[kind])


def test_shipped_table_names_only_declared_rules() -> None:
    from qogam.nlp.ru import organizations as ru_orgs
    from qogam.nlp.ru import posts as ru_posts
    from qogam.nlp.ru import quotes as ru_quotes

    table = shipped_table()
    assert table is not None, "calibration.json ships with the package"
    org_rules = organizations.RULES.keys() | ru_orgs.RULES.keys()
    for key in table.rules["organizations"]:
        assert key.rpartition(":")[0] in org_rules, key
    for key in table.rules["posts"]:
        if key.startswith("ru-"):
            rule, _, org_rule = key.partition(":")
            assert rule in ru_posts.RULES and (org_rule == "none" or org_rule in org_rules), key
            continue
        rule, _, org_rule = key.removeprefix("post:").partition(":")
        assert rule in posts.RULES and (org_rule == "none" or org_rule in organizations.RULES), key
    for key in table.rules["quotes"]:
        if key.startswith("ru-"):
            assert key in ru_quotes.RULES, key
            continue
        rule, _, how = key.partition(":")
        assert rule in quotes.RULES and how in quotes.SPEAKER_CONFIDENCE, key


def _texts() -> list[str]:
    paths = sorted(EXAMPLES.glob("*.txt")) + sorted((REPO / "benchmarks").glob("extract_*/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def test_every_rule_the_extraction_emits_is_declared() -> None:
    from qogam.nlp.extract import persons as kk_persons
    from qogam.nlp.ru import organizations as ru_orgs
    from qogam.nlp.ru import persons as ru_persons
    from qogam.nlp.ru import posts as ru_posts
    from qogam.nlp.ru import quotes as ru_quotes

    for text in _texts():
        result = extract(text, use_model=False)
        if result.lang == "ru":
            assert all(e.source.removeprefix("ru-person:") in ru_persons.RULES for p in result.persons for e in p.evidence)
            assert all(e.source in ru_orgs.RULES for o in result.organizations for e in o.evidence)
            assert all(p.evidence.source in ru_posts.RULES for p in result.posts)
            assert all(q.evidence.source in ru_quotes.RULES for q in result.quotes)
            continue
        assert all(e.source.removeprefix("person:") in kk_persons.RULES for p in result.persons for e in p.evidence)
        for org in result.organizations:
            assert all(e.source in organizations.RULES for e in org.evidence), org
        for post in result.posts:
            assert post.evidence.source.removeprefix("post:") in posts.RULES, post
            assert post.evidence.confidence == posts.RULES[post.evidence.source.removeprefix("post:")]
        for quote in result.quotes:
            rule, _, how = quote.evidence.source.partition(":")
            assert rule in quotes.RULES and how in quotes.SPEAKER_CONFIDENCE, quote
        keys = rule_keys(result)
        assert all(len(keys[k]) == len(getattr(result, k)) for k in keys)


def test_precision_above_the_threshold_on_the_real_news() -> None:
    """The issue's bar: the facts a reviewer bulk-accepts are right at least 95 % of the time
    on the development set (measured with our reading of its matching conventions)."""
    files = sorted(require(NEWS_KK).glob("*.json"))
    report = above_threshold(files, extract)
    assert report["all"]["precision"] >= 0.95
    assert report["all"]["share"] > 0.2
    assert not math.isnan(report["all"]["share"])
