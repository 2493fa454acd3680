"""Counting extraction against the real annotated news of ../shared, for the floor tests."""
from __future__ import annotations

import json
from pathlib import Path

from qogam.nlp.extract import extract
from qogam.nlp.extract.matching import correct
from qogam.nlp.extract.scoring import KINDS


def counts(folder: Path, lang: str | None = None) -> dict[str, list[int]]:
    """(right, predicted, gold) per kind over every annotated file of ``folder``; with
    ``lang``, each text must be routed to that language."""
    totals = {kind: [0, 0, 0] for kind in KINDS}
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        result = extract(gold["text"])
        assert lang is None or result.lang == lang, path.name
        facts = result.to_json()
        for kind in KINDS:
            right = correct(kind, gold, facts[kind])
            totals[kind][0] += sum(right)
            totals[kind][1] += len(right)
            totals[kind][2] += len(gold.get(kind, []))
    return totals


def f1(right: int, predicted: int, gold: int) -> float:
    p, r = (right / predicted if predicted else 0.0), (right / gold if gold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0
