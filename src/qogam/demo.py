"""The main job of the quick start: run the language core over the sample articles.

For each article it reports the language, the sentences and tokens found, and the names in it
brought to the nominative. Names are found as runs of capitalised words that do not merely
open a sentence; the named-entity model replaces this once it ships.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from qogam.errors import InputError
from qogam.ingest.files import read_text
from qogam.nlp.kk.lemmatizer import lemmatize_name
from qogam.nlp.langid import detect_language
from qogam.nlp.tokens import Sentence, Token, split_sentences


@dataclass(frozen=True, slots=True)
class NameMention:
    """A capitalised run of words in the text and its nominative form."""

    text: str
    start: int
    end: int
    nominative: str


def default_articles_dir() -> Path:
    """Return the bundled ``examples/articles`` of a source checkout.

    Raises :class:`InputError` when qogam runs from an installed wheel without the examples.
    """
    path = Path(__file__).resolve().parents[2] / "examples" / "articles"
    if not path.is_dir():
        raise InputError(f"{path}: sample articles not found; pass a directory of .txt articles")
    return path


def _is_name_word(tok: Token) -> bool:
    first = tok.norm[:1]
    return tok.kind in ("word", "initials") and first.isupper() and not tok.norm.isupper()


def capitalised_runs(sentence: Sentence) -> Iterator[list[Token]]:
    """Yield runs of capitalised words in ``sentence``; a run that only opens it is skipped.

    All-capital abbreviations (ҚР, ҮЕҰ) end a run: they are organisations, not names.
    """
    run: list[Token] = []
    for tok in sentence.tokens:
        if _is_name_word(tok):
            run.append(tok)
            continue
        if run:
            yield run
            run = []
    if run:
        yield run


def find_names(text: str) -> list[NameMention]:
    """Return every capitalised name-like run of ``text`` with its nominative form."""
    mentions: list[NameMention] = []
    for sentence in split_sentences(text):
        first = sentence.tokens[0] if sentence.tokens else None
        for run in capitalised_runs(sentence):
            if run[0] is first and len(run) == 1:
                continue  # a capital that only opens the sentence says nothing
            start, end = run[0].start, run[-1].end
            surface = text[start:end]
            mentions.append(NameMention(surface, start, end, lemmatize_name(surface)))
    return mentions


def run_demo(directory: Path, out: TextIO) -> int:
    """Print the language-core report of every ``*.txt`` article in ``directory``.

    Returns the number of articles read. Raises :class:`InputError` when there are none.
    """
    paths = sorted(p for p in directory.glob("*.txt") if p.is_file())
    if not paths:
        raise InputError(f"{directory}: no .txt articles found")
    for path in paths:
        _, text = read_text(path)
        lang = detect_language(text)
        sentences = split_sentences(text)
        n_tokens = sum(len(s.tokens) for s in sentences)
        out.write(f"\n== {path.name}\n")
        out.write(f"   language: {lang.lang} ({lang.confidence:.2f}, {lang.method}); ")
        out.write(f"{len(sentences)} sentences, {n_tokens} tokens\n")
        seen: dict[str, list[str]] = {}
        for mention in find_names(text):
            forms = seen.setdefault(mention.nominative, [])
            if mention.text not in forms:
                forms.append(mention.text)
        out.write("   names in the nominative (forms seen):\n")
        for nominative, forms in seen.items():
            others = [f for f in forms if f != nominative]
            suffix = f"  ← {', '.join(others)}" if others else ""
            out.write(f"     {nominative}{suffix}\n")
    out.write(f"\n{len(paths)} articles read from {directory}\n")
    return len(paths)
