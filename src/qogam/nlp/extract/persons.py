"""People: find name mentions, bring them to the nominative, and group them into persons.

A mention is a run of name-like tokens — capitalised words, initials ("И.Намазбаева",
"Ш. Жамалбек") — that the lexicons or the named-entity model call a person: a known first
name, a family-name ending (-ов, -ева, -ин, -бек, -ұлы…), a patronymic, initials. Only the
last word of a Kazakh noun phrase is inflected, so the nominative comes from the lemmatiser
on the whole run. Mentions are grouped: "И.Намазбаева" and "Намазбаеваның" join "Инара
Намазбаева" when the document names her in full; a person is named by the fullest form seen.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from qogam.nlp.extract.document import Document, word_lemma
from qogam.nlp.extract.lexicon import (
    common_nouns,
    ending_case,
    first_names,
    function_words,
    is_patronymic,
    org_heads,
    org_suffixes,
    person_words,
    place_prefixes,
    places,
    post_nouns,
    post_words,
    role_synonyms,
    surname_kind,
)
from qogam.nlp.extract.results import Evidence, Mention, Person
from qogam.nlp.kk import lexicon as kk
from qogam.nlp.kk.lemmatizer import lemmatize_name
from qogam.nlp.kk.morphology import analyse, known_words

# Words after a name that make it part of something else: "Абай атындағы мектеп".


@dataclass(slots=True)
class PersonMention:
    """One mention: tokens ``first..last`` of the document and what they say of the name."""

    first: int
    last: int
    start: int
    end: int
    text: str
    nominative: str
    given: str | None
    family: str | None
    patronymic: str | None
    initials: str | None
    source: str
    confidence: float
    case: str = "NOM"  # the case of the last word: NOM, GEN, DAT, ACC, LOC, ABL, INS
    person: Person | None = field(default=None, repr=False)


def _is_name_token(doc: Document, i: int) -> bool:
    tok = doc.tokens[i]
    if tok.kind in ("initials", "initial") or (tok.kind == "abbrev" and _bare_initial(doc, i)):
        return True
    if tok.kind != "word" or not tok.norm[:1].isupper() or tok.norm.lower() in _titles():
        return False  # … nor an honorific: "… Косьянчичтің Елбасы Нұрсұлтан Назарбаев туралы"
    # all-capital words are abbreviations (ҚР, ҮЕҰ) unless a name is written in capitals:
    # a known first name, a family name by its ending, or a word beside one ("КЕМЕЛ
    # ОСПАНОВ", "Дәулет КӘРІБЕК", "ДАМИР АБДИН" in a speaker's caption)
    if not (tok.norm.isupper() and len(tok.norm) > 1):
        return True
    if len(tok.norm) < 3:
        return False
    if _looks_common(tok.norm.capitalize()) or _shouted(doc, doc.sentence_of[i]):
        return False  # "ЖҮРЕГІНЕ ҮМІТ ОТЫН ЖАҒА БІЛСЕК": a headline in capitals, no caption
    return _caps_name_word(tok.norm) or any(
        0 <= k < len(doc.tokens) and doc.sentence_of[k] == doc.sentence_of[i] and doc.tokens[k].kind == "word"
        and doc.tokens[k].norm[:1].isupper() and _caps_name_word(doc.tokens[k].norm)
        for k in (i - 1, i + 1)
    )


def _shouted(doc: Document, sentence: int) -> bool:
    """A sentence written all in capitals that is no speaker's caption (a caption has a colon,
    or a name and a comma first)."""
    tokens = doc.sentences[sentence].tokens
    words = [t.norm for t in tokens if t.kind == "word"]
    if len(words) < 5 or any(not w.isupper() for w in words) or any(t.norm == ":" for t in tokens):
        return False
    # "ҒАУЕЗ НҰРМҰХАМБЕТОВ, СОЛТҮСТІК ҚАЗАҚСТАН ОБЛЫСЫНЫҢ ӘКІМІ": a name, a comma, a post
    comma = next((k for k, t in enumerate(tokens) if t.norm == ","), None)
    return not (comma is not None and 2 <= comma <= 3 and any(_caps_name_word(t.norm) for t in tokens[:comma]))


def _caps_name_word(word: str) -> bool:
    """Whether a capitalised word, in any case, is a first name or ends like a family name."""
    lower = lemmatize_name(word.capitalize()).lower()
    return lower in first_names() or surname_kind(lower) == "surname" or is_patronymic(lower)


def _as_name(text: str) -> str:
    """Words written in capitals as names are written ("КЕМЕЛ ОСПАНОВ" → "Кемел Оспанов")."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 and w.isalpha() else w for w in text.split(" "))


def _name_runs(doc: Document) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(doc.tokens)
    while i < n:
        if not _is_name_token(doc, i):
            i += 1
            continue
        j = i
        while j + 1 < n and _is_name_token(doc, j + 1) and doc.sentence_of[j + 1] == doc.sentence_of[i]:
            j += 1
        runs.append((i, j))
        i = j + 1
    return runs


