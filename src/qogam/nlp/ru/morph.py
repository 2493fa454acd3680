"""Russian morphology through pymorphy3: lemmas, and names and noun phrases in the nominative.

pymorphy3 (the maintained fork of pymorphy2, which no longer imports with setuptools ≥ 82)
ships its dictionary as a wheel (``pymorphy3-dicts-ru``), so nothing is downloaded. Kazakh
names in Russian text are mostly unknown to it; its guesses from endings are good for family
names (-ов, -ева, -ина) and the rules below settle the rest: the case and gender a whole name
is in are chosen by the words that know it, and every word is then put in the nominative of
that gender.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from qogam.nlp.ru.lexicon import fold

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NAME_TAGS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The shared pymorphy3 analyser (loads its dictionary once per process)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """Every pymorphy3 reading of ``word`` (lower-cased), most likely first; none for a word
    pymorphy3 cannot read (it looks up each letter's Unicode name, and some letters have none)."""
    try:
        return tuple(analyzer().parse(word.lower()))
    except ValueError:
        return ()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of ``word``, lower case with "ё" as "е"."""
    found = parses(word)
    return fold(found[0].normal_form) if found else fold(word)


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form ``word`` may have (a form is often ambiguous: "совета", "советы")."""
    return frozenset(fold(p.normal_form) for p in parses(word))


def case_of(word: str, pos: str = "NOUN") -> str | None:
    """The most likely case of ``word`` read as part of speech ``pos`` (None when it is none)."""
    for p in parses(word):
        if pos == p.tag.POS:
            return str(p.tag.case) if p.tag.case else None
    return None


def is_pos(word: str, *pos: str) -> bool:
    """Whether any reading of ``word`` is one of the parts of speech ``pos``."""
    return any(p.tag.POS in pos for p in parses(word))


def _restore_case(form: str, like: str) -> str:
    """``form`` written the way ``like`` is: capitalised, in capitals, or lower case, and with
    "е" where the text writes no "ё" (pymorphy3's "молодёжное" for "молодежного")."""
    if "ё" not in like.lower():
        form = form.replace("ё", "е").replace("Ё", "Е")
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        form = form[:1].upper() + form[1:]
    if "-" in like and "-" in form:
        # "Южно-Казахстанского" → "Южно-Казахстанский": each part keeps its capital
        parts, written = form.split("-"), like.split("-")
        if len(parts) == len(written):
            form = "-".join(p[:1].upper() + p[1:] if w[:1].isupper() else p for p, w in zip(parts, written))
    return form


def as_name(word: str) -> str:
    """A name word in capitals written as names are ("ТУРСЫНОВОЙ" → "Турсыновой")."""
    if word.isupper() and len(word) > 1:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


# Family-name endings of the oblique cases and their nominative, for words pymorphy3 cannot
# inflect: (ending, gender, replacement), longest first.
_SURNAME_ENDINGS = (
    ("овой", "femn", "ова"), ("евой", "femn", "ева"), ("иной", "femn", "ина"), ("ыной", "femn", "ына"),
    ("ову", "femn", "ова"), ("еву", "femn", "ева"), ("ину", "femn", "ина"),
    ("ова", "masc", "ов"), ("ева", "masc", "ев"), ("ина", "masc", "ин"), ("ына", "masc", "ын"),
    ("ову", "masc", "ов"), ("еву", "masc", "ев"), ("ину", "masc", "ин"),
    ("овым", "masc", "ов"), ("евым", "masc", "ев"), ("иным", "masc", "ин"),
    ("ове", "masc", "ов"), ("еве", "masc", "ев"), ("ине", "masc", "ин"),
)
# First names and other words of names that pymorphy3 reads as indeclinable: oblique endings
# of the feminine -ия/-а and the masculine consonant names.
_NAME_ENDINGS = (
    ("ие", "femn", "ия"), ("ии", "femn", "ия"), ("ию", "femn", "ия"), ("ией", "femn", "ия"),
    ("ой", "femn", "а"), ("ы", "femn", "а"), ("е", "femn", "а"), ("у", "femn", "а"),
    ("ом", "masc", ""), ("ым", "masc", ""), ("у", "masc", ""), ("а", "masc", ""), ("е", "masc", ""),
)


def _word_readings(word: str, prefer: str | None = None) -> list[tuple[str, str | None, Any]]:
    """(case, gender, parse) of each singular reading of a name word: readings of the kind of
    name word ``prefer`` ("Name", "Surn", "Patr") when it has some, else of any kind of name
    word, else of any animate noun."""
    found = [p for p in parses(word) if p.tag.number != "plur"]
    named = [p for p in found if any(t in p.tag for t in _NAME_TAGS)]
    preferred = [p for p in named if prefer and prefer in p.tag]
    chosen = preferred or named or [p for p in found if p.tag.POS == "NOUN" and p.tag.animacy == "anim"]
    return [(str(p.tag.case), str(p.tag.gender) if p.tag.gender else None, p) for p in chosen if p.tag.case]


# Kazakh letters folded to the Russian spelling of the same names ("Нұрлан" → "Нурлан").
KAZAKH_FOLD = str.maketrans("әқңғүұіһөӘҚҢҒҮҰІҺӨ", "акнгууихоАКНГУУИХО")
_OBLIQUE = ("ой", "ом", "ым", "ию", "ии", "ие", "ей", "а", "у", "е", "ы", "ю")
# The cases an oblique ending of a Kazakh given name puts it in, by gender ("Дархана" → gent).
_GIVEN_CASES = {
    ("а", "masc"): ("gent", "accs"), ("у", "masc"): ("datv",), ("ом", "masc"): ("ablt",),
    ("ым", "masc"): ("ablt",), ("е", "masc"): ("loct",),
    ("ы", "femn"): ("gent",), ("и", "femn"): ("gent",), ("е", "femn"): ("datv", "loct"),
    ("у", "femn"): ("accs",), ("ю", "femn"): ("accs",), ("ой", "femn"): ("ablt",), ("ей", "femn"): ("ablt",),
}


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given names of the Kazakh lists in Russian spelling, and of nlp/ru/given_names.txt, with
    their gender."""
    from qogam.nlp.kk.lexicon import NAME_FILES, entries
    from qogam.nlp.ru.lexicon import entries as ru_entries

    out: dict[str, str] = {}
    for section, gender in (("male", "masc"), ("female", "femn")):
        for name in NAME_FILES:
            for entry in entries(name, section):
                out.setdefault(entry.translate(KAZAKH_FOLD).lower(), gender)
        for entry in ru_entries("given_names.txt", section):
            out.setdefault(entry.lower(), gender)
    return out


def given_cases(word: str) -> tuple[str, ...]:
    """The cases a Kazakh given name with an oblique ending is in ("Дархана" → gent, accs);
    empty for a name as listed or a word that is not one."""
    names, lower = _given_names(), word.lower().translate(KAZAKH_FOLD)
    if lower in names:
        return ()
    for (ending, gender), cases in _GIVEN_CASES.items():
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 3 and names.get(stem) == gender:
            return cases
    return ()


def gender_hint(word: str) -> str | None:
    """The gender of a Kazakh given name, as written or with an oblique ending taken off
    ("Ерлану" → masc, "Айгерим" → femn)."""
    names, lower = _given_names(), word.lower().translate(KAZAKH_FOLD)  # "Нұрлан" is Нурлан
    if lower in names:
        return names[lower]
    for ending in _OBLIQUE:
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 3:
            for candidate in (stem, stem + "а", stem + "я"):
                if candidate in names:
                    return names[candidate]
    return None


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Place names of the Kazakh list, in Russian spelling, lower case."""
    from qogam.nlp.kk.lexicon import entries

    return frozenset(e.translate(KAZAKH_FOLD).lower() for e in entries("places.txt"))


def is_place_as_written(word: str) -> bool:
    """Whether ``word`` as written is a place of the Kazakh list and no given name as written:
    "Алматы" is the city, though "Алмат" is a given name and "-ы" an oblique ending."""
    lower = word.lower().translate(KAZAKH_FOLD)
    return lower in _places() and lower not in _given_names()


def is_place(word: str) -> bool:
    """Whether ``word`` is a form of a place the dictionary knows, or of one of the Kazakh list
    ("Костаная", "Павлодаре")."""
    return any(("Geox" in p.tag and p.is_known) or fold(p.normal_form) in _places() for p in parses(word)[:3]) \
        or word.lower() in _places()


def _preferred_tag(index: int, count: int) -> str | None:
    """The kind of name word expected at ``index`` of ``count`` words, given name first."""
    if count == 1:
        return None
    if index == 0:
        return "Name"
    return "Surn" if index == count - 1 else "Patr"


# The cases and genders a Russian-type family name may be in, by its ending: what pymorphy3
# cannot tell of the Kazakh family names it does not know ("Кулкенов", "Джарболова").
_SURNAME_CASES = (
    ("овой", (("gent", "femn"), ("datv", "femn"), ("ablt", "femn"), ("loct", "femn"))),
    ("евой", (("gent", "femn"), ("datv", "femn"), ("ablt", "femn"), ("loct", "femn"))),
    ("иной", (("gent", "femn"), ("datv", "femn"), ("ablt", "femn"), ("loct", "femn"))),
    ("овым", (("ablt", "masc"),)), ("евым", (("ablt", "masc"),)), ("иным", (("ablt", "masc"),)),
    ("ову", (("datv", "masc"), ("accs", "femn"))), ("еву", (("datv", "masc"), ("accs", "femn"))),
    ("ину", (("datv", "masc"), ("accs", "femn"))),
    ("ова", (("gent", "masc"), ("accs", "masc"), ("nomn", "femn"))),
    ("ева", (("gent", "masc"), ("accs", "masc"), ("nomn", "femn"))),
    ("ина", (("gent", "masc"), ("accs", "masc"), ("nomn", "femn"))),
    ("ове", (("loct", "masc"),)), ("еве", (("loct", "masc"),)), ("ине", (("loct", "masc"),)),
    ("ов", (("nomn", "masc"),)), ("ев", (("nomn", "masc"),)), ("ин", (("nomn", "masc"),)),
)


def _ending_votes(word: str) -> tuple[tuple[str, str], ...]:
    lower = word.lower()
    for ending, readings in _SURNAME_CASES:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return readings
    return ()


def _inflected_part(word: str) -> str:
    """The part of a hyphenated name that declines: the last ("Касым-Жомарта" → "Жомарта")."""
    return word.rsplit("-", 1)[-1] if "-" in word[1:-1] else word


# Kazakh family names ending in -ы/-и after a consonant ("Сатыбалды", "Сейткали", "Уали") are
# not declined in Russian text; pymorphy3 reads them as the genitive of a name in -а/-я.
_INDECLINABLE_FAMILY = re.compile(r"[бвгджзклмнпрстфхцчшщ][ыи]$")


def _indeclinable_family(word: str, prefer: str | None) -> bool:
    return prefer not in ("Name", "Patr") and len(word) >= 4 and bool(_INDECLINABLE_FAMILY.search(word.lower())) \
        and word.lower() not in _given_names()


_FEMININE_OBLIQUE = ("овой", "евой", "ёвой", "иной", "ыной")


def name_case(words: list[str], case_hint: str | None = None, verb_gender: str | None = None) -> tuple[str, str | None]:
    """The case and gender a name of ``words`` is in: the pair its words' readings weigh most
    for (pymorphy3's scores, family-name endings, a known Kazakh given name for the gender —
    "Ерлану Карину" is a man's name in the dative, not Карина's), the nominative when the
    weights are equal. ``verb_gender``: the gender of the past-tense verb whose subject the
    name is (see :func:`name_nominative`)."""
    hint = next((g for g in (gender_hint(_inflected_part(as_name(w))) for w in words[:1]) if g), None)
    if len(words) > 1 and _inflected_part(as_name(words[-1])).lower().endswith(_FEMININE_OBLIQUE):
        # "председателя Совета матерей Мухаббата Миражаповой": a woman's family name in an
        # oblique case says whose name it is, whatever the given name looks like
        hint = "femn"
    elif case_hint is None and verb_gender == "femn" and hint != "masc" and len(words) > 1 \
            and _inflected_part(as_name(words[-1])).lower().endswith(("ова", "ева", "ёва", "ина", "ына", "и", "о")):
        # "Как сообщила соучредитель фонда Багила Балтабаева", "приняла участие Назипа Шанаи":
        # her verb says the name is a woman's, in the nominative ("Балтабаева" is no man's
        # genitive, "Назипа" no "Назип" here)
        return "nomn", "femn"
    found = _name_case(words, case_hint, hint)
    if case_hint is not None and hint is not None and found[0] != case_hint:
        # "прочили Малика Мурзалина, первого зама": the noun beside it says genitive, and in the
        # genitive the given name is a man's (Малик), though "Малика" is a woman's name too
        other = _name_case(words, case_hint, None)
        given = _nominative_word(words[0], other[0], other[1], "Name") if other[0] == case_hint else ""
        if given.lower() in _given_names() and gender_hint(given) not in (None, hint):
            return other  # only for a name of the other gender ("Бан" is none: "Бану" stays)
    return found


def _name_case(words: list[str], case_hint: str | None, hint: str | None) -> tuple[str, str | None]:
    """:func:`name_case` with the gender ``hint`` of the given name (None: any gender)."""
    votes: dict[tuple[str, str | None], float] = {}

    def vote(case: str, gender: str | None, weight: float) -> None:
        if hint and gender not in (hint, None):
            return
        votes[(case, gender)] = votes.get((case, gender), 0.0) + weight

    for index, word in enumerate(words):
        part = _inflected_part(as_name(word))
        if _indeclinable_family(part, _preferred_tag(index, len(words))):
            continue
        best: dict[tuple[str, str | None], float] = {}
        for case, gender, parse in _word_readings(part, _preferred_tag(index, len(words))):
            key = (case, hint if gender == "ms-f" else gender)
            best[key] = max(best.get(key, 0.0), float(parse.score))
        endings = _ending_votes(part)
        for case, gender in endings:
            # an ending of one case only ("-овым") says more than pymorphy3's guesses
            best[(case, gender)] = max(best.get((case, gender), 0.0), 0.8 if len(endings) == 1 else 0.3)
        if index == 0:
            for case in given_cases(part):
                best[(case, hint)] = max(best.get((case, hint), 0.0), 0.5)
        for (case, gender), weight in best.items():
            vote(case, gender, weight)
    if not votes:
        return "nomn", hint
    if case_hint is not None and any(k[0] == case_hint for k in votes):
        # the case of the noun the name stands beside ("акима области М.Мурзалина"): of the
        # readings in that case, the best
        case, gender = max((k for k in votes if k[0] == case_hint), key=lambda k: votes[k])
        return case, gender or hint
    top = max(votes.values())
    near = [k for k, v in votes.items() if v >= top - 1e-9]
    if any(k[0] == "nomn" for k in near):
        return "nomn", next(k[1] for k in near if k[0] == "nomn") or hint
    case, gender = min(near, key=lambda k: CASES.index(k[0]) if k[0] in CASES else 9)
    return case, gender or hint


def _nominative_word(word: str, case: str, gender: str | None, prefer: str | None = None) -> str:
    """One word of a name put in the nominative from ``case`` and ``gender``."""
    shown = as_name(word)
    if case == "nomn" or (prefer == "Name" and shown.lower() in _given_names() and gender in (None, gender_hint(shown))):
        return shown  # a given name of the Kazakh lists as written is its nominative ("Бану")
    part = _inflected_part(shown)
    if part != shown:
        return shown[: len(shown) - len(part)] + _nominative_word(part, case, gender, prefer)
    if _indeclinable_family(shown, prefer):
        return shown
    for reading_case, reading_gender, parse in _word_readings(shown, prefer):
        if reading_case != case or "Fixd" in parse.tag:
            continue
        if gender is not None and reading_gender not in (gender, "ms-f"):
            continue
        grammemes = {"nomn", "sing"} | ({gender} if gender and "Surn" in parse.tag else set())
        inflected = parse.inflect(grammemes) or parse.inflect({"nomn"})
        if inflected is not None:
            return _restore_case(inflected.word, shown)
    lower = shown.lower()
    for ending, ending_gender, replacement in _SURNAME_ENDINGS + _NAME_ENDINGS:
        if lower.endswith(ending) and (gender is None or gender == ending_gender) and len(lower) > len(ending) + 2:
            return _restore_case(lower[: len(lower) - len(ending)] + replacement, shown)
    return shown


def name_nominative(words: list[str], case_hint: str | None = None, verb_gender: str | None = None) -> list[str]:
    """The words of a person's name in the nominative ("Розе Ешаевой" → "Роза Ешаева",
    "Айгерим ТУРСЫНОВОЙ" → "Айгерим Турсынова"); initials stay as they are. ``case_hint`` is
    the case of a post noun the name stands in apposition to, when the text shows one;
    ``verb_gender`` the gender of the verb whose subject the name is, when the text shows it."""
    named = [w for w in words if not w.endswith(".")]
    case, gender = name_case(named, case_hint, verb_gender)
    out, k = [], 0
    for w in words:
        if w.endswith("."):
            out.append(w)
            continue
        out.append(_nominative_word(w, case, gender, _preferred_tag(k, len(named))))
        k += 1
    return out


def phrase_nominative(words: list[str], head_lemma: str | None = None, number: str | None = None) -> list[str]:
    """A noun phrase in the nominative: the head noun (the last word given, or the first noun
    after the words that agree with it) and those words change, what depends on the head
    stays ("Общественного совета Житикаринского района" → "Общественный совет Житикаринского
    района"). ``head_lemma`` picks the head's reading ("маслихата" is маслихат's genitive);
    ``number`` ("sing") puts a plural head in that number ("поисковых отрядов" → "поисковый отряд")."""
    head = next((i for i, w in enumerate(words) if _is_head_noun(w)), None) if head_lemma is None else len(words) - 1
    if head is None:
        return list(words)
    nouns = [p for p in parses(words[head]) if p.tag.POS == "NOUN"]
    if head_lemma is not None:
        nouns = [p for p in nouns if fold(p.normal_form) == head_lemma] or nouns
    if not nouns:
        return list(words)
    noun = nouns[0]
    number = number or str(noun.tag.number or "sing")
    target = noun.inflect({"nomn", number}) if noun.tag.case != "nomn" or noun.tag.number != number else noun
    out = list(words)
    if target is not None:
        out[head] = _restore_case(target.word, words[head])
    gender = str(noun.tag.gender) if noun.tag.gender else None
    for i in range(head):
        adj = next((p for p in parses(words[i]) if p.tag.POS in ("ADJF", "PRTF")), None)
        if adj is None:
            continue
        grammemes = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", gender} - {None}
        inflected = adj.inflect(grammemes)  # type: ignore[arg-type]
        if inflected is not None:
            out[i] = _restore_case(inflected.word, words[i])
    return out


def _is_head_noun(word: str) -> bool:
    if not word[:1].isalpha() or any(ch.isupper() for ch in word[1:]):
        return False  # an abbreviation: "ТОО", "КазГУ"
    readings = parses(word)
    return bool(readings) and readings[0].tag.POS == "NOUN"
