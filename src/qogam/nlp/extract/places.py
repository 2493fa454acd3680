"""Places: Kazakhstan's regions, districts, cities and villages, and countries, in the nominative.

A place is a gazetteer name (``nlp/kk/places.txt``) found in the text in any case, with the
izafet head that belongs to it ("Түркістан облысының" → "Түркістан облысы"), or a GPE or
LOCATION span of the named-entity model. Inside a quoted organisation name only full
izafet names count ("«Түркістан облысының … Альянсы»"); a bare word there is part of a name
("«Семей ядролық сынақ полигоны»").
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from qogam.nlp.extract.document import Document
from qogam.nlp.extract.lexicon import izafet_heads, places
from qogam.nlp.extract.organizations import OrgMention, strip_case
from qogam.nlp.extract.results import Evidence, Mention, Place
from qogam.nlp.kk import lexicon as kk
from qogam.nlp.kk.lemmatizer import lemmatize_name


def _territorial_heads() -> tuple[str, ...]:
    return tuple(sorted(kk.words("place_words.txt", "territorial_heads")))


def _kind(name: str) -> str:
    lower = name.lower()
    for ending, kind in kk.pairs("place_words.txt", "kinds").items():
        if lower.endswith(ending):
            return kind
    return "place"


def find_places(doc: Document, orgs: list[OrgMention], person_tokens: frozenset[int] = frozenset()) -> list[Place]:
    """Return the places named in ``doc``, each once, in order of first mention. A word of a
    person's name (``person_tokens``) is no place alone: "Шоқан Уәлихановтың" names him, not
    the district named after him."""
    gazetteer = places()
    heads = izafet_heads()
    in_core: set[int] = set()
    for org in orgs:
        if org.core_first >= 0:
            in_core.update(range(org.core_first, org.core_last + 1))
    found: dict[str, Place] = {}
    i, n = 0, len(doc.tokens)
    while i < n:
        tok = doc.tokens[i]
        if tok.kind != "word" or not tok.norm[:1].isupper():
            i += 1
            continue
        candidates: list[tuple[int, str]] = []
        single = lemmatize_name(tok.norm)
        if i + 1 < n:
            head, _ = strip_case(doc.tokens[i + 1].norm)
            if head.lower() in heads:
                candidates.append((i + 1, f"{tok.norm} {head}"))
        candidates.append((i, single))
        for last, name in candidates:
            known = name.lower() in gazetteer
            if last > i and not known:
                # "Сайрам ауданы": a known place with its territorial head
                known = tok.norm.lower() in gazetteer and name.lower().endswith(_territorial_heads())
            if not known or (last == i and (i in in_core or i in person_tokens)):
                continue
            place = found.setdefault(name.lower(), Place(name, _kind(name)))
            start, end = tok.start, doc.tokens[last].end
            place.mentions.append(Mention(doc.text[start:end], start, end))
            sentence = doc.sentences[doc.sentence_of[i]]
            place.evidence.append(Evidence("gazetteer", 0.9, sentence.start, sentence.end))
            i = last
            break
        i += 1
    taken = sorted((m.start, m.end) for place in found.values() for m in place.mentions)
    taken_starts = [start for start, _ in taken]
    reach = list(accumulate((end for _, end in taken), max))  # the furthest end of the first k
    for span in doc.entities:
        if span.label not in ("GPE", "LOCATION") or span.confidence < 0.8 \
                or any(k in person_tokens for k in range(span.first, span.last + 1)):
            continue
        name = lemmatize_name(doc.norm_span(span.first, span.last))
        if name.lower() in found or not name[:1].isupper():
            continue
        before = bisect_left(taken_starts, span.end)  # those starting before the span ends
        if before and reach[before - 1] > span.start:
            continue  # the model's "Шаян" inside the gazetteer's "Шаян ауылында": one place
        place = found.setdefault(name.lower(), Place(name, _kind(name)))
        place.mentions.append(Mention(doc.text[span.start : span.end], span.start, span.end))
        sentence = doc.sentences[doc.sentence_of[span.first]]
        place.evidence.append(Evidence("ner", round(span.confidence, 3), sentence.start, sentence.end))
    return sorted(found.values(), key=lambda p: p.mentions[0].start)