def _word_class(nominative_word: str) -> str:
    """Classify one nominative word: first, patronymic, surname, place, post, org, other."""
    lower = nominative_word.lower()
    if lower in first_names():
        return "first"
    if is_patronymic(lower):
        return "patronymic"
    if lower in places():
        return "place"
    kind = surname_kind(lower)
    if kind is not None:
        return kind
    lemma = word_lemma(lower)
    if lemma in post_nouns():
        return "post"
    if lemma in org_heads():
        return "org"
    return "other"


def _classes(doc: Document, first: int, last: int) -> list[str]:
    """The class of each token of a run, each word brought to the nominative on its own.

    A word that opens a two-word place name is a place ("Шығыс" before "Қазақстан")."""
    out: list[str] = []
    for i in range(first, last + 1):
        tok = doc.tokens[i]
        if tok.kind in ("initial", "initials"):
            out.append(tok.kind)
            continue
        if _bare_initial(doc, i):
            out.append("initial")  # "Б.Қ Жүсіпов", "Бодолян А. Б.": the last initial lost its dot
            continue
        word = lemmatize_name(_as_name(tok.norm))
        if i < last and f"{word} {lemmatize_name(_as_name(doc.tokens[i + 1].norm))}".lower() in place_prefixes():
            out.append("place")
            continue
        cls = _word_class(word)
        if cls == "place" and out and out[-1] == "first" and surname_kind(word.lower()) == "surname":
            cls = "surname"  # "Шоқан Уәлиханов": a district named after him is still his name
        if cls in ("surname", "other") and doc.lemma(i) in org_heads() and doc.lemma(i) != word.lower():
            cls = "org"  # "Ұйымына" is "ұйым" with its possessive and case, no family name in -ина
        if cls == "other" and len(word) >= 6 and word.lower().endswith(org_suffixes("adjective_suffixes")) \
                and not (i == last and out and out[-1] == "first" and not _common_noun(doc, i)):
            # "Конституциялық Кеңес": an adjective, no family name before "Кеңес" (but a given
            # name's last word of no common noun is one: "Сабыржан Кеңшілік")
            cls = "adjective"
        out.append(cls)
    return out


def _bare_initial(doc: Document, i: int) -> bool:
    """A capital letter alone right after an initial (an initial written without its dot), or
    a trailing initial after a family name or another initial that the tokenizer read as an
    abbreviation, or as a word and a full stop, because a word in lower case follows
    ("Смайылова Д. сөз сөйледі", "Тұрсынов Е.С. қатысты", "Громов И. қатысты")."""
    tok = doc.tokens[i]
    if len(tok.norm.rstrip(".")) != 1 or not tok.norm[:1].isupper() or i == 0:
        return False
    before = doc.tokens[i - 1]
    after_family = before.kind == "word" and len(before.norm) > 2 and before.norm[:1].isupper() and before.end < tok.start
    if tok.kind == "word":
        return before.kind == "initial" or after_family and i + 1 < len(doc.tokens) \
            and doc.tokens[i + 1].norm == "." and doc.tokens[i + 1].start == tok.end
    return tok.kind == "abbrev" and tok.norm.endswith(".") and (after_family or before.kind == "initial")


# How a mention was read, each with the score it gives (what a person's confidence is then
# measured from: qogam.nlp.extract.calibration). Evidence names them "person:<rule>".
RULES: dict[str, float] = {
    "given-family": 0.95,  # "Инара Намазбаева": a known given name, then a family name or patronymic
    "given-other": 0.75,  # "Режеп Тайып Ердоған": given name first, the rest unknown to the lexicons
    "family-given": 0.9,  # "Сүйінбаев Жанболат": a family name by its ending, then the given name
    "family-other": 0.75,  # "Жамалбек Шәріпбек Жамалбекұлы", "Ким Виктор"
    "initials": 0.9,  # "И.Намазбаева", "Ш. Жамалбек"
    "family-initials": 0.85,  # "Жоробеков З.О.": the family name, then the initials
    "family-alone": 0.55,  # "Намазбаеваның"
    "given-alone": 0.4,  # "Инара"
    "given-called": 0.7,  # "Айгүл есімді тұрғын": a given name alone, before a word of naming
    "ner": 0.8,  # a run the lexicons cannot place that the model tags PERSON: 0.6 × its score + 0.2
}

# One letter per word class, so that the shapes of names can be written as patterns.
_LETTER = {
    "first": "F", "name": "N", "surname": "S", "patronymic": "P", "other": "O", "place": "L",
    "post": "T", "org": "G", "initial": "i", "initials": "I",
}

