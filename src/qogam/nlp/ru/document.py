"""A Russian document prepared once for every extractor: sentences, tokens, entities.

razdel cuts sentences and tokens and keeps their offsets into the original text, so every
fact points at the characters it came from.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from qogam.nlp.ru.morph import lemma
from qogam.nlp.ru.ner import NerSpan


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
        """Cut ``text`` into sentences and tokens (offsets into ``text``)."""
        from razdel import sentenize, tokenize

        tokens: list[Token] = []
        sentences: list[Sentence] = []
        sentence_of: list[int] = []
        for s in sentenize(text):
            first = len(tokens)
            for t in tokenize(s.text):
                tokens.append(Token(t.text, s.start + t.start, s.start + t.stop))
                sentence_of.append(len(sentences))
            if len(tokens) > first:
                sentences.append(Sentence(s.start, s.stop, first, len(tokens) - 1))
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
