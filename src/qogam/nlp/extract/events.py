"""Meetings and other events: type, chair, participants, topic and date.

An event noun (жиын, кездесу, отырыс, форум…, from ``nlp/kk/event_nouns.json``) in a sentence
makes an event; mentions of the same type in one article are one event. The chair is the
person "X-тың төрағалығымен" or the one "жиынды жүргізген"; the participants are the people
named in the sentences that mention the event, except a name in the genitive that owns
something other than its taking part (:func:`takes_part`); the topic is the topic word the article uses
most; the date is an explicit one ("2024 жылғы 12 наурызда") or a relative one ("Күні кеше",
"кеше", "бүгін") counted from the article's date when it is known.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache

from qogam.nlp.extract.document import Document
from qogam.nlp.extract.persons import PersonMention
from qogam.nlp.extract.results import Event, Evidence, Mention
from qogam.nlp.kk import lexicon as kk
from qogam.nlp.resources import load_json


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Month names → their numbers (``date_words.txt``)."""
    return {name: int(number) for name, number in kk.pairs("date_words.txt", "months").items()}


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:(?P<year>\d{4})\s*(?:жылғы|ж\.)\s*)?(?P<day>\d{1,2})\s*(?:-\s*)?(?P<month>"
        + "|".join(_months())
        + r")",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _relative_days() -> tuple[tuple[str, int], ...]:
    """Days named relative to the article's date, with their offset (``date_words.txt``)."""
    return tuple((phrase, int(delta)) for phrase, delta in kk.pairs("date_words.txt", "relative_days").items())


PhraseIndex = dict[str, list[tuple[tuple[str, ...], str]]]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[PhraseIndex, PhraseIndex, frozenset[str], frozenset[str]]:
    """(event phrases by first lemma, topic phrases by first lemma, chair markers, event heads)."""
    data = load_json("qogam.nlp.kk", "event_nouns.json")
    events: PhraseIndex = {}
    for key, type_ in data["events"].items():
        phrase = tuple(key.split())
        events.setdefault(phrase[0], []).append((phrase, type_))
    topics: PhraseIndex = {}
    for key in data["topics"]:
        phrase = tuple(key.split())
        topics.setdefault(phrase[0], []).append((phrase, key))
    heads = frozenset(phrase[-1] for entries in events.values() for phrase, _ in entries)
    return events, topics, frozenset(data["chair_markers"]), heads


def _longest(doc: Document, i: int, index: PhraseIndex) -> tuple[int, str] | None:
    """(length, value) of the longest phrase of ``index`` whose lemmas start at token ``i``."""
    best: tuple[int, str] | None = None
    for phrase, value in index.get(doc.lemma(i), ()):
        k = len(phrase)
        if (best is None or k > best[0]) and i + k <= len(doc.tokens):
            if all(doc.lemma(i + j) == phrase[j] for j in range(1, k)):
                best = (k, value)
    return best


def _event_at(doc: Document, i: int) -> tuple[int, str] | None:
    """(length, type) of the longest event phrase starting at token ``i``."""
    return _longest(doc, i, _lexicon()[0])


@lru_cache(maxsize=1)
def _passing_markers() -> frozenset[str]:
    return frozenset(load_json("qogam.nlp.kk", "event_nouns.json")["passing_markers"])


def takes_part(doc: Document, mention: PersonMention) -> bool:
    """Whether a person named in an event's sentence takes part in it.

    A name in the genitive that owns a reform, a message, an order (``passing_markers`` of
    ``event_nouns.json``, one or two words on) is mentioned in passing: "Президент
    Қасым-Жомарт Тоқаевтың саяси реформаларын қолдайтындарын білдірді". Owning anything else
    ("Тұрғанбаеваның ұсынысын … қолдады") leaves the owner a participant.
    """
    from qogam.nlp.extract.organizations import strip_case

    if strip_case(doc.lower(mention.last))[1] != "GEN":
        return True
    following = range(mention.last + 1, min(mention.last + 3, len(doc.tokens)))
    return not any(doc.lemma(k) in _passing_markers() for k in following)


def is_event_noun(doc: Document, i: int) -> bool:
    """Whether token ``i`` is (the last word of) an event noun: жиын, отырыс, форум…"""
    return doc.lemma(i) in _lexicon()[3]


def _chair(doc: Document, persons: list[PersonMention], first: int, last: int) -> str | None:
    """The person marked as chair in tokens ``first..last``."""
    markers = _lexicon()[2]
    for m in persons:
        if m.person is None or not first <= m.first <= last:
            continue
        if m.last + 1 <= last and doc.lemma(m.last + 1) in markers:
            return m.person.name  # "X-тың төрағалығымен"
        # "жиынды жүргізген X", "жиынды жүргізіп отырған X"
        before = [doc.lower(k) for k in range(max(first, m.first - 2), m.first)]
        if any(w.startswith("жүргіз") for w in before):
            return m.person.name
    return None


def _topic(doc: Document) -> str | None:
    """The topic word the document uses most (сайлау, экология, грант…), or None."""
    index = _lexicon()[1]
    counts: Counter[str] = Counter()
    for i in range(len(doc.tokens)):
        hit = _longest(doc, i, index)
        if hit is not None:
            counts[hit[1]] += 1
    return counts.most_common(1)[0][0] if counts else None


def _date(text: str, published: date | None) -> tuple[str | None, str | None]:
    match = _date_re().search(text)
    if match:
        year = int(match.group("year")) if match.group("year") else (published.year if published else None)
        month, day = _months()[match.group("month").lower()], int(match.group("day"))
        try:
            return (date(year, month, day).isoformat() if year else None), match.group()
        except ValueError:
            return None, match.group()
    lower = text.lower()
    for phrase, delta in _relative_days():
        if re.search(rf"(?<!\w){phrase}(?!\w)", lower):
            return ((published + timedelta(days=delta)).isoformat() if published else None), phrase
    return None, None


def find_events(doc: Document, persons: list[PersonMention], published: date | None = None) -> list[Event]:
    """Return the events of ``doc``: one per event type, in order of first mention."""
    by_type: dict[str, Event] = {}
    topic = _topic(doc)
    in_sentence: dict[int, list[PersonMention]] = {}
    for m in persons:
        if m.person is not None:
            in_sentence.setdefault(doc.sentence_of[m.first], []).append(m)
    done: set[tuple[str, int]] = set()
    for i in range(len(doc.tokens)):
        hit = _event_at(doc, i)
        if hit is None:
            continue
        length, type_ = hit
        s_index = doc.sentence_of[i]
        sentence = doc.sentences[s_index]
        first, last = doc.sentence_bounds(i)
        event = by_type.get(type_)
        if event is None:
            when, when_text = _date(_context(doc, s_index), published)
            start, end = doc.tokens[i].start, doc.tokens[i + length - 1].end
            event = Event(
                type_, Mention(doc.text[start:end], start, end), topic=topic, date=when, date_text=when_text,
                evidence=Evidence("event-noun", 0.7, sentence.start, sentence.end),
            )
            by_type[type_] = event
        if (type_, s_index) in done:
            continue
        done.add((type_, s_index))
        here = in_sentence.get(s_index, [])
        event.chair = event.chair or _chair(doc, here, first, last)
        for m in here:
            if m.person is not None and m.person.name not in event.participants and takes_part(doc, m):
                event.participants.append(m.person.name)
    for event in by_type.values():
        if event.chair and event.chair not in event.participants:
            event.participants.insert(0, event.chair)
    return list(by_type.values())


def _context(doc: Document, s_index: int) -> str:
    """The sentence of an event and the one before it, where its date is usually given."""
    start = doc.sentences[max(0, s_index - 1)].start
    return doc.text[start : doc.sentences[s_index].end]