# The shapes a name takes in a run of name-like words, tried in this order at each word; the
# first that matches is the name there, read in the order given ("given" name first, "family"
# name first, "initials", a "single" word). A word no shape starts at is skipped.
NAME_SHAPES: tuple[tuple[str, str, str], ...] = (
    ("initials", "IP?", "initials"),  # "И.Намазбаева", "Ж.Ж.Жамалбекұлы"
    ("initials-family", "i{1,3}[SNOFP]", "initials"),  # "Ш. Жамалбек", "Е.Қ. Қасымов"
    ("surname-like-given", "SP", "given"),  # "Сәбина Рахымқызы": a first name ending like a surname
    ("family-given", "S[FNO]P?", "family"),  # "Сүйінбаев Жанболат", "Юсупов Ильдар Ринатович"
    ("two-given-patronymic", "[FN][FN]P", "family"),  # "Жамалбек Шәріпбек Жамалбекұлы"
    ("other-first", "OFP?", "family"),  # "Ким Виктор"
    ("given-patronymic", "[FNO]P[SNFO]?", "given"),  # "Серік Жақыпбекұлы", "Жазира Қайратқызы Омарова"
    ("given-family", "[FN][SNFO]P?", "given"),  # "Инара Намазбаева"
    ("other-family", "O[SN]P?", "given"),  # an unknown first name before a family name
    ("place-family", "LSP?", "given"),  # a first name that is a place too ("Алматы Сейітов")
    ("family-initials", "[SO]i{1,3}(?![SNOFP])", "family-initials"),  # "Жоробеков З.О.", "Бодолян А. Б."
    ("given-alone", "[FN]", "single"),
    ("family-alone", "[SP]", "single"),
)
_SHAPES = tuple((name, re.compile(pattern), order) for name, pattern, order in NAME_SHAPES)


def _segments(classes: list[str]) -> list[tuple[int, int, str]]:
    """Cut a run of name-like words into the names it holds ("Д.Рахымов Мәдина Жолдасқызы",
    "Оразбаев Ерболат Сәуле Жұмабекова") by :data:`NAME_SHAPES`.

    Returns (first, last, order) with offsets into the run.
    """
    letters = "".join(_LETTER.get(c, "?") for c in classes)
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(letters):
        found = next(((m, order) for _, shape, order in _SHAPES if (m := shape.match(letters, k))), None)
        if found is None:
            k += 1
            continue
        match, order = found
        out.append((k, match.end() - 1, order))
        k = match.end()
    return out


def _parse(doc: Document, first: int, last: int, classes: list[str], order: str) -> PersonMention | None:
    """Parse tokens ``first..last`` — one name whose word classes and order are given."""
    nominative = lemmatize_name(_as_name(doc.norm_span(first, last)))
    words = nominative.split()
    initials: str | None = None
    given = family = patronymic = None
    if order == "initials":
        if classes[0] == "initial":
            count = 0
            while count < len(classes) and classes[count] == "initial":
                count += 1
            initials = "".join(doc.tokens[first + k].norm for k in range(count))
            words = lemmatize_name(_as_name(doc.norm_span(first + count, last))).split()
        else:
            head, _, surname = words[0].rpartition(".")
            initials, words = head + ".", [surname] + words[1:]
        if not words:
            return None
        family, rule = " ".join(words), "initials"
    elif order == "family-initials":
        family, rule = words[0], "family-initials"
        initials = doc.norm_span(first + 1, last)
        if doc.tokens[last].kind == "word" and last + 1 < len(doc.tokens) and doc.tokens[last + 1].norm == ".":
            last += 1  # the dot of the last initial, read as a full stop
            initials += "."
        nominative = f"{family} {initials}"
    elif order == "single":
        if classes[0] in ("surname", "patronymic"):
            family, rule = words[0], "family-alone"
        else:
            given, rule = words[0], "given-alone"
    elif order == "family":
        family, given = words[0], words[1]
        patronymic = words[2] if len(words) > 2 else None
        rule = "family-given" if classes[0] == "surname" else "family-other"
    else:
        given = words[0]
        rest = list(zip(words[1:], classes[1:]))
        patronymics = [w for w, c in rest if c == "patronymic"]
        others = [w for w, c in rest if c != "patronymic"]
        if others:
            family = " ".join(others)
            patronymic = patronymics[0] if patronymics else None
        elif patronymics:
            family = patronymics[0]  # "Серік Жақыпбекұлы": the patronymic serves as family name
        if family is None:
            return None
        strong = classes[0] in ("first", "name") and (classes[-1] in ("surname", "name", "first", "patronymic"))
        rule = "given-family" if strong else "given-other"
    start, end = doc.tokens[first].start, doc.tokens[last].end
    return PersonMention(
        first, last, start, end, doc.text[start:end], nominative, given, family, patronymic, initials,
        f"person:{rule}", RULES[rule], ending_case(doc.tokens[last].norm, nominative),
    )


def _after_title(doc: Document, first: int) -> bool:
    """Whether the word before token ``first`` is a post noun (a title before a name)."""
    k = first - 1
    return k >= 0 and doc.tokens[k].kind == "word" and doc.lemma(k) in post_nouns()


