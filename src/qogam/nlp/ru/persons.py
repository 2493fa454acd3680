"""Russian persons: the model's PER spans, in the nominative, grouped into persons.

Each PER span of natasha's model (plus the initials written before it) is a mention; its
words are put in the nominative together (:func:`qogam.nlp.ru.morph.name_nominative`), so the
case and gender the whole name is in decide each word. Mentions group like the Kazakh ones: a
full name makes a person; a family name alone, or with initials that fit, joins the one person
of that family name; a person is named by its fullest form.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from qogam.nlp.extract.results import Evidence, Mention, Person
from qogam.nlp.ru.document import RuDocument
from qogam.nlp.ru.lexicon import entries, fold, pairs, words
from qogam.nlp.ru.morph import as_name, gender_hint, is_place, is_place_as_written, lemmas, name_nominative, parses

# The readings a mention is found by, each with the score it gives (calibration measures them).
RULES: dict[str, float] = {
    "full": 0.9,  # "Роза Ешаева", "Ерекенов Мурзабай Куанашпаевич"
    "initials": 0.85,  # "И. Намазбаева"
    "single": 0.5,  # "Намазбаевой"
}

_PATRONYMIC_ENDINGS = entries("name_endings.txt", "patronymic")
_FAMILY_ENDINGS = entries("name_endings.txt", "family")


@dataclass(slots=True)
class RuPersonMention:
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
    rule: str
    case_nominative: bool = True  # whether the name is written in the nominative
    person: Person | None = field(default=None, repr=False)


def is_patronymic(word: str) -> bool:
    return word.lower().endswith(_PATRONYMIC_ENDINGS) and len(word) > 5


def person_gender(name: str) -> str | None:
    """The gender a person's name shows: a listed given name's, else a patronymic's or a
    family name's ending ("-овна", "-қызы", "-ова", "-ская" are a woman's); None when none does."""
    words_ = [w for w in name.split() if not w.endswith(".")]
    for w in words_:
        hint = gender_hint(w)
        if hint:
            return hint
    for w in reversed(words_):
        lower = w.lower()
        ending = max((e for e in _PATRONYMIC_ENDINGS + _FAMILY_ENDINGS if lower.endswith(e)), key=len, default=None)
        if ending is not None and len(lower) > len(ending) + 2:
            return "femn" if ending.endswith(("а", "ая", "ызы")) else "masc"
    return None


def family_key(family: str) -> str:
    """A family name without its gender ending: "Ешаева" and "Ешаев" share "ешаев"."""
    lower = family.lower().replace("ё", "е")
    for ending, cut in (("ова", 1), ("ева", 1), ("ина", 1), ("ына", 1), ("ская", 4), ("ский", 4)):
        if lower.endswith(ending):
            return lower[: len(lower) - cut]
    return lower


def _parts(words: list[str]) -> tuple[str | None, str | None, str | None]:
    """(given, family, patronymic) of the words of a nominative name, in either order."""
    if len(words) == 1:
        return None, words[0], None
    if len(words) >= 3 and is_patronymic(words[1]):
        return words[0], " ".join(words[2:]), words[1]
    if len(words) >= 3 and is_patronymic(words[-1]):
        return words[1], words[0], words[-1]
    if len(words) == 2 and is_patronymic(words[1]):
        return words[0], words[1], None  # "Серик Жакыпбекулы": the patronymic serves as family name
    first, last = words[0], words[-1]
    if first.lower().endswith(_FAMILY_ENDINGS) and not last.lower().endswith(_FAMILY_ENDINGS):
        return last, first, None  # "Тажибаев Бейсен"
    return first, " ".join(words[1:]), None


def _character(name: list[str]) -> bool:
    """Whether a name is a character of tales and holidays ("Дед Мороз"), not a real person."""
    return fold(" ".join(name)) in words("function_words.txt", "characters")


def _initial_at(doc: RuDocument, k: int) -> bool:
    """Whether token ``k`` is an initial: a capital letter alone, then a full stop."""
    word = doc.word(k)
    return len(word) == 1 and word.isupper() and k + 1 < len(doc.tokens) and doc.word(k + 1) == "."


def _initials_before(doc: RuDocument, first: int) -> int:
    """Where the initials written before token ``first`` start ("А. Б. Иванов", "А.Б. Иванов")."""
    k = first
    while k >= 2 and doc.word(k - 1) == "." and len(doc.word(k - 2)) == 1 and doc.word(k - 2).isupper():
        k -= 2
    return k


def _name_spans(doc: RuDocument) -> list[list[int]]:
    """Token runs the model did not tag that read as a name by the rules: a given name (the
    Kazakh lists, or the dictionary's first reading) then a family name by its ending, with
    a patronymic or not ("Нурлан Сеилов", "Ерекенов Мурзабай Куанашпаевич")."""
    tagged = _mentioned(doc)
    out: list[list[int]] = []
    i, n = 0, len(doc.tokens)

    def name_word(k: int) -> bool:
        word = doc.word(k)
        return k not in tagged and word[:1].isupper() and word.isalpha() and len(word) > 1 and not (word.isupper() and len(word) <= 4)

    per = {k for span in doc.entities if span.label == "PER" for k in doc.tokens_in(span.start, span.end)}
    while i < n:
        word = doc.word(i)
        if i not in per and word[:1].isupper() and word.isalpha() and len(word) > 2 and not is_place(word) \
                and _initialled_family(doc, i) and not (i + 1 < n and name_word(i + 1)):
            # "М.Мурзалина", "Б. Мукушев": initials and a family name, even where the model
            # read them as a place
            out.append([i])
            i += 1
            continue
        if not name_word(i):
            i += 1
            continue
        j = i
        while j + 1 < n and j - i < 2 and name_word(j + 1) and doc.sentence_of[j + 1] == doc.sentence_of[i]:
            j += 1
        tokens = list(range(i, j + 1))
        while tokens and not _name_part(doc.word(tokens[-1])):
            tokens.pop()  # "Нурдана Каниева Фото": a caption's word after the name
        if len(tokens) == 3 and not _name_part(doc.word(tokens[0])):
            tokens = tokens[1:]  # "Вице-спикер Мажилиса Айгуль Жумабаева": a body's name before hers
        words = [doc.word(k) for k in tokens]
        given = [w for w in words if gender_hint(w) or any("Name" in p.tag for p in parses(w)[:1])]
        family = [w for w in words if _family_like(w)]
        if len(words) >= 2 and given and family and all(_name_part(w) for w in words):
            out.append(tokens)
            i = j + 1
        else:
            i += 1  # "Аким Шымкента Габит Сыздыкбеков": the name may start inside the run
    return out


_BETWEEN = frozenset({"«", "»", "“", "”", "\"", "№", "(", ")"})


def _case_after(doc: RuDocument, last: int, role_cases: Callable[[int], set[str]]) -> str | None:
    """The case of a role set off by a comma after the name ending at token ``last``, a
    modifier or two before it ("прочили Малика Мурзалина, первого зама управделами" → gent);
    ``None`` when no role follows or its case is the nominative or unclear."""
    n = len(doc.tokens)
    if last + 2 >= n or doc.word(last + 1) != "," or doc.sentence_of[last + 2] != doc.sentence_of[last]:
        return None
    for k in range(last + 2, min(last + 5, n)):
        found = role_cases(k)
        if found:
            cases = found - {"accs"} or found  # an animate accusative reads as the genitive too
            return next(iter(cases)) if len(cases) == 1 and cases != {"nomn"} else None
        if not any(p.tag.POS in ("ADJF", "PRTF") for p in parses(doc.word(k))[:2]):
            return None
    return None


def _apposition_case(doc: RuDocument, first: int, last: int) -> str | None:
    """The case of the post noun a name at token ``first`` stands in apposition to, when the
    text shows it: the head of the role phrase before the name, through its genitives ("акима
    Акмолинской области М.Мурзалина" → gent; "заместитель председателя Б.Мукушев" is the
    nominative's); ``None`` with no role before, a head of several cases or in the nominative."""
    roles = words("post_nouns.txt", "roles") | set(pairs("post_nouns.txt", "synonyms"))
    sentence = doc.sentence_of[first]

    def role_cases(k: int) -> set[str]:
        return {str(p.tag.case) for p in parses(doc.word(k)) if p.tag.POS == "NOUN" and fold(p.normal_form) in roles}

    k = first - 1
    while k >= 0 and first - k <= 10 and doc.sentence_of[k] == sentence and not role_cases(k):
        word = doc.word(k)
        if not (word[:1].isalnum() or word in _BETWEEN):
            return _case_after(doc, last, role_cases)  # a comma, a dash: no role before
        k -= 1
    if k < 0 or doc.sentence_of[k] != sentence or not role_cases(k):
        return _case_after(doc, last, role_cases)
    while k - 1 >= 0 and doc.sentence_of[k - 1] == sentence and role_cases(k - 1):
        k -= 1  # "заместитель председателя": the first role noun is the head
    found = role_cases(k)
    cases = found - {"accs"} or found  # an animate accusative reads as the genitive too
    if len(cases) > 1 and not any(p.tag.case == "nomn" and p.tag.number == "sing" for p in parses(doc.word(k))
                                  if p.tag.POS == "NOUN"):
        # "с участием главы города Батырлана Ахметова": one person's role is no plural
        cases = cases - {"nomn"} or cases
    if len(cases) != 1:
        return None
    case = next(iter(cases))
    if case == "nomn":
        return None  # a nominative role says little: "председатель фонда Айгуль Сейтовой" is a slip
    if k > 0 and _past_gender(doc.word(k - 1)) == "femn" and all(
            "femn" not in p.tag for p in parses(doc.word(k))[:1]):
        return None  # "рассказала координатора фонда Гульзат Сахова": a verb of hers before a slip
    return case


def _verb_gender_before(doc: RuDocument, first: int) -> str | None:
    """The gender of the past-tense verb nearest before token ``first`` in its clause (at most
    eight words back, no comma between), when a role in the nominative stands between, the
    verb's subject the name is in apposition to: "Как сообщила соучредитель фонда Багила
    Балтабаева" (not "поблагодарила Серикбая Омарова", the verb's object)."""
    roles = words("post_nouns.txt", "roles")
    role_between = False
    for k in range(first - 1, max(first - 9, -1), -1):
        if doc.sentence_of[k] != doc.sentence_of[first] or doc.word(k) in (",", ";", ":"):
            return None
        gender = _past_gender(doc.word(k))
        if gender is not None:
            return gender if role_between else None
        role_between = role_between or any(
            p.tag.POS == "NOUN" and p.tag.case == "nomn" and fold(p.normal_form) in roles for p in parses(doc.word(k))[:2])
    return None


def _past_gender(word: str) -> str | None:
    """The gender of a past-tense verb ("рассказала" → femn), or None."""
    for p in parses(word)[:1]:
        if p.tag.POS == "VERB" and p.tag.tense == "past" and p.tag.gender:
            return str(p.tag.gender)
    return None


def _initialled_family(doc: RuDocument, i: int) -> bool:
    """Whether token ``i`` is a family name by its ending after initials ("М.Мурзалина"), not
    an eponym of a street or a body ("ул. М.Ауэзова", "имени А.Байтурсынова")."""
    first = _initials_before(doc, i)
    if first == i or not _family_like(doc.word(i)):
        return False
    before = fold(doc.word(first - 1)) if first > 0 else ""
    if before == "." and first > 1:
        before = fold(doc.word(first - 2))  # "ул. М.Ауэзова"
    return before not in words("function_words.txt", "eponym_markers")


def _family_like(word: str) -> bool:
    return word.lower().rstrip("ауыойем").endswith(("ов", "ев", "ин", "ын")) or is_patronymic(word)


def _name_part(word: str) -> bool:
    """A given name, a family name or a patronymic by the lists, the dictionary or the ending."""
    return bool(gender_hint(word)) or _family_like(word) or any(
        t in p.tag for p in parses(word)[:1] for t in ("Name", "Surn", "Patr"))


@cache
def _territory_nouns() -> frozenset[str]:
    return words("post_nouns.txt", "territory")


def find_mentions(doc: RuDocument) -> list[RuPersonMention]:
    """The person mentions of ``doc``: the model's PER spans, and the runs the rules read as
    names that the model left (all of them with no model)."""
    out: list[RuPersonMention] = []
    spans = [list(doc.tokens_in(span.start, span.end)) for span in doc.entities if span.label == "PER"]
    for tokens in spans + _name_spans(doc):
        if not tokens:
            continue
        first, last = _initials_before(doc, tokens[0]), tokens[-1]
        if first == tokens[0] and _given_before(doc, first):
            first -= 1  # "Дана Акжолова", the model's span starting at the family name
        while first < last and doc.word(first).isupper() and 1 < len(doc.word(first)) <= 4:
            first += 1  # "аким ЮКО Б. Атамкулов": an abbreviation opens the span
        if doc.word(last)[:1].isalpha() and len(doc.word(last)) > 1:
            while last + 2 < len(doc.tokens) and _initial_at(doc, last + 1) and doc.sentence_of[last + 1] == doc.sentence_of[first]:
                last += 2  # "Иванову И.И.": initials after the family name, a span of their own to the model
        initials_parts: list[str] = []
        words: list[str] = []
        trailing = False
        k = first
        while k <= last:
            word = doc.word(k)
            if _initial_at(doc, k) and k + 1 <= last:
                initials_parts.append(word + ".")
                trailing = trailing or bool(words)
                k += 2
                continue
            if word[:1].isalpha() and word[:1].isupper():
                words.append(word)
            k += 1
        kept = _trimmed(words)
        if kept and len(kept) < len(words) and not initials_parts:
            # "Мажилиса Айгуль Сейтова" tagged as one name: the mention starts at the name, so
            # the body's word stays free for the body ("депутат Мажилиса")
            first = next(k for k in range(first, last + 1) if doc.word(k) == kept[0])
        words = kept
        if len(words) > 1 and not initials_parts and _apposed_region(doc, first):
            # "аким области Абай Нурлан Уранхаев": the region's name opens the span
            first = next(k for k in range(first + 1, last + 1) if doc.word(k) == words[1])
            words = words[1:]
        if not words or (len(words) == 1 and not initials_parts and not _name_like(words[0])):
            continue
        if len(words) == 1 and not initials_parts and first > 0 \
                and lemmas(doc.word(first - 1)) & _territory_nouns():
            continue  # "Аким области Абай встретился": the region's name, not a person
        if len(words) == 2 and is_patronymic(words[1]) and first == tokens[0] and _family_before(doc, first):
            first -= 1  # "Смагулов Мейржан Серикбосынович", the model's span starting at the given name
            words = [doc.word(first), *words]
        case = _apposition_case(doc, first, last)
        nominative = name_nominative(words, case, _verb_gender_before(doc, first) if case is None else None)
        if _character(nominative):
            continue  # "Дед Мороз": a character, not a real person
        given, family, patronymic = _parts(nominative)
        initials = "".join(initials_parts) or None
        rule = "initials" if initials else ("full" if given else "single")
        start, end = doc.tokens[first].start, doc.tokens[last].end
        # initials as written, glued or spaced ("М.Мурзалин", "Г. Толегул")
        if initials and trailing:
            # "Сейтовой А.Б." → "Сейтова А.Б.", the initials as written after the name
            last_word = max(k for k in range(first, last + 1) if doc.word(k) == words[-1])
            shown = " ".join(nominative) + doc.text[doc.tokens[last_word].end : end]
        else:
            prefix = doc.text[start : doc.text.index(words[0], start)] if initials else ""
            shown = prefix + " ".join(nominative)
        out.append(RuPersonMention(first, last, start, end, doc.text[start:end], shown, given, family, patronymic,
                                   initials, rule, nominative == [as_name(w) for w in words]))
    return out


def _apposed_region(doc: RuDocument, k: int) -> bool:
    """Whether token ``k`` is a region's name in apposition after a bare "области"
    ("области Абай", [apposed_regions] of org_types.txt)."""
    return k > 0 and fold(doc.word(k)) in words("org_types.txt", "apposed_regions") \
        and "область" in lemmas(doc.word(k - 1)) \
        and not (k > 1 and any(p.tag.POS == "ADJF" for p in parses(doc.word(k - 2))[:1]))


def _trimmed(names: list[str]) -> list[str]:
    """The name words of a span without what opens it and is no name: a place ("Костаная
    Жундубаев Марат"), a common noun ("Представители …"), a post opening a sentence before
    a given name and a family name ("Аким Ерлан Сапаров": Аким is a Russian given name too), or
    before a full name with its patronymic ("Председатель– Менешева Зумрад Окасовна")."""
    roles = words("post_nouns.txt", "roles")
    while len(names) > 1 and not is_patronymic(names[1]) and (_not_a_name(names[0]) or (
            len(names) >= 3 and bool(lemmas(names[0]) & roles)
            and (gender_hint(names[1]) is not None or (len(names) >= 4 and is_patronymic(names[-1]))))):
        names = names[1:]
    return names


def _not_a_name(word: str) -> bool:
    """A word the dictionary knows as something other than a name: a place, a common noun or
    an adjective ("Костаная", "Представители", "Семипалатинский")."""
    if is_place_as_written(word):
        return True  # "Аким Алматы Ербол Досаев"
    if gender_hint(word):
        return False
    readings = parses(word)
    if is_place(word) or _body_noun(word):
        return True
    if not readings or any(t in p.tag for p in readings for t in ("Name", "Surn", "Patr")):
        return False
    top = readings[0]
    return top.is_known and (top.tag.POS in _NOT_NAME_POS or "Geox" in top.tag
                             or (top.tag.POS == "NOUN" and "Name" not in top.tag and word.lower().endswith(_COMMON_PLURAL)))


_COMMON_PLURAL = ("ели", "ики", "ы", "ии")
# Parts of speech of no name: adjectives, participles, verbs, and the words of time, place and
# grammar that open a sentence before a name the model takes in ("Сегодня Ерлан Сапаров").
_NOT_NAME_POS = ("ADJF", "ADJS", "PRTF", "VERB", "INFN", "ADVB", "NPRO", "PREP", "CONJ", "PRCL", "PRED", "NUMR", "COMP")


@cache
def _body_heads() -> frozenset[str]:
    return frozenset(pairs("org_types.txt", "heads")) | words("org_types.txt", "standalone")


def _body_noun(word: str) -> bool:
    """A type noun of bodies ("Маслихат Шымкента", which pymorphy3 reads as a given name)."""
    heads = _body_heads()
    return any(fold(p.normal_form) in heads for p in parses(word)[:3]) or fold(word) in heads


def _name_like(word: str) -> bool:
    """Whether one word alone can name a person: a family name by its ending, a known Kazakh
    given name, or a word the dictionary reads as a name first ("Президент", "Елбасы",
    "Акорды" cannot)."""
    if gender_hint(word):
        return True
    if word.lower().endswith(_FAMILY_ENDINGS):
        # "Семипалатинский ядерный полигон": an adjective the dictionary knows is no family name
        return not _not_a_name(word)
    readings = parses(word)[:2]
    return any(t in p.tag for p in readings for t in ("Name", "Surn", "Patr")) and not _not_a_name(word)


def _given_before(doc: RuDocument, first: int) -> bool:
    """Whether the word before a family name is a given name the model left out: capitalised,
    in the same sentence, a Kazakh given name or one the dictionary knows as a name."""
    k = first - 1
    if k < 0 or doc.sentence_of[k] != doc.sentence_of[first] or k in _mentioned(doc):
        return False
    word = doc.word(k)
    if not (word[:1].isupper() and word.isalpha()) or not doc.word(first).lower().endswith(_FAMILY_ENDINGS):
        return False
    return bool(gender_hint(word)) or any("Name" in p.tag for p in parses(word)[:1])


def _mentioned(doc: RuDocument) -> set[int]:
    """The tokens inside the model's spans (computed once per document)."""
    if doc.entity_tokens is None:
        tokens: set[int] = set()
        for span in doc.entities:
            inside = list(doc.tokens_in(span.start, span.end))
            if span.label == "LOC" and len(inside) >= 3 and (
                    gender_hint(doc.word(inside[-2])) or any("Name" in p.tag for p in parses(doc.word(inside[-2]))[:1])) \
                    and _family_like(doc.word(inside[-1])):
                # "поселка Зачаганск Курмангали Байгаржанова" read as one place: a given and a
                # family name ending it stay free for the name rules
                inside = inside[:-2]
            tokens.update(inside)
        doc.entity_tokens = tokens
    return doc.entity_tokens


def _family_before(doc: RuDocument, first: int) -> bool:
    """Whether the word before a given name and patronymic is their family name: capitalised,
    in the same sentence, and no common word or place."""
    k = first - 1
    if k < 0 or doc.sentence_of[k] != doc.sentence_of[first]:
        return False
    word = doc.word(k)
    return word[:1].isupper() and word.isalpha() and not _not_a_name(word) and (
        word.lower().endswith(_FAMILY_ENDINGS) or not any(p.is_known for p in parses(word)[:1]))


def group(doc: RuDocument, mentions: list[RuPersonMention]) -> list[Person]:
    """Group mentions into persons (setting each mention's ``person``), in order of first mention."""
    persons: list[Person] = []
    # the fullest forms first, and a real family name before a patronymic standing for one
    full = sorted((m for m in mentions if m.given and m.family),
                  key=lambda m: (m.patronymic is None, is_patronymic(m.family or "")))
    for m in full:
        match = next((p for p in persons if _same(p, m)), None)
        if match is None and m.patronymic is None and is_patronymic(m.family or ""):
            # "Ерик Хамзинович" after "Ерик Султанов": a given name and patronymic name the one
            # person of that given name
            same = [p for p in persons if given_key(p.given or "") == given_key(m.given or "")]
            match = same[0] if len(same) == 1 else None
        if match is None:
            match = Person(m.nominative, given=m.given, family=m.family, patronymic=m.patronymic)
            persons.append(match)
        m.person = match
    for m in mentions:
        if m.person is not None:
            continue
        key = family_key(m.family or "")
        candidates = [p for p in persons if p.family and family_key(p.family) == key
                      and (not m.initials or (p.given or "")[:1].lower() == m.initials[:1].lower())]
        if not candidates and m.given is None and m.family:
            candidates = [p for p in persons if (p.given or "").lower() == m.family.lower()]  # a given name alone
        if len(candidates) == 1:
            m.person = candidates[0]
        elif m.initials and m.family:
            m.person = next((p for p in persons if p.name == m.nominative), None)
            if m.person is None:
                m.person = Person(m.nominative, family=m.family)
                persons.append(m.person)
        elif not candidates and m.family and " " not in m.nominative:
            # a family name alone, or a given name alone ("Рашила"), names someone the text
            # names no more fully
            m.person = next((p for p in persons if p.name == m.nominative), None)
            if m.person is None:
                m.person = Person(m.nominative, family=m.family)
                persons.append(m.person)
    for m in mentions:
        if m.person is None:
            continue
        m.person.mentions.append(Mention(m.text, m.start, m.end))
        sentence_start, sentence_end = doc.sentence_span(m.first)
        m.person.evidence.append(Evidence(f"ru-person:{m.rule}", RULES[m.rule], sentence_start, sentence_end))
    for p in persons:
        # the name as the text writes it in the nominative, when some mention does
        as_written = [m for m in mentions if m.person is p and m.nominative == m.text and " " in m.text
                      and not (is_patronymic(m.family or "") and not is_patronymic(p.family or ""))]
        if as_written and not any(m.person is p and m.patronymic for m in mentions):
            p.name = as_written[0].nominative
    ordered = sorted((p for p in persons if p.mentions), key=lambda p: p.mentions[0].start)
    for p in ordered:
        p.mentions.sort(key=lambda x: x.start)
    return ordered


def _same(p: Person, m: RuPersonMention) -> bool:
    """Whether a full-name mention names person ``p``: the same given name (gender endings
    aside) and the same family name, or a patronymic where the other has the family name
    ("Мейржан Серикбосынович" and "Смагулов Мейржан Серикбосынович")."""
    if given_key(p.given or "") != given_key(m.given or ""):
        return False
    names_p = {family_key(x) for x in (p.family, p.patronymic) if x}
    names_m = {family_key(x) for x in (m.family, m.patronymic) if x}
    return bool(names_p & names_m)


def given_key(given: str) -> str:
    """A given name without a final -а/-я, so that a gender misread still groups ("Малика"/"Малик")."""
    lower = given.lower().replace("ё", "е")
    return lower[:-1] if lower.endswith(("а", "я")) and len(lower) > 3 else lower
