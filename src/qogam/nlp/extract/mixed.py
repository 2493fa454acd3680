"""Mixed-language articles: the facts of the sentences in the article's other language.

A Kazakh article that quotes a statement in Russian, or a Russian one with a paragraph in
Kazakh, is read twice: by its own language's pipeline, and by the other one, whose facts are
kept only where they stand in a sentence of that language. They join the main result: the
same person or organisation (by name) gains the mentions; new ones, posts, quotes and places
are added.
"""
from __future__ import annotations

from qogam.nlp.extract.results import Extraction


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _drop_inside(result: Extraction, spans: list[tuple[int, int]]) -> None:
    """What the main pipeline read in the other language's sentences: the other pipeline reads
    those better, so the main one's facts there go (a person named elsewhere too stays)."""
    for items in (result.persons, result.organizations):
        for item in items:
            item.mentions = [m for m in item.mentions if not _inside(m.start, spans)]
    result.persons = [p for p in result.persons if p.mentions]
    result.organizations = [o for o in result.organizations if o.mentions]
    result.posts = [p for p in result.posts if not _inside(p.mention.start, spans)]
    result.quotes = [q for q in result.quotes if not _inside(q.start, spans)]


def merge_sentences(result: Extraction, other: Extraction, spans: list[tuple[int, int]]) -> None:
    """Add to ``result`` the facts of ``other`` that stand in the sentences ``spans``."""
    from qogam.nlp.name_match import is_candidate

    _drop_inside(result, spans)
    persons = {p.name.lower(): p for p in result.persons}
    renamed: dict[str, str] = {}
    for person in other.persons:
        mentions = [m for m in person.mentions if _inside(m.start, spans)]
        if not mentions:
            continue
        evidence = [e for e in person.evidence if _inside(e.sentence_start, spans)]
        target = persons.get(person.name.lower())
        if target is None:
            # one article naming one person in both languages ("Ержан Тұрсынов", "Ержан Турсынов")
            same = [p for p in result.persons if " " in p.name and is_candidate(p.name, person.name)]
            target = same[0] if len(same) == 1 else None
            if target is not None:
                renamed[person.name] = target.name
        if target is None:
            person.mentions, person.evidence = mentions, evidence
            result.persons.append(person)
            persons[person.name.lower()] = person
        else:
            target.mentions.extend(m for m in mentions if m not in target.mentions)
            target.evidence.extend(evidence)
    orgs = {o.name.lower(): o for o in result.organizations}
    for org in other.organizations:
        mentions = [m for m in org.mentions if _inside(m.start, spans)]
        if not mentions:
            continue
        same_org = orgs.get(org.name.lower())
        if same_org is None:
            org.mentions = mentions
            org.evidence = [e for e in org.evidence if _inside(e.sentence_start, spans)]
            result.organizations.append(org)
            orgs[org.name.lower()] = org
        else:
            same_org.mentions.extend(m for m in mentions if m not in same_org.mentions)
    for post in other.posts:
        post.person = renamed.get(post.person, post.person)
    for quote in other.quotes:
        quote.speaker = renamed.get(quote.speaker, quote.speaker) if quote.speaker else quote.speaker
    seen_posts = {(p.person, p.role, p.organization) for p in result.posts}
    for post in other.posts:
        if _inside(post.mention.start, spans) and (post.person, post.role, post.organization) not in seen_posts:
            result.posts.append(post)
            seen_posts.add((post.person, post.role, post.organization))
    seen_quotes = {(q.start, q.end) for q in result.quotes}
    result.quotes.extend(q for q in other.quotes if _inside(q.start, spans) and (q.start, q.end) not in seen_quotes)
    places = {p.name.lower() for p in result.places}
    result.places.extend(p for p in other.places if p.name.lower() not in places and any(_inside(m.start, spans) for m in p.mentions))
    for items in (result.persons, result.organizations):
        items.sort(key=lambda item: item.mentions[0].start if item.mentions else 0)
    result.quotes.sort(key=lambda q: q.start)
