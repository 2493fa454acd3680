"""A Russian document prepared once for every extractor: sentences, tokens, entities.

razdel cuts sentences and tokens and keeps their offsets into the original text, so every
fact points at the characters it came from.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from qogam.nlp.normalize import without_invisible
from qogam.nlp.ru.morph import lemma
from qogam.nlp.ru.ner import NerSpan
from qogam.nlp.ru.pieces import stretches, words
from qogam.nlp.tokens import glued_cut


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    first: int  # first token index
    last: int  # last token index


@dataclass(slots=True)
class RuDocument:
    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    sentence_of: list[int]
    entities: list[NerSpan] = field(default_factory=list)
    entity_tokens: set[int] | None = field(default=None, repr=False)  # filled once entities are set
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def from_text(cls, text: str) -> RuDocument:
        """Cut ``text`` into sentences and tokens (offsets into ``text``), in linear time.

        razdel grows a sentence or a token by string concatenation, so a run it keeps joining
        ("1-1-1-…", "а. а. а. …") costs the square of its length. It is given bounded pieces:
        the text in stretches cut at a line break (else at a space), and a sentence word by word
        (razdel's tokens never cross white space), a very long word in pieces
        (:mod:`qogam.nlp.ru.pieces`).
        """
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        sentence_of: list[int] = []
        for s_start, s_stop, s_text in _sentences(text):
            first = len(tokens)
            for t_start, t_stop, t_text in _tokens(s_text):
                # "Сапа\u00adров": a soft hyphen is no letter of the word; the offsets keep it
                tokens.append(Token(without_invisible(t_text), s_start + t_start, s_start + t_stop))
                sentence_of.append(len(sentences))
            if len(tokens) > first:
                sentences.append(Sentence(s_start, s_stop, first, len(tokens) - 1))
        doc = cls(text, tokens, sentences, sentence_of)
        doc._starts = [t.start for t in tokens]
        return doc

    def token_at(self, offset: int) -> int:
        """The index of the token that starts at or before ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def tokens_in(self, start: int, end: int) -> range:
        """The indices of the tokens inside characters ``start``–``end``."""
        first = bisect_right(self._starts, start - 1)
        last = bisect_right(self._starts, end - 1) - 1
        return range(first, last + 1)

    def word(self, i: int) -> str:
        return self.tokens[i].text

    def lemma(self, i: int) -> str:
        return lemma(self.tokens[i].text)

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def sentence_span(self, i: int) -> tuple[int, int]:
        s = self.sentences[self.sentence_of[i]]
        return s.start, s.end


def _sentences(text: str) -> Iterator[tuple[int, int, str]]:
    from razdel import sentenize

    for offset, piece in stretches(text):
        for s in sentenize(piece):
            yield offset + s.start, offset + s.stop, s.text


_AMPERSAND = re.compile(r"[^\W_]+(?:&[^\W_]+)+")
# The top-level domains of the outlets' web addresses (qogam.nlp.ru.organizations reads them too).
TOP_LEVEL_DOMAINS = "kz|ru|com|org|net|info|tv|news|media"
# "inbusiness.kz", "www.zakon.kz": razdel cuts a web address at its dots when a full stop follows
_ADDRESS = re.compile(rf"[^\W_][\w-]*(?:\.[\w-]+)*\.(?:{TOP_LEVEL_DOMAINS})(?!\w)", re.IGNORECASE)


def _tokens(sentence: str) -> Iterator[tuple[int, int, str]]:
    """The tokens of ``sentence`` word by word (razdel's tokens never cross white space)."""
    from razdel import tokenize

    for base, word in words(sentence):
        joined = _AMPERSAND.match(word) or _ADDRESS.match(word)
        if joined:  # "Ernst&Young", "AT&T", "inbusiness.kz.": one name
            yield base, base + joined.end(), joined.group()
            if joined.end() == len(word):
                continue
            base, word = base + joined.end(), word[joined.end():]
        for t in tokenize(word):
            cut = glued_cut(t.text)
            if cut:  # "ветерановСагынай": two words a lost line break glued
                yield base + t.start, base + t.start + cut, t.text[:cut]
                yield base + t.start + cut, base + t.stop, t.text[cut:]
                continue
            yield base + t.start, base + t.stop, t.text
