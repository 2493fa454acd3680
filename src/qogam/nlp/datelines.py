"""Datelines: the place, the date and the news agency that open an item.

Agencies open their items with a dateline ("АСТАНА. ҚазАқпарат – …", "АСТАНА, 5 мая.
КАЗИНФОРМ – …", "АЛМАТЫ, 12 октября – Sputnik. …"), and the conventions of the real news sets
count the agency named there as an organisation of type ``media``. This module finds where
that name stands in a text, in either language; the Kazakh and Russian extractors turn the
spans into their own mentions. Text in, character spans out.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Protocol

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_PLACE = rf"[{_UPPER}][^\W\d_]+(?:[ -][{_UPPER}][^\W\d_]+)?"  # "АСТАНА", "НҰР-СҰЛТАН", "Усть-Каменогорск"
_DATE = r"\d{1,2}\s+[^\W\d_]+(?:\s+\d{4})?"  # "5 мая", "12 қазан 2024"
_WORD = r"[^\W_][\w&-]*(?:\.[\w&-]+)*"  # a dot only inside a word ("Tengrinews.kz")
_NAME = rf"{_WORD}(?:[ \t]{_WORD}){{0,2}}"  # up to three words
# "АСТАНА. ҚазАқпарат – …", "Астана, 5 мая. КАЗИНФОРМ – …", "Астана. 27 января. KAZAKHSTAN TODAY - …"
_BEFORE_DASH = re.compile(
    rf"(?m)^[ \t]*{_PLACE}(?:,[ \t]*{_DATE})?\.[ \t]+(?:{_DATE}\.[ \t]+)?(?P<name>{_NAME})[ \t]*[–—-][ \t]"
)
# "АЛМАТЫ, 12 октября – Sputnik. …"
_AFTER_DASH = re.compile(rf"(?m)^[ \t]*{_PLACE},[ \t]*{_DATE}[ \t]*[–—-][ \t]*(?P<name>{_NAME})\.(?=\s|$)")


def dateline_outlets(text: str, known: Collection[str] = ()) -> list[tuple[int, int]]:
    """Character spans (start, end) of the agencies named in datelines at the start of a line.

    A name counts when it is one of ``known`` (lower case) or looks like an agency's: every word
    capitalised, and the name in Latin letters, in capitals, or with a capital inside a word
    ("ҚазАқпарат") — so that "ШЫМКЕНТ. Жастар – …" gives none.
    """
    found: set[tuple[int, int]] = set()
    for pattern in (_BEFORE_DASH, _AFTER_DASH):
        for match in pattern.finditer(text):
            name = match.group("name")
            if _agency_like(name, known):
                found.add((match.start("name"), match.end("name")))
    return sorted(found)


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def dateline_tokens(text: str, tokens: Sequence[_Spanned], known: Collection[str] = ()) -> list[tuple[int, int]]:
    """(first, last) indices of the ``tokens`` of ``text`` (with offsets into it) that a
    dateline's agency (:func:`dateline_outlets`) fills exactly: a name that starts or ends
    inside a token gives none."""
    spans = dateline_outlets(text, known)
    if not spans:
        return []
    first_at = {t.start: i for i, t in enumerate(tokens)}
    last_at = {t.end: i for i, t in enumerate(tokens)}
    return [(first_at[start], last_at[end]) for start, end in spans if start in first_at and end in last_at]


def _agency_like(name: str, known: Collection[str]) -> bool:
    if name.casefold() in known:
        return True
    words = name.split()
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    latin = all(c.isascii() for c in letters)
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    inner_capital = any(c.isupper() for w in words for c in w[1:] if c.isalpha()) and not capitals
    return latin or capitals or inner_capital