def _looks_common(word: str) -> bool:
    """A capitalised word that is an inflected common noun ("Сөзді", "Жиында"), not a name."""
    readings = analyse(word.lower())
    return bool(readings) and readings[0].case != "NOM" and readings[0].lemma in known_words()


@cache
def _titles() -> frozenset[str]:
    """Honorifics and ranks, written with a capital before a name but no part of it."""
    return kk.words("non_posts.txt", "honorifics") | kk.words("non_posts.txt", "ranks")


def _trim(doc: Document, first: int, last: int) -> tuple[int, int]:
    """Drop words that open a run but are no name: titles ("Президент"), sentence openers."""
    while first <= last:
        tok = doc.tokens[first]
        if tok.kind in ("initial", "initials"):
            break
        cls = _word_class(lemmatize_name(_as_name(tok.norm)))
        if cls == "other" and _word_class(tok.norm) in ("post", "org"):
            cls = _word_class(tok.norm)  # "Төраға", which the name lemmatiser reads as "Төра" + -ға
        if cls in ("post", "org") or tok.norm.lower() in function_words():
            first += 1
            continue
        if cls == "place" and first < last and _word_class(lemmatize_name(doc.tokens[first + 1].norm)) == "post":
            first += 1  # "Түркия Президенті Режеп Тайып Ердоған"
            continue
        if doc.opens_clause(first) and cls == "other" and last > first and _looks_common(tok.norm):
            first += 1
            continue
        if doc.opens_clause(first) and cls in ("other", "surname") and last > first \
                and lemmatize_name(_as_name(tok.norm)) != _as_name(tok.norm) and tok.norm.lower() not in function_words():
            # "Кездесуге Жоробеков З.О. қатысты": only a name's last word is inflected, so an
            # inflected word opening the clause before another name word is no part of it
            first += 1
            continue
        if doc.opens_clause(first) and cls == "other" and last > first:
            # "Мысалы Инара …" loses its opener; "Азамат Нұрланұлы" keeps its first name
            following = _word_class(lemmatize_name(doc.tokens[first + 1].norm))
            if following in ("first", "initial", "initials", "place", "post", "org", "other"):
                first += 1
                continue
        if tok.norm.lower() in person_words("not_first") and first < last:
            first += 1  # "Ұлы Жеңісті …": "great", not the patronymic word
            continue
        if _common_noun(doc, first) and not (first < last and _family_like(doc, first + 1)):
            # "Республикасынан Кеңес …", "Құрылтайда Мемлекеттік"; not "Азамат Нұрланұлы"
            first += 1
            continue
        break
    while last >= first and (_common_noun(doc, last) or (
            doc.tokens[last].kind == "word" and _word_class(lemmatize_name(_as_name(doc.tokens[last].norm))) == "org")):
        last -= 1  # "Ертай Кенжебекұлы Мемлекет …", "Халық Республикасы", "Біріккен Ұлттар Ұйымына"
    return first, last


def _after_inflected(doc: Document, first: int, last: int) -> int:
    """Where a name can start in a run: after its last inflected common noun before the run's
    end ("Республикасынан Кеңес", "ЖҮРЕГІНЕ ҮМІТ"), since a name is inflected only on its
    last word."""
    start = first
    for i in range(first, last):
        tok = doc.tokens[i]
        if tok.kind != "word":
            continue
        if _looks_common(_as_name(tok.norm)):
            start = i + 1
    return start


def _common_noun(doc: Document, i: int) -> bool:
    """A capitalised word whose lemma is a listed common noun and no name ("Республикасы",
    "Үйі", "Мемлекеттік"); first names that are nouns too ("Жеңіс", "Үміт") stay names."""
    tok = doc.tokens[i]
    if tok.kind != "word":
        return False
    name = lemmatize_name(_as_name(tok.norm)).lower()
    if name in first_names() or surname_kind(name) == "surname" or is_patronymic(name):
        return False
    lower = tok.norm.lower()
    # the adjective of a common noun too: "Мемлекеттік" (мемлекет + -тік)
    stem = lower[:-3] if lower.endswith(org_suffixes("adjective_suffixes")) else lower
    return doc.lemma(i) in common_nouns() or stem in common_nouns()


def _family_like(doc: Document, i: int) -> bool:
    """Whether token ``i`` is a family name or patronymic by its ending."""
    name = lemmatize_name(_as_name(doc.tokens[i].norm)).lower()
    return surname_kind(name) == "surname" or is_patronymic(name)



def find_person_mentions(doc: Document) -> list[PersonMention]:
    """Return the person mentions of ``doc`` in text order (rules, then the model's spans)."""
    return [m for m in _mentions(doc) if any(len(w.strip(".")) > 1 for w in m.nominative.split())]


