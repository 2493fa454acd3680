"""The strict CoNLL reader and writer of the NER tagger."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from qogam.errors import FormatError, InputError
from qogam.nlp.ner.conll import format_sentences, parse_conll, read_conll, read_labelled


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Абай B-PERSON\nКунанбаев I-PERSON\n", [["Абай", "Кунанбаев"]]),
        ("a O\n\nb O\n", [["a"], ["b"]]),
        ("a O\n   \nb O\n", [["a"], ["b"]]),  # a line of only white space ends a sentence
        ("a\tNN\tO\nb\n", [["a", "b"]]),  # other columns ignored, a lone token is fine
        ("\n\na O\n\n\n\nb O\n\n", [["a"], ["b"]]),
        ("a O\r\nb O\r\n\r\nc O", [["a", "b"], ["c"]]),
        # Only \n ends a line; U+2028 and U+0085 are white space between columns, not line ends.
        ("a\u2028b O\nc\x85 O\n", [["a", "c"]]),
    ],
)
def test_parse_tokens(text: str, tokens: list[list[str]]) -> None:
    assert [s.tokens for s in parse_conll(text)] == tokens


def test_labels_are_the_last_column() -> None:
    (sentence,) = parse_conll("Астана NNP B-GPE\nқаласы O\nда\n")
    assert sentence.labels == ["B-GPE", "O", None]
    assert sentence.line == 1


@pytest.mark.parametrize("line", ["\tB-PERSON", "  O", " \u00a0B-GPE"])
def test_line_without_token_names_file_and_line(line: str) -> None:
    with pytest.raises(FormatError, match=r"^f\.conll:3: no token"):
        parse_conll(f"a O\nb O\n{line}\n", "f.conll")


def test_read_conll_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.conll"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_conll(empty)
    latin1 = tmp_path / "latin1.conll"
    latin1.write_bytes("caf\u00e9 O\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_conll(latin1)
    with pytest.raises(InputError, match="no such file"):
        read_conll(tmp_path / "missing.conll")


def test_read_conll_from_stdin() -> None:
    sentences = read_conll("-", io.BytesIO("Абай O\n\nа O\n".encode()))
    assert [s.tokens for s in sentences] == [["Абай"], ["а"]]


@pytest.mark.parametrize("bad", ["a\n", "a X-PER\n", "a B-\n"])
def test_read_labelled_wants_iob2(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("b O\n" + bad, encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.conll:2: expected 'token LABEL'"):
        read_labelled(path)


def test_format_round_trip() -> None:
    sentences = [(["Абай", "ақын", "."], ["B-PERSON", "O", "O"]), (["Иә"], ["O"])]
    text = "".join(format_sentences(sentences))
    assert text == "Абай\tB-PERSON\nақын\tO\n.\tO\n\nИә\tO\n"
    assert [(s.tokens, s.labels) for s in parse_conll(text)] == sentences
