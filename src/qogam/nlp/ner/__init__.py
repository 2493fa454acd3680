"""Kazakh named-entity recognition: a fast CRF tagger with KazNERD labels.

``load_model()`` returns the model that ships in ``qogam.nlp.models/ner-kk`` (loaded once,
from the package files only); see :mod:`qogam.nlp.ner.model` for its methods.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from qogam.nlp.ner.model import EntitySpan, NerModel

__all__ = ["EntitySpan", "NerModel", "default_model_dir", "load_model"]


def default_model_dir() -> Path:
    """Return the directory of the shipped model inside the installed package."""
    return Path(str(resources.files("qogam.nlp.models").joinpath("ner-kk")))


@lru_cache(maxsize=4)
def _load(directory: str) -> NerModel:
    return NerModel.load(directory)


def load_model(directory: str | Path | None = None) -> NerModel:
    """Return the NER model in ``directory`` (default: the shipped one), cached per directory.

    Raises :class:`~qogam.errors.ModelError` when the model is missing or corrupt.
    """
    return _load(str(directory if directory is not None else default_model_dir()))
