"""The seed article gives exactly its gold; the bundled example articles give theirs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from qogam.nlp.extract import extract
from qogam.nlp.extract.scoring import KINDS, differences, score

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((REPO / "examples" / "articles").glob("*.txt"))


def _fold(value: str | None) -> str | None:
    from qogam.nlp.normalize import fold_case

    return fold_case(value) if value is not None else None


def test_seed_gives_exactly_its_gold(seed_text: str, seed_gold: dict) -> None:
    result = extract(seed_text).to_json()
    assert result["lang"] == "kk"
    # persons: names and the surface forms of their mentions
    got = {p["name"]: sorted(m["text"] for m in p["mentions"]) for p in result["persons"]}
    want = {p["name"]: sorted(p["mentions"]) for p in seed_gold["persons"]}
    assert {k: sorted(set(v)) for k, v in got.items()} == {k: sorted(set(v)) for k, v in want.items()}
    # organisations with their types
    assert {(o["name"], o["type"]) for o in result["organizations"]} == {
        (o["name"], o["type"]) for o in seed_gold["organizations"]
    }
    # posts and quotes with speakers
    assert {(p["person"], p["role"], p["organization"]) for p in result["posts"]} == {
        (p["person"], p["role"], p["organization"]) for p in seed_gold["posts"]
    }
    assert [(q["speaker"], q["text"]) for q in result["quotes"]] == [
        (q["speaker"], q["text"]) for q in seed_gold["quotes"]
    ]
    # the meeting and the places
    (event,) = result["events"]
    gold_event = seed_gold["events"][0]
    assert (event["type"], event["chair"], event["topic"]) == (gold_event["type"], gold_event["chair"], gold_event["topic"])
    assert event["participants"] == gold_event["participants"]
    assert [p["name"] for p in result["places"]] == seed_gold["places"]


def test_seed_offsets_point_at_the_text(seed_text: str) -> None:
    result = extract(seed_text).to_json()
    for person in result["persons"]:
        for m in person["mentions"]:
            assert seed_text[m["start"] : m["end"]] == m["text"]
    for quote in result["quotes"]:
        assert seed_text[quote["start"] : quote["end"]] == quote["text"]
        assert 0 < quote["evidence"]["confidence"] <= 1


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_article_gives_its_gold(path: Path) -> None:
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    result = extract(path.read_text(encoding="utf-8")).to_json()
    scores = score(result, gold)
    wrong = {k: v for k, v in differences(result, gold).items() if v["missing"] or v["extra"]}
    assert all(scores[k].f1 == 1.0 for k in KINDS), wrong


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_persons_have_all_gold_mentions(path: Path) -> None:
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    result = extract(path.read_text(encoding="utf-8")).to_json()
    got = {_fold(p["name"]): {m["text"] for m in p["mentions"]} for p in result["persons"]}
    for person in gold["persons"]:
        assert set(person["mentions"]) <= got[_fold(person["name"])], person["name"]
