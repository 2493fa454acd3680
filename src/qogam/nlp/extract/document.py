"""A document prepared once for all extractors: tokens, sentences, lemmas, entity spans."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from qogam.nlp.kk.lemmatizer import lemmatize_name
from qogam.nlp.kk.morphology import lemma
from qogam.nlp.tokens import Sentence, Token, quote_pairs, split_sentences


@lru_cache(maxsize=200_000)
def word_lemma(norm: str) -> str:
    """Return the common-noun lemma of a normalised word, lower case."""
    return lemma(norm.lower())


@dataclass(slots=True)
class EntitySpan:
    """A named-entity span over document tokens ``[first, last]`` (inclusive)."""

    label: str
    first: int
    last: int
    start: int
    end: int
    confidence: float


@dataclass(slots=True)
class Document:
    """The text, its tokens (flat, document order) and sentences, with lookups between them."""

    text: str
    sentences: list[Sentence]
    tokens: list[Token]
    sentence_of: list[int]
    entities: list[EntitySpan] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _lemmas: list[str | None] = field(default_factory=list)
    _quote_partners: dict[int, int] | None = None
    _enclosing: list[int] | None = None
    _entity_index: tuple[int, dict[int, list[EntitySpan]]] | None = None

    @classmethod
    def from_text(cls, text: str) -> Document:
        sentences = split_sentences(text)
        tokens: list[Token] = []
        sentence_of: list[int] = []
        for i, sentence in enumerate(sentences):
            tokens.extend(sentence.tokens)
            sentence_of.extend([i] * len(sentence.tokens))
        return cls(text, sentences, tokens, sentence_of, [], [t.start for t in tokens], [None] * len(tokens))

    def token_at(self, offset: int) -> int:
        """Return the index of the token that starts at or covers ``offset`` (−1 when none)."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and self.tokens[i].end > offset else -1

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """Return the first and last token index of the sentence holding token ``index``."""
        s = self.sentences[self.sentence_of[index]]
        first = self.token_at(s.start)
        return first, first + len(s.tokens) - 1

    def span_text(self, first: int, last: int) -> str:
        """Return the original text from token ``first`` to token ``last`` inclusive."""
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def opens_clause(self, index: int) -> bool:
        """Whether token ``index`` opens its sentence, a quotation or a dialogue line, where
        a capital letter says nothing about names."""
        while True:  # a loop, not recursion: "« « « …" may run for thousands of tokens
            if self.sentences[self.sentence_of[index]].start == self.tokens[index].start:
                return True
            if self.tokens[index - 1].norm not in ("«", "—", ":"):
                return False
            if index < 2 or self.tokens[index - 2].norm != "«":
                return True
            index -= 1

    def quote_partner(self, index: int) -> int | None:
        """Return the index of the » that closes the « at token ``index``, or of the « that the »
        there closes (None when the token is no quotation mark or pairs with nothing)."""
        if self._quote_partners is None:
            partners: dict[int, int] = {}
            for opener, closer, _ in quote_pairs([t.norm for t in self.tokens]):
                partners[opener] = closer
                partners[closer] = opener
            self._quote_partners = partners
        return self._quote_partners.get(index)

    def entities_at(self, index: int) -> list[EntitySpan]:
        """The model's entity spans that cover token ``index`` (an index built once for the
        spans there are; rebuilt if more are added)."""
        if self._entity_index is None or self._entity_index[0] != len(self.entities):
            covering: dict[int, list[EntitySpan]] = {}
            for span in self.entities:
                for k in range(span.first, span.last + 1):
                    covering.setdefault(k, []).append(span)
            self._entity_index = (len(self.entities), covering)
        return self._entity_index[1].get(index, [])

    def enclosing_quote(self, index: int) -> int:
        """The « of the innermost «…» that token ``index`` stands inside (−1 when none); one
        pass over the document, the first time it is asked."""
        if self._enclosing is None:
            enclosing: list[int] = []
            open_pairs: list[tuple[int, int]] = []  # (opener, closer), innermost last
            for i, token in enumerate(self.tokens):
                while open_pairs and open_pairs[-1][1] <= i:
                    open_pairs.pop()
                enclosing.append(open_pairs[-1][0] if open_pairs else -1)
                if token.norm == "«":
                    closer = self.quote_partner(i)
                    if closer is not None:
                        open_pairs.append((i, closer))
            self._enclosing = enclosing
        return self._enclosing[index]

    def lower(self, index: int) -> str:
        return self.tokens[index].norm.lower()

    def lemma(self, index: int) -> str:
        """The common-noun lemma of token ``index``, lower case (computed once per token)."""
        cached = self._lemmas[index]
        if cached is None:
            cached = self._lemmas[index] = word_lemma(self.tokens[index].norm)
        return cached

    def nominative(self, first: int, last: int) -> str:
        """Return tokens ``first..last`` as a name in the nominative (normalised spelling)."""
        return lemmatize_name(self.norm_span(first, last))

    def written_span(self, first: int, last: int) -> str:
        """Tokens ``first..last`` as :meth:`norm_span` gives them, but with each token before
        the last as the text writes it where normalising only swapped letters ("«АDAL»" with
        its Cyrillic А keeps it: an organisation's name is quoted as written)."""
        def written(i: int) -> str:
            tok = self.tokens[i]
            same_letters = i < last and len(tok.text) == len(tok.norm) and all(
                a == b or (a.isalpha() and b.isalpha()) for a, b in zip(tok.text, tok.norm))
            return tok.text if same_letters else tok.norm

        return self._joined(first, last, written)

    def norm_span(self, first: int, last: int) -> str:
        """Return the normalised text of tokens ``first..last`` with the original spacing."""
        return self._joined(first, last, lambda i: self.tokens[i].norm)

    def _joined(self, first: int, last: int, word: Callable[[int], str]) -> str:
        """Tokens ``first..last``, each as ``word`` gives it, one space where the text has any."""
        parts: list[str] = []
        for i in range(first, last + 1):
            if i > first:
                gap = self.text[self.tokens[i - 1].end : self.tokens[i].start]
                # tokens cover every visible character: a gap is space or dropped invisibles
                if any(ch.isspace() for ch in gap):
                    parts.append(" ")
            parts.append(word(i))
        return "".join(parts)
