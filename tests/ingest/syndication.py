"""Syndicated copies made from real news, for measuring near-duplicate detection: the edits an
outlet makes when it reprints a story, and pairs of different stories that must stay apart.

Shared by ``tests/ingest/test_near_duplicates.py`` and ``benchmarks/near_duplicates.py``.
"""
from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
DATELINES = {"kk": "ШЫМКЕНТ. ҚазАқпарат – ", "ru": "АСТАНА. КАЗИНФОРМ – "}


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def copies(text: str, lang: str) -> dict[str, str]:
    """The edits of a reprint: a new headline, a dateline, the last fifth cut, a word changed in
    every third sentence (a date, a number, a spelling), and all of them at once."""
    parts = sentences(text)
    keep = max(1, len(parts) - max(1, len(parts) // 5))
    headline = ("Өңірде маңызды жиын өтті" if lang == "kk" else "В регионе прошла важная встреча") + "\n"
    reworded = []
    for i, sentence in enumerate(parts):
        words = sentence.split()
        if i % 3 == 1 and len(words) > 4:
            words[len(words) // 2] = "өзгертілген" if lang == "kk" else "изменённое"
        reworded.append(" ".join(words))
    return {
        "headline": headline + text,
        "dateline": DATELINES[lang] + text,
        "cut": " ".join(parts[:keep]),
        "reworded": " ".join(reworded),
        "all": headline + DATELINES[lang] + " ".join(reworded[:keep]),
    }
