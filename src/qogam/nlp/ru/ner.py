"""natasha's Russian named-entity model (slovnet with navec embeddings), loaded offline.

The model files ship inside the ``natasha`` wheel (``natasha/data``). natasha itself is never
imported: its package imports pymorphy2, which fails with setuptools ≥ 82; slovnet and navec
read the files directly, found through the import system without running natasha's code.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from qogam.errors import ModelError

EMBEDDING = ("emb", "navec_news_v1_1B_250K_300d_100q.tar")
NER_MODEL = ("model", "slovnet_ner_news_v1.tar")


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A named entity: PER, ORG or LOC over characters ``start``–``end`` of the text."""

    label: str
    start: int
    end: int


def data_dir() -> Path:
    """The folder of natasha's model files; :class:`ModelError` when natasha is not installed."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("natasha is not installed: pip install natasha (its models ship in the wheel)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@lru_cache(maxsize=1)
def tagger() -> Any:
    """The loaded slovnet NER tagger (once per process); :class:`ModelError` when it cannot load."""
    base = data_dir()
    try:
        from navec import Navec
        from slovnet import NER

        embedding = Navec.load(str(base.joinpath(*EMBEDDING)))
        model = NER.load(str(base.joinpath(*NER_MODEL)))
    except (ImportError, OSError, ValueError) as exc:
        raise ModelError(f"the Russian NER model cannot load: {exc}") from None
    model.navec(embedding)
    return model


def entities(text: str) -> list[NerSpan]:
    """The PER, ORG and LOC spans of ``text``, in text order. The tagger reads bounded pieces
    (:func:`qogam.nlp.ru.pieces.without_long_words`: a real article is one piece), since its
    razdel tokeniser costs the square of a run it keeps joining."""
    from qogam.nlp.ru.pieces import without_long_words

    found: list[NerSpan] = []
    for offset, piece in without_long_words(text):
        if piece.strip():
            found += [NerSpan(span.type, offset + span.start, offset + span.stop) for span in tagger()(piece).spans]
    return found
