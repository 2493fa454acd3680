"""Reading and writing CoNLL files: one token per line, a blank line between sentences.

The format is kept strict so that a tagger's output lines up with its input token for token:

* the token is the first white-space separated column; other columns (a gold label, a
  part of speech) are kept as the sentence's labels when asked for and otherwise ignored;
* a line that is empty or holds only white space ends a sentence;
* a line that starts with white space but holds text has an empty first column, that is a
  line with no token ("\\tB-PERSON"): a :class:`~qogam.errors.FormatError` naming file:line,
  because guessing would shift every label after it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from qogam.errors import FormatError


@dataclass(frozen=True, slots=True)
class ConllSentence:
    """One sentence: its tokens, the last column of each line (``None`` when absent), the line of its first token."""

    tokens: list[str]
    labels: list[str | None]
    line: int


def parse_conll(text: str, name: str = "<input>") -> list[ConllSentence]:
    """Return the sentences of CoNLL ``text`` in order (empty sentences are never returned).

    Raises :class:`FormatError` with ``name:line`` for a line with no token (text after
    leading white space).
    """
    sentences: list[ConllSentence] = []
    tokens: list[str] = []
    labels: list[str | None] = []
    first = 0
    # Lines end at "\n" only: str.splitlines() would also cut at U+2028, U+0085 and other
    # separators that may sit inside a token, and shift every label after it.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line or line.isspace():
            if tokens:
                sentences.append(ConllSentence(tokens, labels, first))
                tokens, labels = [], []
            continue
        if line[0].isspace():
            raise FormatError(f"{name}:{number}: no token (the line starts with white space; expected 'token [columns…]')")
        columns = line.split()
        if not tokens:
            first = number
        tokens.append(columns[0])
        labels.append(columns[-1] if len(columns) > 1 else None)
    if tokens:
        sentences.append(ConllSentence(tokens, labels, first))
    return sentences


def read_conll(source: str | Path, stdin: BinaryIO | None = None) -> list[ConllSentence]:
    """Return the sentences of CoNLL file ``source`` ("-" for standard input).

    Raises :class:`~qogam.errors.InputError` for a missing, empty, binary or non-UTF-8
    input and :class:`FormatError` for a line with no token or a file without tokens.
    """
    from qogam.ingest.files import read_text

    name, text = read_text(source, stdin)
    sentences = parse_conll(text, name)
    if not sentences:
        raise FormatError(f"{name}: no tokens found")
    return sentences


def read_labelled(source: str | Path) -> list[tuple[list[str], list[str]]]:
    """Return ``(tokens, labels)`` of every sentence of a labelled CoNLL file.

    Raises :class:`FormatError` naming file:line when a token has no label column or a
    label is not O, B-X or I-X; input errors as :func:`read_conll`.
    """
    out: list[tuple[list[str], list[str]]] = []
    for sentence in read_conll(source):
        labels: list[str] = []
        for offset, label in enumerate(sentence.labels):
            if label is None or not (label == "O" or label[:2] in ("B-", "I-") and len(label) > 2):
                raise FormatError(
                    f"{source}:{sentence.line + offset}: expected 'token LABEL' with an IOB2 label, got {label!r}"
                )
            labels.append(label)
        out.append((sentence.tokens, labels))
    return out


def format_sentences(sentences: Iterable[tuple[list[str], list[str]]]) -> Iterator[str]:
    """Yield CoNLL text chunks: ``token<TAB>LABEL`` lines, a blank line between sentences."""
    first = True
    for tokens, labels in sentences:
        if not first:
            yield "\n"
        first = False
        yield "".join(f"{token}\t{label}\n" for token, label in zip(tokens, labels))


def write_conll(sentences: Iterable[tuple[list[str], list[str]]], out: TextIO) -> None:
    """Write ``(tokens, labels)`` sentences to ``out`` in CoNLL form (see :func:`format_sentences`)."""
    for chunk in format_sentences(sentences):
        out.write(chunk)