def _mentions(doc: Document) -> list[PersonMention]:
    # initials alone ("З. О", "А.С") name no one: find_person_mentions drops them
    mentions: list[PersonMention] = []
    for first, last in _sub_runs(doc):
        # "М.Әуезов атындағы", "Қ.Сәтпаев көшесіндегі": an eponym, not a person — the name
        # right before the word; one before it stays ("Ерлан Сапаров Жамбыл облысы әкімдігінің …")
        after = doc.lower(last + 1) if last + 1 < len(doc.tokens) else ""
        place_head = after in person_words("territory_after")
        eponym = place_head or after in person_words("not_after") or (
            last + 1 < len(doc.tokens) and doc.lemma(last + 1) in person_words("not_before_lemmas"))
        if lemmatize_name(_as_name(doc.norm_span(first, last))).lower() in person_words("characters"):
            continue  # "Аяз Ата": a character of tales and holidays, not a real person
        classes = _classes(doc, first, last)
        segments = _segments(classes)
        if first == last and not eponym and (_known_by_one_name(doc, first) or _called_by_name(doc, first)):
            # "ұлы ойшыл Абай", "Абайдың шығармалары", "Айгүл есімді тұрғын"
            classes, segments = ["first"], [(0, 0, "single")]
        if eponym:
            # a district, region or town is named by one name, the run's last ("Ерлан Сапаров
            # Жамбыл облысы …"); a street, a theatre, "X атындағы" by the whole run ("Қожа
            # Ахмет Ясауи кесенесі")
            segments = segments[:-1] if place_head else []
            if not segments:
                continue
        names_body = last + 1 < len(doc.tokens) and doc.lemma(last + 1) in org_heads()
        if not segments and _after_title(doc, first) and 2 <= last - first + 1 <= 3 and set(classes) == {"other"} \
                and not names_body:  # "… басшысы Bloomberg Media Group компаниясының": a body's name
            # "Президенті Режеп Тайып Ердоған", "президенті Лоренцо Симонелли": a title names
            # the person after it even when the lexicons know none of the words
            segments = [(0, last - first, "given")]
        if not segments:
            mention = _from_model(doc, first, last)
            if mention is not None:
                mentions.append(mention)
            continue
        for a, b, order in segments:
            mention = _parse(doc, first + a, first + b, classes[a : b + 1], order)
            if mention is None:
                mention = _from_model(doc, first + a, first + b)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _known_by_one_name(doc: Document, i: int) -> bool:
    """Whether token ``i`` alone names a person known by one name ([known_by_one_name] of
    person_words.txt): not before a place's or a thing's noun ("Абай облысы", "Абай жүлдесі"),
    a body ("Абай университеті") or after an opening quotation mark (a title)."""
    if lemmatize_name(_as_name(doc.tokens[i].norm)).lower() not in person_words("known_by_one_name"):
        return False
    if i > 0 and doc.tokens[i - 1].norm == "«":
        return False  # a title
    nxt = doc.lemma(i + 1) if i + 1 < len(doc.tokens) else ""
    return nxt not in person_words("one_name_not_before") and nxt not in org_heads()


def _called_by_name(doc: Document, i: int) -> bool:
    """Whether token ``i`` is a given name the text calls someone by ("Сәтжан есімді жас
    жазушы", "Айгүл атты тұрғын"; ``[called]`` of post_words.txt): "есімді" (by the name) always,
    "атты" and "деген" before a noun for a person only ("Болашақ атты бағдарлама" names a
    programme); never in quotation marks (a title)."""
    if i + 1 >= len(doc.tokens) or (i > 0 and doc.tokens[i - 1].norm == "«"):
        return False
    word = doc.lower(i + 1)
    if word in person_words("called_by_name"):
        return True
    return word in post_words("called") and i + 2 < len(doc.tokens) and doc.lemma(i + 2) in post_words("called_nouns")


def _sub_runs(doc: Document) -> list[tuple[int, int]]:
    """The runs of capitalised words a name may fill, trimmed and cut after their last
    inflected common noun; the part before such a noun too where a given name opens it
    ("Елбасы Нұрсұлтан Назарбаев | Қытайдың Қазақстандағы Төтенше …")."""
    out: list[tuple[int, int]] = []
    for first, last in _name_runs(doc):
        if first > 0 and doc.tokens[first - 1].norm == "«" and last + 1 < len(doc.tokens) and doc.tokens[last + 1].norm == "»":
            continue  # a name in quotation marks is an organisation's or a title's
        first, last = _trim(doc, first, last)
        start = _after_inflected(doc, first, last)
        if start > first + 1:
            head, tail = _trim(doc, first, start - 2)
            classes = _classes(doc, head, tail) if head <= tail else []
            if "first" in classes and _segments(classes):
                out.append((head, tail))
        if start <= last:
            out.append((start, last))
    return out


