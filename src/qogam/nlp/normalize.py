"""Normalisation of Kazakh and Russian text that never changes meaning, with a map back.

What it does, in order:

* Unicode NFC (a decomposed "и" + combining breve becomes "й"), and then the combining marks
  that did not compose (a stress mark "а́") are dropped;
* zero-width characters, soft hyphens (and "¬", one in the wrong code page) and the BOM are
  dropped; a lone surrogate becomes U+FFFD;
* exotic spaces (no-break, thin, …) become a plain space;
* inside a word that has at least one Cyrillic letter, Latin and other look-alike letters become
  the Kazakh Cyrillic letter they imitate ("Aлматы" with a Latin A, "Бiрлестiгi" with Latin i,
  "əкім" with a Latin schwa, "Ќазаќстан" from the KZ-1048 code page read as Windows-1251);
* quotation marks and dashes are unified for matching: every opening quote becomes «, every
  closing one », every dash (and a hyphen standing alone between spaces) becomes —,
  typographic apostrophes become '; guillemets typed as "<<" and ">>" become "« " and " »"
  (a space keeps the length).

The result keeps, for every character, the offset of the character of the original text it
came from, so that spans found in the normalised text are reported in original offsets.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from qogam.nlp.kk.alphabet import CYRILLIC_LOOKALIKES, is_cyrillic

# "¬" (U+00AC) is a soft hyphen that went through the wrong code page ("Са¬паров").
_DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u00ac")
# One-to-one replacements; they keep offsets as they are.
_TRANSLATE = str.maketrans(
    {
        **{ch: " " for ch in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"},
        **{ch: "«" for ch in "„‚‹≪"},
        **{ch: "»" for ch in "‛›≫"},
        # “ and ” open in English style (“…”) but “ closes in German style („…“): both are
        # decided like a straight quote, by what stands before them
        **{ch: '"' for ch in "“”"},
        **{ch: "—" for ch in "‒–―−"},
        **{ch: "'" for ch in "’ʼ`´ʻ"},
        **{chr(cp): "\ufffd" for cp in range(0xD800, 0xE000)},  # a lone surrogate cannot be written out
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


@lru_cache(maxsize=1)
def _unstable() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns of what the map must be rebuilt for, and of the runs to rebuild.

    Unstable characters: combining marks (``unicodedata.combining`` > 0, dropped after NFC),
    the characters NFC changes, those NFC may compose with the character before them (the
    second half of a canonical pair, Hangul vowels and finals), and the dropped ones. A run to
    rebuild is one unstable stretch with the character before it (the base marks attach to).
    Built once, from the Unicode database of this Python (about 0.1 s).
    """
    codes: set[int] = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo
    for cp in range(0x30000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if unicodedata.combining(ch) or unicodedata.normalize("NFC", ch) != ch:
            codes.add(cp)
        decomposition = unicodedata.decomposition(ch)
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            codes.add(int(decomposition.split()[1], 16))
    codes |= {ord(ch) for ch in _DROPPED}
    ranges, run = [], [min(codes), min(codes)]
    for cp in sorted(codes)[1:]:
        if cp == run[1] + 1:
            run[1] = cp
        else:
            ranges.append(run)
            run = [cp, cp]
    ranges.append(run)
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{cls}]"), re.compile(f"[^{cls}]?[{cls}]+", re.DOTALL)


def _rebuilt(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """``text`` in NFC without combining marks and dropped characters, with the original span
    of every output character; ``None`` maps when nothing needed rebuilding (the common case).

    Linear: only the unstable runs (a base and its marks, a dropped character) are rebuilt,
    the stretches between them are copied with their offsets.
    """
    unstable, runs = _unstable()
    if unicodedata.is_normalized("NFC", text) and not unstable.search(text):
        return text, None, None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for run in runs.finditer(text):
        a, b = run.span()
        pieces.append(text[pos:a])
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        chunk = run.group()
        composed = unicodedata.normalize("NFC", chunk)
        if composed == chunk:  # nothing composes: keep each character at its place, marks widen it
            for i, ch in enumerate(chunk):
                if ch in _DROPPED or unicodedata.combining(ch):
                    if ends and ends[-1] == a + i and ch not in _DROPPED:
                        ends[-1] = a + i + 1
                    continue
                pieces.append(ch)
                starts.append(a + i)
                ends.append(a + i + 1)
        else:
            _composed(chunk, a, composed, pieces, starts, ends)
        pos = b
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends


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


def _composed(chunk: str, a: int, composed: str, pieces: list[str], starts: list[int], ends: list[int]) -> None:
    """Append the composed run ``chunk`` (at original offset ``a``) without its marks: each
    output character mapped to the cluster (a starter and its marks) it comes from, or, where
    NFC joined starters (Hangul syllables), to the whole run."""
    clusters: list[tuple[int, int]] = []
    for i, ch in enumerate(chunk):
        if not clusters or not unicodedata.combining(ch):
            clusters.append((i, i + 1))
        else:
            clusters[-1] = (clusters[-1][0], i + 1)
    parts = [unicodedata.normalize("NFC", chunk[i:j]) for i, j in clusters]
    if "".join(parts) != composed:
        parts, clusters = [composed], [(0, len(chunk))]
    for part, (i, j) in zip(parts, clusters):
        kept = [ch for ch in part if ch not in _DROPPED and not unicodedata.combining(ch)]
        for k, ch in enumerate(kept):  # one character a cluster, but for a few expansions
            first = a + i + min(k, j - i - 1)
            pieces.append(ch)
            starts.append(first)
            ends.append(a + j if k == len(kept) - 1 else first + 1)


def normalize(text: str) -> NormalizedText:
    """Return the normalised form of ``text`` with a map back to original offsets.

    Never raises; an empty string gives an empty result. The result is in NFC, holds no
    combining mark, zero-width character or lone surrogate (which becomes U+FFFD), and
    normalising it again changes nothing.
    """
    rebuilt, starts, ends = _rebuilt(text)
    # Every step below keeps the length, so offsets change only in the rebuilding.
    out = rebuilt.translate(_TRANSLATE)
    if '"' in out:
        out = _OPENING_STRAIGHT_QUOTE_RE.sub("«", out).replace('"', "»")
    if "<<" in out or ">>" in out:
        out = out.replace("<<", "« ").replace(">>", " »")
    if " - " in out:
        out = _SPACED_HYPHEN_RE.sub("—", out)
    if _LOOKALIKE_CHAR_RE.search(out):
        out = _fix_lookalikes(out)
    if starts is None:
        return NormalizedText(text, out)
    return NormalizedText(text, out, tuple(starts), tuple(ends or ()))


_SPLIT_RE = re.compile(r"\s+")


def without_invisible(word: str) -> str:
    """``word`` without the characters normalisation drops (soft hyphens, "¬", zero-width
    characters): for readers that keep the original text and its offsets (Russian tokens)."""
    if not any(ch in _DROPPED for ch in word):
        return word
    return "".join(ch for ch in word if ch not in _DROPPED) or word


def fold_case(text: str) -> str:
    """Return ``text`` normalised and lower-cased for matching (keys, gazetteers, lexicons)."""
    return _SPLIT_RE.sub(" ", normalize(text).text.strip()).lower()
