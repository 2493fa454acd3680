"""The Russian extraction pipeline: the same facts and JSON as the Kazakh one.

Sentences and tokens (razdel) → named entities (natasha's slovnet model) → persons in the
nominative → organisations → posts → quotes → places.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from qogam.errors import ModelError
from qogam.nlp.extract.results import Extraction
from qogam.nlp.ru import organizations, persons, places, posts, quotes
from qogam.nlp.ru.document import RuDocument
from qogam.nlp.ru.morph import KAZAKH_FOLD
from qogam.nlp.ru.ner import NerSpan, entities
from qogam.nlp.tokens import glued_cut

# A word in capitals of five letters or more is a name or a word shouted, not an abbreviation:
# the model reads it as written in lower case ("Айгерим ТУРСЫНОВОЙ").
_SHOUTED = re.compile(r"\b[А-ЯЁӘҒҚҢӨҰҮҺІ]{5,}\b")
_WORD = re.compile(r"[^\W\d_]+")


def _for_model(text: str) -> str:
    """``text`` with shouted words capitalised and Kazakh letters written as the Russian ones
    names use ("Нұрлан Әбенов" → "Нурлан Абенов", which the model knows for a name),
    character for character (offsets kept)."""
    return _SHOUTED.sub(lambda m: m.group(0).capitalize(), text).translate(KAZAKH_FOLD)


def _model_entities(text: str) -> list[NerSpan]:
    """The model's spans of ``text``, read with glued words ("ветерановСагынай") set apart by a
    space the model needs to see two words; the spans' offsets are those of ``text``."""
    prepared = _for_model(text)
    cuts = [m.start() + cut for m in _WORD.finditer(prepared) if (cut := glued_cut(m.group()))]
    if not cuts:
        return entities(prepared)
    pieces, last = [], 0
    for cut in cuts:
        pieces += [prepared[last:cut], " "]
        last = cut
    pieces.append(prepared[last:])
    moved = [cut + k for k, cut in enumerate(cuts)]  # where each inserted space stands

    def back(offset: int) -> int:
        return offset - bisect_right(moved, offset - 1)

    return [NerSpan(span.label, back(span.start), back(span.end)) for span in entities("".join(pieces))]


def extract_russian(text: str, use_model: bool = True) -> Extraction:
    """Everything Qogam extracts from one Russian document ``text``. Never raises for any string."""
    result = Extraction("ru")
    doc = RuDocument.from_text(text)
    if use_model:
        try:
            doc.entities = _model_entities(text)
        except ModelError as exc:
            result.warnings.append(f"Russian named-entity model unavailable, rules only: {exc}")
    mentions = persons.find_mentions(doc)
    result.persons = persons.group(doc, mentions)
    person_tokens = {k for m in mentions if m.person is not None for k in range(m.first, m.last + 1)}
    eponyms = {m.first: m.last for m in mentions if m.person is not None and not m.case_nominative}
    org_mentions = organizations.find_mentions(doc, person_tokens, eponyms)
    result.organizations = organizations.group(doc, org_mentions)
    result.posts = posts.find_posts(doc, mentions, org_mentions)
    result.quotes = quotes.find_quotes(text, mentions, result.posts)
    result.places = places.find_places(doc)
    return result
