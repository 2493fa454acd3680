"""Properties of the text core, the name keys and extraction on any string (hypothesis).

Normalisation: idempotent, NFC, no combining mark or zero-width character left, each output
character mapped to a non-empty original span that it comes from. Tokens and sentences: their
offsets slice to their text, in order, never overlapping; a token's ``norm`` is the
normalisation of its text (punctuation whose form depends on its neighbours — a straight quote,
a spaced hyphen — may take the form its place gives it). Name keys and extraction never raise,
and every span extraction reports slices to its text.

The cases hypothesis found, and the issue's, are pinned with ``@example``. A longer run is
``benchmarks/fuzz.py``.
"""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qogam.nlp.kk.alphabet import CYRILLIC_LOOKALIKES
from qogam.nlp.normalize import _DROPPED, _TRANSLATE, normalize
from qogam.nlp.tokens import split_sentences, tokenize

# Letters of the region's texts, the characters that broke the text core, and everything else.
KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
TRICKY = ("\u0306\u0301\u0308\u0344\u00ad\u200b\u200d\ufeff\ufb1d\u1161\u11a8\u0dcf\u212b«»\"“”„'’-–—.,:;!?()@/"
          "\n\r\t aeioucAEOPCHKMTXio1234567890")
texts = st.text(alphabet=st.sampled_from(KAZAKH + TRICKY), max_size=80) | st.text(max_size=40)
CONTEXTUAL = {'"': "«»", "“": "«»", "”": "«»", "-": "—"}  # what a mark may become from its neighbours
MARKS = "«»—"


def _context_free(piece: str) -> set[str]:
    """What each character of ``piece`` may become, whatever stands around it."""
    out = set()
    for ch in piece:
        plain = ch.translate(_TRANSLATE)
        out |= {ch, plain, ch.translate(str.maketrans(CYRILLIC_LOOKALIKES)), *CONTEXTUAL.get(ch, ""),
                *CONTEXTUAL.get(plain, "")}
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("а\u00ada")
@example("аο\u0344")
@example("a\u0344")
@example("\ufb1d")
@example("и\u0306\u0301Алдарыңызда")
@example("Біз \ud800 бардық")
@example("\u1100\u1161\u11a8")
def test_normalisation(text: str) -> None:
    norm = normalize(text)
    out = norm.text
    assert normalize(out).text == out  # idempotent
    assert unicodedata.is_normalized("NFC", out)
    assert not any(unicodedata.combining(ch) or ch in _DROPPED or "\ud800" <= ch <= "\udfff" for ch in out)
    starts, ends = norm.starts, norm.ends
    if starts is None or ends is None:
        assert len(out) == len(text)
        starts, ends = tuple(range(len(out))), tuple(range(1, len(out) + 1))
    assert len(starts) == len(ends) == len(out)
    for i, ch in enumerate(out):
        assert 0 <= starts[i] < ends[i] <= len(text)
        assert i == 0 or starts[i] >= starts[i - 1]
        piece = unicodedata.normalize("NFC", text[starts[i]:ends[i]])
        assert ch in _context_free(piece), (i, ch, piece)  # it comes from the characters it points at


@settings(max_examples=300, deadline=None)
@given(texts)
@example("и\u0306\u0301Алдарыңызда")
@example("\ufb1d")
@example("и\u0306\u0301")
@example("1-" * 40 + "a@b.kz www.a.kz/x.")
def test_tokens_and_sentences(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for token in tokens:
        assert text[token.start:token.end] == token.text and token.start < token.end
        assert token.start >= previous_end  # in order, never overlapping
        previous_end = token.end
        expected = normalize(token.text).text
        if token.kind != "punct":
            assert token.norm == expected, token
        else:
            assert token.norm == expected or token.norm in MARKS, token
    sentence_tokens = []
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text and sentence.start >= previous_end
        assert all(sentence.start <= t.start and t.end <= sentence.end for t in sentence.tokens)
        previous_end = sentence.end
        sentence_tokens.extend(sentence.tokens)
    assert sentence_tokens == tokens


@settings(max_examples=200, deadline=None)
@given(texts)
@example("\U0001dab0ヽ")  # ICU cannot convert it to ASCII (found by benchmarks/fuzz.py)
def test_name_keys_never_raise_and_are_stable(text: str) -> None:
    from qogam.nlp.name_keys import organization_key, person_key
    from qogam.nlp.name_match import compare

    for key in (person_key, organization_key):
        first = key(text)
        assert first == key(text)
        assert isinstance(first, str)
    assert 0.0 <= compare(text, "Инара Намазбаева") <= 1.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["kk", "ru", "auto"]))
@example("и\u0306\u0301Алдарыңызда", "kk")
@example("«" * 300, "kk")
def test_extraction_never_raises_and_its_spans_slice(text: str, lang: str) -> None:
    from qogam.nlp.extract import extract

    found = extract(text, lang=lang, use_model=False).to_json()
    for kind in ("persons", "organizations", "places"):
        for item in found[kind]:
            for mention in item["mentions"]:
                assert text[mention["start"]:mention["end"]] == mention["text"]
    for post in found["posts"]:
        assert text[post["mention"]["start"]:post["mention"]["end"]] == post["mention"]["text"]
    for quote in found["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
