"""Organisation mentions grouped into organisations, and which of them the text lists.

Mentions of one body share their quoted core and type ("«Жайылма» ҚБ" and "«Жайылма»
қоғамдық бірлестігі"); a body named the short way after its full name is the same one ("облыстық
мәслихат" after "Атырау облыстық мәслихаты", "Мәжіліс" after "ҚР Парламенті Мәжілісі", "ҚХА"
after "Қазақстан халқы Ассамблеясы", "Аналар кеңесі" after "… Ассамблеясы жанындағы Аналар
кеңесі"); each organisation is named by its fullest mention.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from qogam.nlp.extract.document import Document, word_lemma
from qogam.nlp.extract.lexicon import org_suffixes, org_types, org_words
from qogam.nlp.extract.organizations import OrgMention
from qogam.nlp.extract.results import Evidence, Mention, Organization


def is_venue(org: Organization, named_not_only_where: bool) -> bool:
    """Whether an organisation is a venue, not a body: its name ends in the head of a place
    events are held in ("… кітапханасы"), or it is a school or college with no proper name
    named only as where something happens ("Шымкенттегі №6 колледжде кездесті")."""
    words = org.name.replace("»", " ").split()
    if words and word_lemma(words[-1].lower()) in org_words("venue_heads"):
        return True
    plain = org.name.startswith("№") or org.name[:1].islower()
    return org.type == "education" and plain and not named_not_only_where


def _key(m: OrgMention) -> str:
    """Mentions of one body share their core name and their type ("«Жайылма» ҚБ" and
    "«Жайылма» қоғамдық бірлестігі"; not "«Жайылма» қоры")."""
    return (" ".join(m.core.lower().split()) or m.name.lower()) + "|" + m.type


_UNDER = re.compile(r"\s(?:" + "|".join(map(re.escape, sorted(org_words("attached")))) + r")\s", re.IGNORECASE)


def _initials(name: str) -> str:
    """"Қазақстан халқы Ассамблеясы" → "ҚХА": the first letters of a name's words."""
    return "".join(word[0] for word in name.replace("«", " ").replace("»", " ").split() if word[0].isalpha()).upper()


def _abbreviated_type(org: Organization, others: Iterable[Organization]) -> Organization | None:
    """"облыстық ЖРО" after "Ақмола облысы жастар-ресурстық орталығы": a level and an
    abbreviation of the type phrase that ends a fuller name (hyphenated words counted apart)."""
    words = org.name.split()
    abbreviation = words[-1] if words else ""
    if not (2 <= len(abbreviation) <= 5 and abbreviation.isupper() and abbreviation.isalpha()) \
            or any(w.lower() not in org_words("level") for w in words[:-1]):
        return None
    for other in others:
        parts = other.name.replace("-", " ").split()
        if other is not org and len(parts) > len(abbreviation) and _initials(" ".join(parts[-len(abbreviation):])) == abbreviation:
            return other
    return None


def _level_key(name: str) -> tuple[str, ...]:
    """The lemmas of a name's words, a level adjective as its noun ("облыстық" → "облыс"), so
    that "аудан әкімдігі" and "аудандық мәслихат" end "Мұнайлы ауданы әкімдігі" and "Мұнайлы
    аудандық мәслихаты"."""
    out = []
    for word in name.lower().replace("«", " ").replace("»", " ").split():
        if word in org_words("level") and word.endswith(org_suffixes("adjective_suffixes")):
            word = word[:-3]
        out.append(word_lemma(word))
    return tuple(out)


def _merge(by_key: dict[str, Organization], key: str, fuller: Organization) -> None:
    """Fold the organisation under ``key`` into ``fuller``: its mentions and evidence, its key."""
    fuller.mentions.extend(by_key[key].mentions)
    fuller.evidence.extend(by_key[key].evidence)
    by_key[key] = fuller


