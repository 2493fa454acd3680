"""Russian extraction on the real Russian news of ../shared (the development set), as a floor.

The figures the issue reports come from ``benchmarks/real_news.py --lang ru`` with the hidden
sets' own scorer; this keeps the same measure (our reading of its conventions) from sliding.
"""
from __future__ import annotations

import json

import pytest

from qogam.nlp.extract import extract
from qogam.nlp.extract.matching import correct
from qogam.nlp.extract.scoring import KINDS

from tests.conftest import SHARED, require

# Measured 2026-12-01 on all 73 texts with this matching: persons 0.94, organisations 0.83,
# posts 0.71, quotes 0.87, macro 0.84.
FLOORS = {"persons": 0.90, "organizations": 0.78, "posts": 0.65, "quotes": 0.80}
MACRO_FLOOR = 0.79


@pytest.fixture(scope="module")
def counts() -> dict[str, list[int]]:
    files = sorted(require(SHARED / "data" / "news" / "ru").glob("*.json"))
    totals = {kind: [0, 0, 0] for kind in KINDS}  # right, predicted, gold
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        result = extract(gold["text"])
        assert result.lang == "ru", path.name
        facts = result.to_json()
        for kind in KINDS:
            right = correct(kind, gold, facts[kind])
            totals[kind][0] += sum(right)
            totals[kind][1] += len(right)
            totals[kind][2] += len(gold.get(kind, []))
    return totals


def _f1(right: int, predicted: int, gold: int) -> float:
    p, r = (right / predicted if predicted else 0.0), (right / gold if gold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_holds_its_floor(counts: dict[str, list[int]], kind: str) -> None:
    assert _f1(*counts[kind]) >= FLOORS[kind]


def test_macro_f1_holds_its_floor(counts: dict[str, list[int]]) -> None:
    assert sum(_f1(*counts[k]) for k in KINDS) / len(KINDS) >= MACRO_FLOOR
