"""The Russian document's sentences and tokens: razdel's, read in bounded pieces, so that a
run razdel keeps joining costs linear time; a real text is cut exactly as razdel cuts it."""
from __future__ import annotations

import pytest

from qogam.nlp.ru.document import RuDocument
from qogam.nlp.ru.pieces import LONGEST_WORD, STRETCH, stretches, without_long_words, words


def test_a_real_text_is_cut_as_razdel_cuts_it() -> None:
    from razdel import sentenize, tokenize

    text = ("Председатель ОО «Жастар» А. Турсынова открыла встречу. Заместитель акима г. Шымкента, "
            "Б.Иванов, сказал: «Мы поддерживаем НПО!» Встреча прошла 12.03.2024 в 10:00.")
    doc = RuDocument.from_text(text)
    assert [(t.start, t.end) for t in doc.tokens] == [(t.start, t.stop) for t in tokenize(text)]
    assert [(s.start, s.end) for s in doc.sentences] == [(s.start, s.stop) for s in sentenize(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("а б", [(0, "а"), (2, "б")]),
    ("x" * (LONGEST_WORD + 5), [(0, "x" * LONGEST_WORD), (LONGEST_WORD, "x" * 5)]),
    ("  в\tг\n", [(2, "в"), (4, "г")]),
])
def test_words(text: str, expected: list[tuple[int, str]]) -> None:
    assert list(words(text)) == expected


def test_stretches_cut_at_a_line_break_and_cover_the_text() -> None:
    text = ("слово " * 3000 + "\n") * 3
    pieces = list(stretches(text))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= STRETCH for _, piece in pieces)
    assert all(piece.endswith("\n") for _, piece in pieces[:-1])
    assert [offset for offset, _ in pieces] == [0, len(pieces[0][1]), len(pieces[0][1]) + len(pieces[1][1])]


def test_long_words_are_left_out_of_the_tagger_pieces() -> None:
    text = "Иван Петров " + "1-" * 500 + " Мария Иванова"
    pieces = list(without_long_words(text))
    assert [(offset, piece) for offset, piece in pieces] == [(0, "Иван Петров "), (1012, " Мария Иванова")]
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)


def test_offsets_survive_the_pieces() -> None:
    text = "1-" * 3000 + " Иван Петров сказал. " + "а. " * 9000
    doc = RuDocument.from_text(text)
    assert all(text[t.start:t.end] == t.text for t in doc.tokens)
    assert any(t.text == "Петров" for t in doc.tokens)
