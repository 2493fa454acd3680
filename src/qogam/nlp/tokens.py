"""Tokens and sentences of Kazakh (and Russian) text, with offsets into the original string.

Tokenisation runs on the normalised text (see :mod:`qogam.nlp.normalize`) and reports every
token with the span of the *original* text it covers, its surface form as written and its
normalised form. Rules that matter for Kazakh news:

* a hyphenated word is one token (Қасым-Жомарт, ой-пікірлерін, 2024-жылы);
* initials glued to a surname are one token (И.Намазбаева); a spaced initial ("Ш. Жамалбек")
  is a token of its own;
* abbreviations keep their full stops (т.б., ж., млн.) and do not end a sentence;
* a quotation in «…» is never cut into sentences, however many sentences it holds, as long as
  it closes within its paragraph;
* a line break ends a sentence unless the next line goes on in lower case.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from qogam.nlp.normalize import NormalizedText, normalize
from qogam.nlp.resources import load_sections

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎЇЄ"
_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"

# Addresses and e-mails are found first, by a linear scan (:func:`_addresses`): as
# alternatives of the token pattern they were tried at every position of a long run such as
# "1-1-1-…" and scanned it to its end each time (quadratic).
_TOKEN_RE = re.compile(
    rf"""
    (?P<initials>(?:[{_UPPER}]\.){{1,2}}[{_UPPER}]{_LETTER}++(?:-{_LETTER}++)*+)
  | (?P<initial>[{_UPPER}]\.(?=\s*[{_UPPER}]))
  | (?P<dotted>{_LETTER}{{1,4}}\.(?:{_LETTER}{{1,4}}\.)++)
  | (?P<number>\d++(?:[.,:/]\d++)*+(?:-{_LETTER}++)?)
  | (?P<word>{_ALNUM}++(?:['\-&]{_ALNUM}++)*+(?:\.(?!\.))?)
  | (?P<punct>\.{{2,}}|[!?]++|\S)
    """,
    re.VERBOSE,
)
_SCHEME_RE = re.compile(r"https?://|www\.", re.IGNORECASE)
# Two words a page glued together when it lost a line break: a word in lower case, then a
# capitalised one ("төрағаларыАйбын", "ветерановСагынай"); brand names start with a capital
# ("КазМунайГаз") and stay whole.
GLUED = re.compile(rf"(?=[^{_UPPER}\W\d_]{{3}})[^\W\d_]+?(?=[{_UPPER}][^{_UPPER}\W\d_]{{2,}}$)")
_URL_BODY_RE = re.compile(r"[^\s«»\"<>]*+")
_URL_TRAILING = '.,;:!?)]'
_TLD_RE = re.compile(r"\.(?i:kz|com|ru|org|net|info|media|tv|news|su)(?![\w-])")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_EMAIL_DOMAIN_RE = re.compile(r"[\w-]++(?:\.[A-Za-z0-9]++(?:-[A-Za-z0-9]++)*+)++")
_EMAIL_LOCAL_RE = re.compile(r"[\w.+-]")


def _addresses(text: str) -> list[tuple[int, int, str]]:
    """The web addresses and e-mails of ``text`` as sorted, non-overlapping ``(start, end, kind)``.

    Linear: each scan starts at a literal ("http", "www.", "@", a top-level domain) and never
    goes back past the end of the address found before it.
    """
    found: list[tuple[int, int, str]] = []
    for match in _SCHEME_RE.finditer(text):
        start = match.start()
        if found and start < found[-1][1]:
            continue
        end = _URL_BODY_RE.match(text, match.end()).end()  # type: ignore[union-attr]
        while end > match.end() and text[end - 1] in _URL_TRAILING:
            end -= 1
        if end > match.end():
            found.append((start, end, "url"))
    taken = list(found)
    emails: list[tuple[int, int, str]] = []
    at = text.find("@")
    floor = 0
    while at != -1:
        domain = _EMAIL_DOMAIN_RE.match(text, at + 1)
        start = at
        while start > floor and _EMAIL_LOCAL_RE.match(text[start - 1]):
            start -= 1
        if domain and start < at and not _inside(taken, start, domain.end()):
            emails.append((start, domain.end(), "email"))
            floor = domain.end()
        else:
            floor = at + 1
        at = text.find("@", max(floor, at + 1))
    taken = sorted(taken + emails)
    hosts: list[tuple[int, int, str]] = []
    floor = 0
    for match in _TLD_RE.finditer(text):
        end = match.end()
        if _inside(taken, match.start(), end) or match.start() < floor:
            continue
        start = match.start()
        before = bisect_right(taken, (start, float("inf"), ""))
        low = max(floor, taken[before - 1][1]) if before else floor
        while start > low and text[start - 1] in _HOST_CHARS:
            start -= 1
        while start < match.start() and not text[start].isalnum():
            start += 1  # a host begins with a letter or digit
        if start == match.start() or (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")):
            continue  # no host, or the end of a longer word ("ааexample.kz" is not an address)
        hosts.append((start, end, "url"))
        floor = end
    return sorted(taken + hosts)


def _inside(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted ``spans`` (binary search)."""
    i = bisect_right(spans, (start, float("inf"), ""))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)


# Characters after which a sentence may end, and those that close a sentence after its end.
_TERMINATORS = frozenset(".!?…")
_CLOSERS = frozenset("»)]\"'")


class Token(NamedTuple):
    """One token: ``text`` as written in the original at ``[start, end)``, ``norm`` normalised.

    ``kind`` is one of word, number, punct, abbrev, initial (a lone "Ш."), initials (a word
    with initials glued on, "И.Намазбаева"), url, email. A named tuple, because tokenising is
    the hot path of every ingest and a tuple is the cheapest immutable record to build.
    """

    text: str
    start: int
    end: int
    norm: str
    kind: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or a whole multi-sentence quotation with its attribution)."""

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Return (never final, may end a sentence) abbreviations, lower case with dots."""
    sections = load_sections("qogam.nlp.kk", "abbreviations.txt")
    return frozenset(sections.get("never_final", ())), frozenset(sections.get("may_end", ()))


def _is_abbreviation(lower: str) -> bool:
    never, may = _abbreviations()
    return lower in never or lower in may


def _tokens_of(norm: NormalizedText) -> list[Token]:
    """Tokenise a normalised text; offsets of the returned tokens are original ones, in order
    and never overlapping (where normalisation joined characters, their tokens are joined)."""
    text = norm.text
    out: list[Token] = []
    pos = 0
    for start, end, kind in _addresses(text):
        _words(norm, pos, start, out)
        _append(norm, start, end, kind, out)
        pos = end
    _words(norm, pos, len(text), out)
    return out


def _words(norm: NormalizedText, pos: int, endpos: int, out: list[Token]) -> None:
    """Append the tokens of normalised ``text[pos:endpos]`` (no addresses in it) to ``out``."""
    text = norm.text
    for match in _TOKEN_RE.finditer(text, pos, endpos):
        kind = match.lastgroup or "punct"
        start, end = match.span()
        surface = match.group()
        if kind == "word" and surface.endswith("."):
            # A word takes its full stop only when the pair is a known abbreviation ("млн.").
            if _is_abbreviation(surface.lower()):
                kind = "abbrev"
            else:
                _append(norm, start, end - 1, "word", out)
                _append(norm, end - 1, end, "punct", out)
                continue
        elif kind == "word" and (glued := glued_cut(surface)):
            _append(norm, start, start + glued, "word", out)
            _append(norm, start + glued, end, "word", out)
            continue
        elif kind == "dotted":
            if not _is_abbreviation(surface.lower()) and not surface[:1].isupper():
                # An unknown dotted chain in lower case ("сөз.сөз.") is words and stops.
                _split_dotted(norm, start, surface, out)
                continue
            kind = "abbrev"
        _append(norm, start, end, kind, out)


def glued_cut(word: str) -> int:
    """Where a word glued to the next splits ("ветерановСагынай" → 9), 0 for a word that is not."""
    match = GLUED.match(word)
    return match.end() if match and word[:1].islower() and "-" not in word else 0


def _append(norm: NormalizedText, start: int, end: int, kind: str, out: list[Token]) -> None:
    """Append the token at normalised ``[start, end)`` with its original span; a token that
    would overlap the one before it (both from one composed character) is joined to it."""
    o_start, o_end = norm.span_to_original(start, end)
    surface = norm.text[start:end]
    if out and o_start < out[-1].end:
        last = out.pop()
        o_start, o_end, surface = last.start, max(o_end, last.end), last.norm + surface
    out.append(Token(norm.original[o_start:o_end], o_start, o_end, surface, kind))


def _split_dotted(norm: NormalizedText, offset: int, surface: str, out: list[Token]) -> None:
    """Append the words and full stops of an unknown dotted chain as separate tokens."""
    for part in re.finditer(rf"{_ALNUM}+|\.", surface):
        kind = "punct" if part.group() == "." else "word"
        _append(norm, offset + part.start(), offset + part.end(), kind, out)


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text`` in order, with original offsets. Never raises."""
    return _tokens_of(normalize(text))


def quote_pairs(norms: Sequence[str]) -> list[tuple[int, int, int]]:
    """Return ``(opener, closer, depth)`` of every « and » of ``norms`` that pair up.

    Each » closes the latest « still open; a » with none open and a « never closed pair with
    nothing. ``depth`` is 0 for a pair inside no other (nor inside a « never closed). Pairs
    come in the order of their closers.
    """
    pairs: list[tuple[int, int, int]] = []
    stack: list[int] = []
    for i, norm in enumerate(norms):
        if norm == "«":
            stack.append(i)
        elif norm == "»" and stack:
            opener = stack.pop()
            pairs.append((opener, i, len(stack)))
    return pairs


def _paragraphs(norm: NormalizedText, tokens: list[Token]) -> list[list[Token]]:
    """Group tokens into paragraphs: a line break starts a new one unless lower case goes on."""
    original = norm.original
    groups: list[list[Token]] = []
    current: list[Token] = []
    prev_end = -1
    for tok in tokens:
        if current and "\n" in original[prev_end : tok.start]:
            first = tok.norm[:1]
            gap = original[prev_end : tok.start]
            if gap.count("\n") > 1 or not first.islower():
                groups.append(current)
                current = []
        current.append(tok)
        prev_end = tok.end
    if current:
        groups.append(current)
    return groups


def _starts_sentence(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` can open a sentence: a capital, a digit, an opening quote or a dash.

    A dash followed by a lower-case word is the attribution of dialogue, not a new sentence:
    "— Жаңарту қашан аяқталады? — деп сұрады ол."
    """
    first = tokens[i].norm[0]
    if first == "—":
        return i + 1 >= len(tokens) or not tokens[i + 1].norm[:1].islower()
    return first.isupper() or first.isdigit() or first in "«("


def _sentences_of(norm: NormalizedText, tokens: list[Token]) -> list[Sentence]:
    original = norm.original
    may_end = _abbreviations()[1]
    out: list[Sentence] = []

    def emit(chunk: list[Token]) -> None:
        start, end = chunk[0].start, chunk[-1].end
        out.append(Sentence(original[start:end], start, end, tuple(chunk)))

    for para in _paragraphs(norm, tokens):
        # the « and » that pair up within the paragraph
        matched = {i for opener, closer, _ in quote_pairs([t.norm for t in para]) for i in (opener, closer)}
        depth = 0
        begin = 0
        last = len(para) - 1
        for i, tok in enumerate(para):
            if i in matched:
                depth += 1 if tok.norm == "«" else -1
            if i == last:
                emit(para[begin:])
                break
            if depth:
                continue
            nxt = para[i + 1]
            if nxt.norm in _CLOSERS and not (nxt.norm == "»" and (i + 1) in matched):
                continue  # a closing bracket or stray quote stays with the sentence it ends
            norm_text = tok.norm
            if tok.kind == "punct" and norm_text[0] in _TERMINATORS or norm_text in _CLOSERS and i > begin and para[i - 1].norm[0] in _TERMINATORS:
                boundary = _starts_sentence(para, i + 1)
            elif tok.kind == "abbrev" and norm_text.lower() in may_end:
                boundary = nxt.norm[0].isupper()
            else:
                boundary = False
            if boundary:
                emit(para[begin : i + 1])
                begin = i + 1
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` with their tokens and original offsets. Never raises."""
    norm = normalize(text)
    return _sentences_of(norm, _tokens_of(norm))
