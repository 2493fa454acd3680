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


def _flags(tokens: list[str]) -> list[set[str]]:
    """The gazetteer and multi-word flags the extractor gives each token of one sentence."""
    return [{f for f in feats if f.startswith(("g=", "mw="))} for feats in FeatureExtractor().sentence(tokens)]


# Gazetteer flags of single words: the place list is split by kind (KazNERD labels a river or
# a continent LOCATION, a town GPE), closed word classes mark dates, numbers, measures and
# peoples in any case form, a place + -лық is a demonym, a listed organisation needs a capital.
@pytest.mark.parametrize(
    ("word", "present", "absent"),
    [
        ("Шымкентте", {"g=place"}, {"g=nature", "g=country"}),
        ("Германияның", {"g=country"}, {"g=nature"}),
        ("Африкада", {"g=nature"}, {"g=country"}),
        ("шілденің", {"g=month"}, set()),
        ("сәрсенбіде", {"g=weekday"}, set()),
        ("тәулікке", {"g=unit"}, set()),
        ("қырық", {"g=num"}, set()),
        ("шақырымға", {"g=measure"}, set()),
        ("теңгеден", {"g=currency"}, set()),
        ("пайызға", {"g=percent"}, set()),
        ("жапондар", {"g=people"}, set()),
        ("қарағандылықтарға", {"g=demonym"}, set()),
        ("солтүстікқазақстандық", {"g=demonym"}, set()),
        ("жақсылық", set(), {"g=demonym"}),
        ("Мәжілістің", {"g=orgname"}, set()),
        ("ЮНЕСКО-ның", {"g=orgname"}, set()),
        ("мәжілістің", set(), {"g=orgname"}),  # a meeting, not the chamber
        ("айтты", set(), {"g=month", "g=unit"}),
        ("көлінде", {"g=location"}, set()),
        ("көлікті", set(), {"g=location"}),  # a vehicle, not a lake
        ("тауарлар", set(), {"g=location"}),  # goods, not mountains
        ("жылдардан", {"g=unit"}, set()),
        ("картиналары", {"g=art"}, set()),
    ],
)
def test_gazetteer_flags(word: str, present: set[str], absent: set[str]) -> None:
    (flags,) = _flags([word])
    assert present <= flags and not absent & flags


def test_quoted_name_sees_the_class_of_the_word_after_the_quotes() -> None:
    feats = FeatureExtractor().sentence(["«", "Шағала", "»", "шипажайында"])
    assert "qg=facility" in feats[1]
    assert "g=facility" in feats[3]


def test_multiword_names_are_flagged_begin_inside_end() -> None:
    tokens = ["Қазақстан", "Республикасы", "Білім", "және", "ғылым", "министрлігінің", "өкілі", "Білім", "берді"]
    flags = _flags(tokens)
    assert "mw=country:B" in flags[0] and "mw=country:E" in flags[1]
    assert ["mw=org:B" in flags[2], "mw=org:I" in flags[3], "mw=org:I" in flags[4], "mw=org:E" in flags[5]] == [True] * 4
    # "Білім берді" starts like the ministry but is not it: no partial names.
    assert not any(f.startswith("mw=") for f in flags[6] | flags[7] | flags[8])


def test_lookahead_tells_words_how_far_the_next_head_is_within_the_clause() -> None:
    tokens = ["Ол", ",", "облыс", "әкімінің", "орынбасары", "келді"]
    feats = FeatureExtractor().sentence(tokens)
    ahead = [{f for f in fs if f.startswith("ah=")} for fs in feats]
    # "әкімінің" is itself a post noun (әкім), so "облыс" sees it right after.
    assert ahead[2] == {"ah=p1"} and ahead[3] == {"ah=p1"}
    assert ahead[1] == {"ah=p2"} and ahead[0] == set()  # the comma ends the clause
    assert ahead[4] == set() and ahead[5] == set()  # nothing after the head
