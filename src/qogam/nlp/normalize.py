"""Normalisation of Kazakh and Russian text that never changes meaning, with a map back.

What it does, in order:

* Unicode NFC (a decomposed "и" + combining breve becomes "й");
* zero-width characters, soft hyphens and the BOM are dropped;
* exotic spaces (no-break, thin, …) become a plain space;
* inside a word that has at least one Cyrillic letter, Latin and other look-alike letters become
  the Kazakh Cyrillic letter they imitate ("Aлматы" with a Latin A, "Бiрлестiгi" with Latin i,
  "əкім" with a Latin schwa);
* quotation marks and dashes are unified for matching: every opening quote becomes «, every
  closing one », every dash (and a hyphen standing alone between spaces) becomes —,
  typographic apostrophes become '.

The result keeps, for every character, the offset of the character of the original text it
came from, so that spans found in the normalised text are reported in original offsets.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from qogam.nlp.kk.alphabet import CYRILLIC_LOOKALIKES, is_cyrillic

_DROP_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# One-to-one replacements; they keep offsets as they are.
_TRANSLATE = str.maketrans(
    {
        **{ch: " " for ch in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"},
        **{ch: "«" for ch in "„‚‹"},
        **{ch: "»" for ch in "‛›"},
        # “ and ” open in English style (“…”) but “ closes in German style („…“): both are
        # decided like a straight quote, by what stands before them
        **{ch: '"' for ch in "“”"},
        **{ch: "—" for ch in "‒–―−"},
        **{ch: "'" for ch in "’ʼ`´ʻ"},
    }
)
# A straight quote opens when nothing but space or an opening bracket stands before it.
_OPENING_STRAIGHT_QUOTE_RE = re.compile('(?:(?<=^)|(?<=[\\s(\\[{«—]))"')
_SPACED_HYPHEN_RE = re.compile(r"(?<= )-(?= )")
_LOOKALIKE_CHAR_RE = re.compile("[" + re.escape("".join(CYRILLIC_LOOKALIKES)) + "]")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised text and the way back to the original.

    ``starts[i]`` and ``ends[i]`` delimit the characters of ``original`` that ``text[i]`` came
    from (more than one when NFC composed a cluster). Both are ``None`` when nothing was
    composed or removed, so that offsets are the same in both texts.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original ``(start, end)`` of the normalised span ``[start, end)``."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def to_normalized(self, index: int) -> int:
        """Return the normalised offset of original offset ``index`` (the first at or after it)."""
        if self.starts is None:
            return index
        return bisect_left(self.starts, index)


def _nfc_with_offsets(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFC-normalise ``text``; also return per-character original spans when anything composed."""
    if unicodedata.is_normalized("NFC", text):
        return text, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    # Compose one cluster (a base character and its combining marks) at a time so that every
    # output character can be traced to the cluster it came from.
    start = 0
    n = len(text)
    while start < n:
        end = start + 1
        while end < n and unicodedata.combining(text[end]):
            end += 1
        piece = unicodedata.normalize("NFC", text[start:end])
        out.append(piece)
        if len(piece) == end - start:
            starts.extend(range(start, end))
            ends.extend(range(start + 1, end + 1))
        else:
            starts.extend([start] * len(piece))
            ends.extend([end] * len(piece))
        start = end
    return "".join(out), starts, ends


def _fix_lookalikes(text: str) -> str:
    """Map look-alike letters to Kazakh Cyrillic inside the words that hold a Cyrillic letter.

    Only the words around a look-alike letter are looked at, so Kazakh text with a few Latin
    words costs little.
    """
    chars: list[str] | None = None
    done_until = 0
    n = len(text)
    for match in _LOOKALIKE_CHAR_RE.finditer(text):
        pos = match.start()
        if pos < done_until:
            continue
        start = pos
        while start > 0 and _is_word_char(text[start - 1]):
            start -= 1
        end = pos + 1
        while end < n and _is_word_char(text[end]):
            end += 1
        done_until = end
        word = text[start:end]
        if word.isascii() or not any(is_cyrillic(ch) for ch in word):
            continue
        if chars is None:
            chars = list(text)
        chars[start:end] = word.translate(_LOOKALIKE_TABLE)
    return text if chars is None else "".join(chars)


def _is_word_char(ch: str) -> bool:
    return ch.isalpha()


_LOOKALIKE_TABLE = str.maketrans(CYRILLIC_LOOKALIKES)


def normalize(text: str) -> NormalizedText:
    """Return the normalised form of ``text`` with a map back to original offsets.

    Never raises; an empty string gives an empty result.
    """
    nfc, starts, ends = _nfc_with_offsets(text)
    # Every step but the last keeps the length, so offsets change only in NFC and dropping.
    out = nfc.translate(_TRANSLATE)
    if '"' in out:
        out = _OPENING_STRAIGHT_QUOTE_RE.sub("«", out).replace('"', "»")
    if " - " in out:
        out = _SPACED_HYPHEN_RE.sub("—", out)
    if _LOOKALIKE_CHAR_RE.search(out):
        out = _fix_lookalikes(out)
    if not _DROP_RE.search(out):
        if starts is None:
            return NormalizedText(text, out)
        return NormalizedText(text, out, tuple(starts), tuple(ends or ()))
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    pieces: list[str] = []
    for i, ch in enumerate(out):
        if _DROP_RE.match(ch):
            continue
        pieces.append(ch)
        kept_starts.append(starts[i] if starts is not None else i)
        kept_ends.append(ends[i] if ends is not None else i + 1)
    return NormalizedText(text, "".join(pieces), tuple(kept_starts), tuple(kept_ends))


_SPLIT_RE = re.compile(r"\s+")


def fold_case(text: str) -> str:
    """Return ``text`` normalised and lower-cased for matching (keys, gazetteers, lexicons)."""
    return _SPLIT_RE.sub(" ", normalize(text).text.strip()).lower()
