"""The main job of the quick start: the language core and extraction over the sample articles.

For each article it reports the language, the sentences and tokens, the people in the
nominative with the forms seen, the organisations with their type, the posts, the quotes with
their speakers and the places.
"""
from __future__ import annotations

from pathlib import Path
from typing import TextIO

from qogam.errors import InputError
from qogam.ingest.files import read_text
from qogam.nlp.extract import extract
from qogam.nlp.langid import detect_language
from qogam.nlp.tokens import split_sentences


def default_articles_dir() -> Path:
    """Return the bundled ``examples/articles`` of a source checkout.

    Raises :class:`InputError` when qogam runs from an installed wheel without the examples.
    """
    path = Path(__file__).resolve().parents[2] / "examples" / "articles"
    if not path.is_dir():
        raise InputError(f"{path}: sample articles not found; pass a directory of .txt articles")
    return path


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
        found = extract(text, lang=lang.lang)
        out.write("   people (nominative ← forms seen):\n")
        for person in found.persons:
            forms = sorted({m.text for m in person.mentions} - {person.name})
            out.write(f"     {person.name}{'  ← ' + ', '.join(forms) if forms else ''}\n")
        out.write("   organisations:\n")
        for org in found.organizations:
            out.write(f"     {org.name}  [{org.type}]\n")
        out.write("   posts:\n")
        for post in found.posts:
            out.write(f"     {post.person} — {post.role}{', ' + post.organization if post.organization else ''}\n")
        out.write("   quotes:\n")
        for quote in found.quotes:
            text = quote.text if len(quote.text) <= 70 else quote.text[:67] + "…"
            out.write(f"     {quote.speaker or '?'}: «{text}»\n")
        out.write(f"   places: {', '.join(p.name for p in found.places)}\n")
        for warning in found.warnings:
            out.write(f"   note: {warning}\n")
    out.write(f"\n{len(paths)} articles read from {directory}\n")
    return len(paths)
