"""Exact-match scoring of IOB2 entity spans: precision, recall and F1, overall and per label.

Spans are read the way conlleval reads them: an ``I-X`` that does not continue an entity of
type X (after O, after another type, at the start of a sentence) starts a new entity, so a
tagger is not rewarded for broken spans nor given credit it did not earn.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def iob_spans(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """Return the entities of one sentence's IOB2 labels as ``(label, start, end)``, end exclusive."""
    spans: list[tuple[str, int, int]] = []
    kind: str | None = None
    start = 0
    for i, label in enumerate(labels):
        if label.startswith("I-") and kind == label[2:]:
            continue
        if kind is not None:
            spans.append((kind, start, i))
            kind = None
        if label.startswith(("B-", "I-")):
            kind, start = label[2:], i
    if kind is not None:
        spans.append((kind, start, len(labels)))
    return spans


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Counts and scores of one label (or of all together): true positives, predicted, gold."""

    label: str
    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Return correct / predicted, 0.0 when nothing was predicted."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Return correct / gold, 0.0 when there is no gold entity."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall, 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    """The overall score and one :class:`LabelScore` per label seen in gold or predictions."""

    overall: LabelScore
    labels: dict[str, LabelScore] = field(default_factory=dict)

    def as_dict(self, digits: int = 2) -> dict[str, dict[str, float | int]]:
        """Return {"overall"|label: {"p", "r", "f1" in percent, "gold", "predicted"}}."""

        def row(s: LabelScore) -> dict[str, float | int]:
            return {
                "p": round(100 * s.precision, digits),
                "r": round(100 * s.recall, digits),
                "f1": round(100 * s.f1, digits),
                "gold": s.gold,
                "predicted": s.predicted,
            }

        out = {"overall": row(self.overall)}
        out.update({name: row(s) for name, s in sorted(self.labels.items())})
        return out

    def table(self) -> str:
        """Return a plain-text table: label, precision, recall, F1 (percent), gold and predicted counts."""
        lines = [f"{'label':<15} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
        rows = [self.overall, *(self.labels[k] for k in sorted(self.labels))]
        for s in rows:
            lines.append(
                f"{s.label:<15} {100 * s.precision:6.2f} {100 * s.recall:6.2f} {100 * s.f1:6.2f} {s.gold:6d} {s.predicted:6d}"
            )
        return "\n".join(lines)


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Scores:
    """Return exact-match span scores of ``predicted`` against ``gold`` label sequences.

    Raises :class:`ValueError` when the two differ in number of sentences or a sentence's length.
    """
    correct: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    gold_list, pred_list = list(gold), list(predicted)
    if len(gold_list) != len(pred_list):
        raise ValueError(f"{len(gold_list)} gold sentences but {len(pred_list)} predicted")
    for number, (g, p) in enumerate(zip(gold_list, pred_list)):
        if len(g) != len(p):
            raise ValueError(f"sentence {number}: {len(g)} gold labels but {len(p)} predicted")
        gs, ps = set(iob_spans(g)), set(iob_spans(p))
        for kind, _, _ in gs:
            n_gold[kind] += 1
        for kind, _, _ in ps:
            n_pred[kind] += 1
        for kind, _, _ in gs & ps:
            correct[kind] += 1
    labels = {
        kind: LabelScore(kind, correct[kind], n_pred[kind], n_gold[kind]) for kind in set(n_gold) | set(n_pred)
    }
    overall = LabelScore("overall", sum(correct.values()), sum(n_pred.values()), sum(n_gold.values()))
    return Scores(overall, labels)
