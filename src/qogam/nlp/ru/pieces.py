"""Bounded pieces of a text for razdel and slovnet, which cost the square of a run they keep
joining ("1-1-1-…", "а. а. а. …"): a long text is cut into stretches at line breaks (else at
spaces), and a word longer than any real one is cut or kept out. A real article is never cut:
its sentences and words are far shorter than the bounds."""
from __future__ import annotations

import re
from collections.abc import Iterator

STRETCH = 20_000
LONGEST_WORD = 200
_WORD = re.compile(r"\S+")
_TOO_LONG = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def stretches(text: str) -> Iterator[tuple[int, str]]:
    """``text`` as ``(offset, piece)`` of at most ``STRETCH`` characters, each cut at the last
    line break of the second half of the piece, else at its last space."""
    start = 0
    while len(text) - start > STRETCH:
        window = text[start:start + STRETCH]
        cut = window.rfind("\n", STRETCH // 2)
        if cut < 0:
            cut = window.rfind(" ", STRETCH // 2)
        cut = cut + 1 if cut >= 0 else STRETCH
        yield start, text[start:start + cut]
        start += cut
    yield start, text[start:]


def words(text: str) -> Iterator[tuple[int, str]]:
    """The words of ``text`` (runs without white space) as ``(offset, word)``, a word longer than
    ``LONGEST_WORD`` in pieces of that length."""
    for word in _WORD.finditer(text):
        base, found = word.start(), word.group()
        for cut in range(0, len(found), LONGEST_WORD):
            yield base + cut, found[cut:cut + LONGEST_WORD]


def without_long_words(text: str) -> Iterator[tuple[int, str]]:
    """``text`` as stretches with no word longer than ``LONGEST_WORD`` (those words left out:
    no name is that long), each at most ``STRETCH`` characters."""
    start = 0
    for long_word in _TOO_LONG.finditer(text):
        for offset, piece in stretches(text[start:long_word.start()]):
            yield start + offset, piece
        start = long_word.end()
    for offset, piece in stretches(text[start:]):
        yield start + offset, piece
