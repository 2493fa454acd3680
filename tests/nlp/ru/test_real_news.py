"""Russian extraction on the real Russian news of ../shared (the development set), as a floor.

The figures the issue reports come from ``benchmarks/real_news.py --lang ru`` with the hidden
sets' own scorer; this keeps the same measure (our reading of its conventions) from sliding.
"""
from __future__ import annotations

import pytest

from qogam.nlp.extract.scoring import KINDS
from tests import real_news
from tests.conftest import SHARED, require

# Measured 2026-12-01 on all 73 texts with this matching: persons 0.94, organisations 0.83,
# posts 0.71, quotes 0.87, macro 0.84.
FLOORS = {"persons": 0.90, "organizations": 0.78, "posts": 0.65, "quotes": 0.80}
MACRO_FLOOR = 0.79


@pytest.fixture(scope="module")
def counts() -> dict[str, list[int]]:
    return real_news.counts(require(SHARED / "data" / "news" / "ru"), lang="ru")


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_holds_its_floor(counts: dict[str, list[int]], kind: str) -> None:
    assert real_news.f1(*counts[kind]) >= FLOORS[kind]


def test_macro_f1_holds_its_floor(counts: dict[str, list[int]]) -> None:
    assert sum(real_news.f1(*counts[k]) for k in KINDS) / len(KINDS) >= MACRO_FLOOR
