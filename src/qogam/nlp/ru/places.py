"""Russian places: the model's LOC spans in the nominative, with their kind.

"Туркестанской области" → "Туркестанская область" (region), "Житикаринского района" →
"Житикаринский район" (district), "Астаны" → "Астана". The registry links a place to its
area by the area's Russian name (:func:`qogam.registry.core.services.linking.area_matches`).
"""
from __future__ import annotations

from qogam.nlp.extract.results import Evidence, Mention, Place
from qogam.nlp.ru.document import RuDocument
from qogam.nlp.ru.lexicon import pairs
from qogam.nlp.ru.morph import lemmas, parses, phrase_nominative

RULES: dict[str, float] = {"ru-place-ner": 0.7}


def _kind(words: list[str]) -> str:
    kinds = pairs("post_nouns.txt", "place_kinds")
    for word in words:
        for lemma in lemmas(word):
            if lemma in kinds:
                return kinds[lemma]
    return "place"


def find_places(doc: RuDocument) -> list[Place]:
    """The places of ``doc``, one per nominative name, in order of first mention."""
    found: dict[str, Place] = {}
    for span in doc.entities:
        if span.label != "LOC":
            continue
        tokens = [k for k in doc.tokens_in(span.start, span.end) if doc.word(k)[:1].isalpha() and doc.word(k) != "г"]
        if not tokens:
            continue
        words = [doc.word(k) for k in tokens]
        head = next((w for w in words if lemmas(w) & pairs("post_nouns.txt", "place_kinds").keys()), None)
        if head is not None:
            name = " ".join(phrase_nominative(words[: words.index(head) + 1], min(lemmas(head) & pairs("post_nouns.txt", "place_kinds").keys())) + words[words.index(head) + 1 :])
        elif len(words) == 1 and any("Geox" in p.tag for p in parses(words[0])[:3]):
            geo = next(p for p in parses(words[0]) if "Geox" in p.tag)
            nominative = geo.inflect({"nomn"})
            name = (nominative.word if nominative else words[0]).capitalize()
        else:
            name = doc.text[span.start : span.end]
        place = found.setdefault(name.lower(), Place(name, _kind(words)))
        start, end = doc.tokens[tokens[0]].start, doc.tokens[tokens[-1]].end
        place.mentions.append(Mention(doc.text[start:end], start, end))
        s, e = doc.sentence_span(tokens[0])
        place.evidence.append(Evidence("ru-place-ner", RULES["ru-place-ner"], s, e))
    return list(found.values())
