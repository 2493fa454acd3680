"""Scoring an extraction against a gold file: precision, recall and F1 per kind of fact.

The comparison is the one the held-out evaluation describes: persons by name, organisations
by name, posts by (person, role, organisation), quotes by (speaker, text). Strings are
compared after normalisation (look-alike letters, quotes, case, spacing), so that a gold file
written with typographic quotes matches an extraction in « ».
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qogam.nlp.normalize import fold_case

KINDS = ("persons", "organizations", "posts", "quotes")


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives, self.predicted + other.predicted, self.gold + other.gold
        )


def _key(value: Any) -> str:
    return fold_case(value) if isinstance(value, str) else ""


def fact_keys(doc: dict[str, Any], kind: str) -> set[tuple[str, ...]]:
    """The comparable keys of the facts of one ``kind`` in an extraction or gold document."""
    items = doc.get(kind) or []
    if kind == "persons":
        return {(_key(p["name"]),) for p in items}
    if kind == "organizations":
        return {(_key(o["name"]),) for o in items}
    if kind == "posts":
        return {(_key(p["person"]), _key(p["role"]), _key(p.get("organization"))) for p in items}
    if kind == "quotes":
        return {(_key(q.get("speaker")), _key(q["text"])) for q in items}
    raise ValueError(f"unknown kind of fact: {kind}")


def score(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, Score]:
    """Return a :class:`Score` per kind of fact (``KINDS``) of ``predicted`` against ``gold``."""
    out: dict[str, Score] = {}
    for kind in KINDS:
        p, g = fact_keys(predicted, kind), fact_keys(gold, kind)
        out[kind] = Score(len(p & g), len(p), len(g))
    return out


def differences(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """Return, per kind, the facts that are ``missing`` from the prediction and ``extra`` in it."""
    out: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for kind in KINDS:
        p, g = fact_keys(predicted, kind), fact_keys(gold, kind)
        out[kind] = {"missing": sorted(g - p), "extra": sorted(p - g)}
    return out