def group_organizations(doc: Document, mentions: list[OrgMention]) -> list[Organization]:
    """Merge mentions of one organisation (same core name); name it by its fullest mention."""
    by_key: dict[str, Organization] = {}
    for m in mentions:
        org = by_key.get(_key(m))
        if org is None:
            org = by_key[_key(m)] = Organization(m.name, m.type, m.core, abbreviation=m.abbreviation)
        elif m.abbreviation is None and (org.abbreviation is not None or len(m.name) > len(org.name)):
            # a spelled-out type phrase beats an abbreviation; a longer name beats a shorter one
            org.name, org.type = m.name, m.type
        org.mentions.append(Mention(doc.text[m.start : m.end], m.start, m.end))
        sentence = doc.sentences[doc.sentence_of[m.first]]
        org.evidence.append(Evidence(m.source, m.confidence, sentence.start, sentence.end))
    # "облыстық ардагерлер кеңесі" after "Қызылорда облыстық ардагерлер кеңесі", "аудан
    # әкімдігі" after "Мұнайлы ауданы әкімдігі": the same body
    # and a single word ("Мәжіліс" after "ҚР Парламенті Мәжілісі")
    # and "аудан мәслихаты" after "аудандық мәслихат" (the same words)
    named = [org for org in by_key.values() if not org.name[:1].islower()]
    seen_generic: list[Organization] = []
    for key, org in list(by_key.items()):
        # (a name that is a type phrase alone, capitalised or not: "Қоғамдық кеңес")
        generic = all(e.source == "org-unnamed" for e in org.evidence) or _level_key(org.name) in org_types()[0]
        if not (generic or org.name[:1].islower() or " " not in org.name or org.name.split()[0].lower() in org_words("level")):
            continue
        short = _level_key(org.name)
        fuller = next(
            (n for n in named if n.type == org.type and len(_level_key(n.name)) > len(short)
             and _level_key(n.name)[-len(short):] == short),
            None,
        ) or next((g for g in seen_generic if g.type == org.type and _level_key(g.name) == short), None)
        if fuller is None:
            seen_generic.append(org)
        else:
            _merge(by_key, key, fuller)
    # "Аналар кеңесі", "қалалық ҚХА жанындағы Аналар кеңесі" after "Шымкент … Ассамблеясы
    # жанындағы Аналар кеңесі": the same council under the same body, written shorter
    under: dict[tuple[str, tuple[str, ...]], Organization] = {}
    for org in by_key.values():
        if _UNDER.search(org.name):
            under.setdefault((org.type, _level_key(_UNDER.split(org.name)[-1])), org)
    for key, org in list(by_key.items()):
        fuller = under.get((org.type, _level_key(_UNDER.split(org.name)[-1])))
        if fuller is not None and fuller is not org and by_key[key] is org:
            _merge(by_key, key, fuller)
    # "ҚХА" after "Қазақстан халқы Ассамблеясы": an abbreviation of a name in the document
    spelled = {_initials(org.name): org for org in by_key.values() if " " in org.name}
    for key, org in list(by_key.items()):
        fuller = spelled.get(org.name) if org.name.isupper() and " " not in org.name else None
        if fuller is None:
            fuller = _abbreviated_type(org, by_key.values())
        if fuller is not None and fuller is not org:
            _merge(by_key, key, fuller)
    # "«Amanat» партиясы Маңғыстау облыстық филиалы" and "«Amanat» партиясының Маңғыстау
    # облыстық филиалы", "Маңғыстау облысы мәслихаты" and "Маңғыстау облыстық мәслихаты": the
    # same words in other forms name one body, by its longer name
    same_words: dict[tuple[str, tuple[str, ...]], Organization] = {}
    for key, org in list(by_key.items()):
        words_key = (org.type, _level_key(org.name))
        first = same_words.setdefault(words_key, org)
        if first is not org and by_key[key] is org:
            if len(org.name) > len(first.name):
                first.name = org.name
            _merge(by_key, key, first)
    for m in mentions:
        # every mention answers to the body's fullest name: "«Ұлағат» бірлестігінің төрағасы"
        # is a post in "«Ұлағат» жастар қоғамдық бірлестігі"
        m.name = by_key[_key(m)].name
    return list({id(org): org for org in by_key.values()}.values())
