"""The Kazakh named-entity tagger: a CRF (python-crfsuite) over cached per-type features.

A model is a directory holding ``model.crfsuite`` (the CRF weights), ``card.json`` (the
feature config it needs, its training data and settings, held-out scores) and a
human-readable ``MODEL_CARD.md``. Loading reads those files only, never the network.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from qogam.errors import ModelError
from qogam.nlp.ner.features import FeatureExtractor
from qogam.nlp.ner.scorer import iob_spans

MODEL_FILE = "model.crfsuite"
CARD_FILE = "card.json"
CARD_MD = "MODEL_CARD.md"


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """One entity found in raw text: its label, original ``[start, end)`` character offsets,
    the text as written and a confidence in [0, 1] (mean marginal probability of its labels)."""

    label: str
    start: int
    end: int
    text: str
    confidence: float


class NerModel:
    """A loaded tagger: IOB2 labels for tokens, entity spans for raw text."""

    def __init__(self, weights: bytes, card: dict[str, Any], directory: Path | None = None) -> None:
        """Build a model from CRF ``weights`` (the bytes of a crfsuite model) and its ``card``.

        Raises :class:`ModelError` when the weights cannot be read or the card's feature
        config is not supported here.
        """
        self.card = card
        self.directory = directory
        self._weights = weights
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(weights)
        except Exception as exc:  # crfsuite raises bare ValueError/IOError on a corrupt file
            raise ModelError(f"cannot read the CRF model{f' in {directory}' if directory else ''}: {exc}") from None
        self.features = FeatureExtractor(card.get("features"))

    @classmethod
    def load(cls, directory: str | Path) -> NerModel:
        """Return the model stored in ``directory``.

        Raises :class:`ModelError` when the directory, its weights or its card are missing or corrupt.
        """
        path = Path(directory)
        try:
            weights = (path / MODEL_FILE).read_bytes()
            card = json.loads((path / CARD_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ModelError(f"{path}: not a NER model directory ({Path(exc.filename).name} is missing)") from None
        except (OSError, json.JSONDecodeError) as exc:
            raise ModelError(f"{path}: cannot read the NER model ({exc})") from None
        return cls(weights, card, path)

    def save(self, directory: str | Path) -> Path:
        """Write the weights, ``card.json`` and ``MODEL_CARD.md`` to ``directory``; return it."""
        from qogam.nlp.ner.card import render_card

        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        tmp = path / (MODEL_FILE + ".tmp")
        tmp.write_bytes(self._weights)
        shutil.move(str(tmp), str(path / MODEL_FILE))
        (path / CARD_FILE).write_text(json.dumps(self.card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (path / CARD_MD).write_text(render_card(self.card), encoding="utf-8")
        return path

    @property
    def labels(self) -> list[str]:
        """Return the IOB2 labels the model can produce."""
        return list(self._tagger.labels())

    def tag_tokens(self, tokens: Sequence[str]) -> list[str]:
        """Return one IOB2 label per token of one sentence (an empty list for no tokens)."""
        if not tokens:
            return []
        return list(self._tagger.tag(self.features.sentence(tokens)))

    def tag_many(self, sentences: Iterable[Sequence[str]]) -> Iterator[list[str]]:
        """Yield the labels of each sentence of ``sentences`` in order."""
        tag = self._tagger.tag
        features = self.features.sentence
        for tokens in sentences:
            yield list(tag(features(tokens))) if tokens else []

    def tag_with_confidence(self, tokens: Sequence[str]) -> list[tuple[str, float]]:
        """Return ``(label, marginal probability of that label)`` for each token of one sentence."""
        if not tokens:
            return []
        tagger = self._tagger
        labels = tagger.tag(self.features.sentence(tokens))
        return [(label, tagger.marginal(label, i)) for i, label in enumerate(labels)]

    def spans(self, text: str) -> list[EntitySpan]:
        """Return the entities of raw ``text`` with original character offsets, in order.

        Text is split into sentences and tokens by :mod:`qogam.nlp.tokens`; the normalised
        token forms are tagged. Never raises for any string.
        """
        from qogam.nlp.tokens import split_sentences

        out: list[EntitySpan] = []
        for sentence in split_sentences(text):
            tokens = sentence.tokens
            tagged = self.tag_with_confidence([t.norm for t in tokens])
            for label, first, last in iob_spans([label for label, _ in tagged]):
                start, end = tokens[first].start, tokens[last - 1].end
                confidence = sum(p for _, p in tagged[first:last]) / (last - first)
                out.append(EntitySpan(label, start, end, text[start:end], round(confidence, 4)))
        return out


def tagged_spans(tokens: Sequence[str], labels: Sequence[str]) -> list[tuple[str, str]]:
    """Return ``(label, text)`` of every entity in one tagged sentence, tokens joined by spaces."""
    return [(kind, " ".join(tokens[a:b])) for kind, a, b in iob_spans(labels)]