def _from_model(doc: Document, first: int, last: int) -> PersonMention | None:
    """A run the lexicons cannot place, accepted when the model tags it PERSON throughout."""
    for span in doc.entities_at(first):
        if span.label == "PERSON" and span.first <= first and span.last >= last:
            nominative = lemmatize_name(doc.norm_span(first, last))
            words = nominative.split()
            given, family = (words[0], " ".join(words[1:])) if len(words) > 1 else (None, words[0])
            start, end = doc.tokens[first].start, doc.tokens[last].end
            return PersonMention(
                first, last, start, end, doc.text[start:end], nominative, given, family, None, None,
                "person:ner", round(RULES["ner"] * (0.75 * span.confidence + 0.25), 3),
                ending_case(doc.tokens[last].norm, nominative),
            )
    return None


def _compatible(p: Person, m: PersonMention) -> bool:
    """Whether a full-name mention names person ``p``: the same given name and the same family
    name, or a patronymic standing where the other has the family name."""
    if (p.given or "").lower() != (m.given or "").lower():
        return False
    names_p = {x.lower() for x in (p.family, p.patronymic) if x}
    names_m = {x.lower() for x in (m.family, m.patronymic) if x}
    return bool(names_p & names_m) or _feminine_pair(p.family, m.family)


def _feminine_pair(a: str | None, b: str | None) -> bool:
    """Whether two family names are one in its masculine and feminine forms, as a text may
    write a woman's in a case ending ("Гүлден Елеудинге", then "Гүлден Елеудина")."""
    if not a or not b:
        return False
    a, b = a.lower(), b.lower()
    return (a + "а" == b or b + "а" == a) and min(len(a), len(b)) >= 5


def _initial_fits(initials: str | None, given: str | None) -> bool:
    return bool(initials and given) and given[:1].lower() == initials[:1].lower()  # type: ignore[index]


def group_persons(doc: Document, mentions: list[PersonMention]) -> list[Person]:
    """Group mentions into persons; set each mention's ``person``. Returns persons in order of
    first mention. Unattached single first names and surnames are dropped.

    Four steps: the full names make the persons (:func:`_persons_of_full_names`); the other
    mentions join one of them or make their own (:func:`_attach_partial`); a given name and
    patronymic join the initials they spell out (:func:`_join_initials`); each person then
    collects its mentions and evidence (:func:`_collect`)."""
    persons = _persons_of_full_names(mentions)
    _attach_partial(doc, mentions, persons)
    _join_initials(mentions)
    return _collect(doc, mentions, persons)


def _persons_of_full_names(mentions: list[PersonMention]) -> list[Person]:
    """One person per full name (given and family), the fullest forms first, so that "Нұрлан
    Әбілұлы" finds "Нұрлан Әбілұлы Сейітқали"."""
    persons: list[Person] = []
    full = sorted((m for m in mentions if m.given and m.family), key=lambda m: m.patronymic is None)
    for m in full:
        match = next((p for p in persons if _compatible(p, m)), None)
        if match is None and m.patronymic is None and is_patronymic((m.family or "").lower()):
            # "Әділ Орынбасарұлы" after "Әділ Жұбанов": a given name and a patronymic name the
            # one person of that given name with a family name
            same = [p for p in persons if (p.given or "").lower() == (m.given or "").lower()
                    and p.family and not is_patronymic(p.family.lower())]
            match = same[0] if len(same) == 1 else None
        if match is None:
            match = Person(_display(m), given=m.given, family=m.family, patronymic=m.patronymic)
            persons.append(match)
        elif m.patronymic and not match.patronymic:
            match.patronymic, match.name = m.patronymic, _display(m)
        elif m.case == "NOM" and _feminine_pair(match.family, m.family) and (m.family or "").lower().endswith("а"):
            match.family, match.name = m.family, _display(m)  # the form the text writes as it is
        m.person = match
    return persons


def _attach_partial(doc: Document, mentions: list[PersonMention], persons: list[Person]) -> None:
    """A family name (with initials that fit, if any) or a given name alone joins the one
    person it can name; initials and a surname with no full name, and a lone family name the
    model agrees on, make persons of their own."""
    by_family: dict[str, list[Person]] = {}
    by_given: dict[str, list[Person]] = {}
    for p in persons:
        by_family.setdefault((p.family or "").lower(), []).append(p)
        by_given.setdefault((p.given or "").lower(), []).append(p)
    for m in mentions:
        if m.person is not None:
            continue
        if m.family:
            candidates = [
                p for p in by_family.get(m.family.lower(), [])
                if not m.initials or _initial_fits(m.initials, p.given)
            ]
        else:
            candidates = list(by_given.get((m.given or "").lower(), [])) if m.given else []
        if len(candidates) == 1:
            m.person = candidates[0]
        elif m.initials and m.family:
            # initials and a surname with no full name in the text: the initials are the name
            m.person, _ = _named_person(persons, m.nominative, family=m.family)
        elif m.given and not m.family and not candidates and m.first == m.last and m.case not in ("LOC", "ABL") \
                and _known_by_one_name(doc, m.first):  # "Абайда" is in a place of that name
            # "ұлы ойшыл Абай": a person known by one name is one with no full name in the text
            m.person, _ = _named_person(persons, m.given, given=m.given)
        elif m.given and not m.family and not candidates and m.first == m.last and _called_by_name(doc, m.first):
            # "Айгүл есімді тұрғын": a person the text names by a given name alone
            m.person, new = _named_person(persons, m.given, given=m.given)
            if new:
                by_given.setdefault(m.given.lower(), []).append(m.person)  # "… Айгүлдің айтуынша"
            m.source, m.confidence = "person:given-called", RULES["given-called"]
        elif m.family and not candidates and _model_says_person(doc, m) and (
            " " in m.family or surname_kind(m.family.lower()) == "surname"
        ):
            # a lone family name makes a person of its own only when the model agrees and it
            # ends like one ("Қырғыстан", a misspelt country, does not)
            person = Person(m.nominative, family=m.family)
            persons.append(person)
            m.person = person


