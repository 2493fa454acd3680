"""The CRF features: Kazakh suffix stripping and shapes as tables, and the per-type cache."""
from __future__ import annotations

import pytest

from qogam.errors import ModelError
from qogam.nlp.ner.features import FeatureExtractor, suffix_stem, word_shape


# The stripper is a crude feature key, not a lemmatiser: it may cut too much ("облы" +
# "сының"); the prefix features (p3–p5) cover what it misses. Lemmas come from
# qogam.nlp.kk.morphology, which did not do better as a feature (see the model card).
@pytest.mark.parametrize(
    ("word", "stem", "ending"),
    [
        ("облысының", "облы", "сының"),  # possessive + genitive, over-cut
        ("облысқа", "облыс", "қа"),
        ("бірлестігінің", "бірлестіг", "інің"),
        ("шымкентте", "шымкент", "те"),  # locative after a voiceless consonant
        ("алматыда", "алма", "тыда"),  # over-cut: "ты" is also an accusative
        ("тоқаевтың", "тоқаев", "тың"),
        ("мен", "мен", ""),  # never below three letters
        ("абай", "абай", ""),
    ],
)
def test_suffix_stem(word: str, stem: str, ending: str) -> None:
    assert suffix_stem(word) == (stem, ending)


@pytest.mark.parametrize(
    ("word", "shape"),
    [
        ("Жанболат", "Xx"),
        ("ЖШС", "X"),
        ("И.Намазбаева", "X.Xx"),
        ("2024-жылы", "d-x"),
        ("«", "«"),
        ("Қасым-Жомарт", "Xx-Xx"),
        ("%", "o"),
        ("COVID-19", "X-d"),
    ],
)
def test_word_shape(word: str, shape: str) -> None:
    assert word_shape(word) == shape


def test_cache_gives_the_same_features_as_fresh_extraction() -> None:
    tokens = ["«", "Жайылма", "»", "қоғамдық", "бірлестігінің", "төрағасы", "Жанболат", "Сүйінбаев", "."]
    cached = FeatureExtractor()
    first = cached.sentence(tokens)
    again = cached.sentence(tokens)
    assert first == again and first is not again
    fresh = FeatureExtractor().sentence(tokens)
    assert fresh == first
    # Appending per-sentence features never leaks into the cache.
    assert cached.sentence(["Жайылма"]) == FeatureExtractor().sentence(["Жайылма"])


def test_sentence_start_capital_is_separate_evidence() -> None:
    extractor = FeatureExtractor()
    start, middle = extractor.sentence(["Ол", "Ол"])
    assert "0title" in start and "title" not in start
    assert "title" in middle and "0title" not in middle
    assert "-1:w=<s>" in start and "1:w=</s>" in middle


def test_quote_context_and_initials() -> None:
    feats = FeatureExtractor().sentence(["«", "Жайылма", "»", "қоғамдық", "бірлестігі"])
    assert {"inq", "qa=қоғамдық", "qfirst", "qlast"} <= set(feats[1])
    (initials,) = FeatureExtractor().sentence(["Д.Рахымовтан"])
    assert "initials" in initials and "st=рахымов" in initials


def test_empty_sentence_and_unknown_version() -> None:
    assert FeatureExtractor().sentence([]) == []
    with pytest.raises(ModelError, match="feature version"):
        FeatureExtractor({"version": 1})
    with pytest.raises(ModelError, match="window"):
        FeatureExtractor({"window": 3})
