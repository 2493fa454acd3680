"""Exact-match span scoring, checked against counts worked out by hand."""
from __future__ import annotations

import pytest

from qogam.nlp.ner.scorer import iob_spans, score


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["B-PER", "I-PER", "O"], [("PER", 0, 2)]),
        (["I-PER", "I-PER"], [("PER", 0, 2)]),  # I- without B- starts a span (conlleval)
        (["B-PER", "B-PER"], [("PER", 0, 1), ("PER", 1, 2)]),
        (["B-PER", "I-ORG", "I-ORG"], [("PER", 0, 1), ("ORG", 1, 3)]),
        (["O", "I-GPE", "O", "I-GPE"], [("GPE", 1, 2), ("GPE", 3, 4)]),
        (["O", "O"], []),
        ([], []),
    ],
)
def test_iob_spans(labels: list[str], spans: list[tuple[str, int, int]]) -> None:
    assert iob_spans(labels) == spans


def test_scores_by_hand() -> None:
    gold = [
        ["B-PER", "I-PER", "O", "B-ORG"],  # PER 0-2, ORG 3-4
        ["B-GPE", "O", "B-PER"],  # GPE 0-1, PER 2-3
    ]
    pred = [
        ["B-PER", "I-PER", "O", "O"],  # PER right, ORG missed
        ["B-GPE", "I-GPE", "B-PER"],  # GPE too long (wrong), PER right
    ]
    s = score(gold, pred)
    # PER: 2 correct of 2 predicted, 2 gold. ORG: 0/0/1. GPE: 0/1/1.
    assert (s.labels["PER"].correct, s.labels["PER"].predicted, s.labels["PER"].gold) == (2, 2, 2)
    assert (s.labels["ORG"].correct, s.labels["ORG"].predicted, s.labels["ORG"].gold) == (0, 0, 1)
    assert (s.labels["GPE"].correct, s.labels["GPE"].predicted, s.labels["GPE"].gold) == (0, 1, 1)
    assert s.labels["ORG"].precision == 0.0 and s.labels["ORG"].f1 == 0.0
    # Overall: 2 correct, 3 predicted, 4 gold → P 2/3, R 1/2, F1 = 2·(2/3)(1/2)/(2/3+1/2) = 4/7.
    assert s.overall.precision == pytest.approx(2 / 3)
    assert s.overall.recall == pytest.approx(1 / 2)
    assert s.overall.f1 == pytest.approx(4 / 7)
    table = s.as_dict()
    assert table["overall"]["f1"] == pytest.approx(57.14)
    assert table["PER"] == {"p": 100.0, "r": 100.0, "f1": 100.0, "gold": 2, "predicted": 2}


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score([["O"]], [["O", "O"]])
    with pytest.raises(ValueError):
        score([["O"]], [])


def test_perfect_and_empty() -> None:
    assert score([["B-X", "I-X"]], [["B-X", "I-X"]]).overall.f1 == 1.0
    assert score([["O"]], [["O"]]).overall.f1 == 0.0