def _named_person(persons: list[Person], name: str, given: str | None = None,
                  family: str | None = None) -> tuple[Person, bool]:
    """The person of display name ``name`` among ``persons``, or a new one appended to them;
    and whether it is new."""
    person = next((p for p in persons if p.name == name), None)
    if person is not None:
        return person, False
    person = Person(name, given=given, family=family)
    persons.append(person)
    return person, True


def _join_initials(mentions: list[PersonMention]) -> None:
    """"облыс әкімі М.М. Ахметжанов … Марат Мұратұлы өз сөзінде": a given name and a
    patronymic with no family name are the person whose two initials they spell, when the
    text names exactly one such."""
    owners: dict[str, list[Person]] = {}
    for m in mentions:
        if m.person is not None and m.initials and m.family:
            found = owners.setdefault("".join(ch for ch in m.initials if ch.isalpha()).lower(), [])
            if not any(p is m.person for p in found):
                found.append(m.person)
    for m in mentions:
        person = m.person
        if person is None or m.initials or person.patronymic or not (person.given and person.family):
            continue
        if is_patronymic(person.family.lower()):
            candidates = owners.get((person.given[:1] + person.family[:1]).lower(), [])
            if len(candidates) == 1:
                m.person = candidates[0]


def _collect(doc: Document, mentions: list[PersonMention], persons: list[Person]) -> list[Person]:
    """Each person's mentions and evidence, in text order; the persons by first mention."""
    for m in mentions:
        if m.person is None:
            continue
        m.person.mentions.append(Mention(m.text, m.start, m.end))
        sentence = doc.sentences[doc.sentence_of[m.first]]
        m.person.evidence.append(Evidence(m.source, m.confidence, sentence.start, sentence.end))
    ordered = sorted((p for p in persons if p.mentions), key=lambda p: p.mentions[0].start)
    for p in ordered:
        p.mentions.sort(key=lambda x: x.start)
    return ordered


def _model_says_person(doc: Document, m: PersonMention) -> bool:
    return any(
        span.label == "PERSON" and span.first <= m.first and span.last >= m.last and span.confidence >= 0.7
        for span in doc.entities_at(m.first)
    )


def _display(m: PersonMention) -> str:
    """The name of a person in the nominative, given name first.

    "Сүйінбаев Жанболат" becomes "Жанболат Сүйінбаев"; a full official form with a patronymic
    ("Жамалбек Шәріпбек Жамалбекұлы", "Жазира Қайратқызы Омарова") stays as written.
    """
    if m.initials or not (m.given and m.family):
        return m.nominative
    if m.patronymic or m.nominative.startswith(m.given):
        return m.nominative
    return f"{m.given} {m.family}"




class GroupedMention(Protocol):
    start: int
    end: int
    person: Person | None


class MentionIndex:
    """Who is mentioned where, for any language's person mentions (start, end, person): the
    lookups quote attribution needs."""

    def __init__(self, mentions: Sequence[GroupedMention]) -> None:
        self._mentions = sorted((m for m in mentions if m.person is not None), key=lambda m: m.start)
        self._starts = [m.start for m in self._mentions]

    def named_in(self, start: int, end: int) -> str | None:
        """The person of the first mention starting inside characters ``start``–``end``."""
        i = bisect_right(self._starts, start - 1)
        person = self._mentions[i].person if i < len(self._mentions) and self._mentions[i].start < end else None
        return person.name if person is not None else None

    def last_before(self, offset: int, within: int | None = None) -> str | None:
        """The person named last before ``offset`` (at most ``within`` characters before)."""
        i = self._last_index(offset)
        if i < 0:
            return None
        m = self._mentions[i]
        assert m.person is not None
        return m.person.name if within is None or offset - m.end <= within else None

    def named_family(self, family: str, before: int) -> str | None:
        """The person named last before offset ``before`` whose name has the word ``family``
        ("Назарбаев", whom the title "Елбасы" names), case and "ё" aside."""
        wanted = family.lower().replace("ё", "е")
        for m in reversed(self._mentions):
            if m.end <= before and m.person is not None and wanted in m.person.name.lower().replace("ё", "е").split():
                return m.person.name
        return None

    def _last_index(self, offset: int) -> int:
        """The index of the last mention of a person ending before ``offset`` (-1 when none)."""
        i = bisect_right(self._starts, offset) - 1
        while i >= 0 and not (self._mentions[i].end <= offset and self._mentions[i].person is not None):
            i -= 1
        return i


class PersonIndex(MentionIndex):
    """The Kazakh speakers: mentions, and who holds which post by the words of its role."""

    def __init__(
        self, mentions: list[PersonMention], roles: list[tuple[int, str, str, str]] | None = None,
        sentence_starts: list[int] | None = None, pronoun_subjects: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__(mentions)
        # (offset, role lemma, role text lower, person name) of every post found
        self.roles = roles or []
        self._sentence_starts = sentence_starts or [0]
        self._pronoun_subjects = pronoun_subjects  # starts of the sentences that open with "Ол"

    def last_before(self, offset: int, within: int | None = None) -> str | None:
        """The person named last before ``offset``, preferring the subject of that mention's
        sentence: "Ерлан Сапаров Марат Ахметовты құттықтады. «…», – деді ол." is Сапаров's
        (a name in the accusative, dative, or in the genitive of what it owns, is whom the
        sentence is about, not who acts), "Сөз Марат Ахметовқа берілді. «…», – деді ол."
        Ахметов's, the only one named there; "Ол Ерлан Сапаровқа алғыс айтты." has for its
        subject the person the sentence's "Ол" stands for, named before."""
        i = self._last_index(offset)
        if i < 0:
            return None
        last = self._mentions[i]
        if within is not None and offset - last.end > within:
            return None
        chosen = last
        if getattr(last, "case", "NOM") != "NOM":
            sentence = self._sentence_starts[bisect_right(self._sentence_starts, last.start) - 1]
            subject = next((m for m in reversed(self._mentions[:i]) if m.start >= sentence and m.person is not None
                            and getattr(m, "case", "NOM") == "NOM"), None)
            if subject is not None:
                chosen = subject
            elif sentence in self._pronoun_subjects and sentence > 0:
                earlier = self.last_before(sentence, within)
                if earlier is not None:
                    return earlier
        assert chosen.person is not None
        return chosen.person.name

    def head_of_state(self, words: list[str], before: int) -> tuple[bool, str | None]:
        """Whether the words of an attribution name the head of state, by a post ([head_of_state]
        of post_words.txt: "– деді Мемлекет басшысы") or a title of one person ([title_holders]:
        "– деді Елбасы"), and then who that is in the text before offset ``before``: the person
        last given such a post, or named with the title holder's family name (None when none)."""
        joined = f" {' '.join(words)} "
        for title, family in kk.pairs("post_words.txt", "title_holders").items():
            if f" {title} " in joined:
                return True, self.named_family(family, before)
        if not any(f" {phrase} " in joined for phrase in post_words("head_of_state")):
            return False, None
        heads = [person for offset, role, _, person in self.roles if offset < before and role in post_words("head_of_state")]
        return True, heads[-1] if heads else None

    def names_unheld_post(self, words: list[str]) -> bool:
        """Whether the words name a post (a post noun) that no post found in the text holds: "–
        деді облыс әкімі" where no one was named "облыс әкімі"."""
        if any(word_lemma(w) in post_nouns() and (readings := analyse(w)) and "PL" in readings[0].tags for w in words):
            return False  # "– деп бірлестіктердің мүшелері пікір білдірді": a group speaks
        lemmas = {word_lemma(w) for w in words} & post_nouns()
        if lemmas & person_words("head_of_territory"):
            lemmas.add("әкім")
        return bool(lemmas) and not any(role in lemmas for _, role, _, _ in self.roles)

    def holder_of(self, words: list[str], before: int) -> str | None:
        lemmas = [word_lemma(w) for w in words]
        synonyms = role_synonyms()
        for word in list(words):
            if word in synonyms:
                # "деді вице-әкім" is the akim's deputy ("әкімінің орынбасары")
                role_lemma, held_word = synonyms[word]
                lemmas += [role_lemma, word_lemma(held_word)]
        wanted = [lem for lem in lemmas if lem in post_nouns()]
        if not wanted:
            return None
        role = wanted[-1]
        context = set(lemmas)
        territory = context & person_words("territory")
        if role in person_words("head_of_territory") and (territory or context & person_words("regions")):
            role = "әкім"  # "деді аудан басшысы", "өңір басшысы": the akim
        best: tuple[int, int, str] | None = None
        for offset, role_lemma, role_text, person in self.roles:
            if role_lemma != role:
                continue
            # "облыс әкімі" should find the region's akim, not a district's; then the nearest
            held = {word_lemma(w) for w in role_text.split()}
            if territory and not territory <= held:
                continue  # "деді ауыл әкімі" is not the town's akim
            score = len(context & held)
            candidate = (score, -abs(before - offset), person)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        return best[2] if best else None
