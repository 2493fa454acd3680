"""Whether two spellings of a person's name may be one person, across Kazakh, Russian and Latin.

"Шәріпбек Жамалбек" and "Шарипбек Жамалбек", "Жақыпов Қабиболла Қабенұлы" and "Джакупов
Кабибулла Кабенович", "ZHAKUPOV KABIBOLLA": one person spelled by three conventions. The
comparison, word by word:

1. each word is brought to the skeleton of :mod:`qogam.nlp.name_keys` (2021 Kazakh Latin,
   ASCII, romanisation variants collapsed), then folded further for what Russian spelling
   does to Kazakh names — дж for ж, ю for ү, х for қ, о and у for ө, ұ, ү;
2. patronymics (-ұлы/-қызы, -ович/-овна, -uly/-kyzy) are compared apart, by their stem, and
   only when both names have one;
3. the other words are paired, order aside, and each pair scored: 1 for the same skeleton,
   0.95 when only vowels of one class differ (о/у, и/ы/і), 0.92 for one vowel more or less
   ("Тілеуберді"/"Тлеуберди"), rigour's Jaro-Winkler scaled down below the bar otherwise;
   an initial fits a word that begins with its letter;
4. a family name in another gender ("Тұрсынов"/"Тұрсынова") or another given name ("Ержан"/
   "Ерлан") keeps the pair below the bar: close names of different people exist.

The score is the lowest of the word pairs' scores (a name is as close as its most different
word); :data:`CANDIDATE_THRESHOLD` is where the registry starts offering the pair to a reviewer.
It never merges: a candidate is a question for a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from rigour.text import jaro_winkler

from qogam.nlp.name_keys import safe_ascii
from qogam.nlp.normalize import fold_case

CANDIDATE_THRESHOLD = 0.9

_PATRONYMIC = re.compile(r"(uli|kizi|ovich|evich|ovna|evna|ichna|inichna|ogli|oglu|uulu)$")
_VOWELS = "aeiou"
# vowels Russian spelling writes for one Kazakh vowel: о and у for ө, ұ, ү
_VOWEL_CLASS = str.maketrans({"o": "u"})
_GENDER_ENDINGS = ("ova", "eva", "ina", "yna", "aia", "skaia")


@dataclass(frozen=True, slots=True)
class NameParts:
    words: tuple[str, ...]  # compare forms of the given and family names
    initials: tuple[str, ...]  # letters of initials ("И.")
    patronymic: str | None  # the stem of the patronymic


@lru_cache(maxsize=1)
def _letters() -> tuple[dict[str, str], tuple[tuple[re.Pattern[str], str], ...]]:
    from qogam.nlp.ru.lexicon import entries

    table: dict[str, str] = {}
    for section in ("cyrillic", "latin"):
        for line in entries("name_letters.txt", section):
            letter, _, form = line.partition(" ")
            table[letter] = "" if form == "-" else form
    folds = tuple((re.compile(a), b) for a, _, b in (line.partition(" ") for line in entries("name_letters.txt", "folds")))
    return table, folds


@lru_cache(maxsize=100_000)
def _form(word: str) -> str:
    """A word's compare form: its letters in Latin (``ru/name_letters.txt``), the spellings
    conventions disagree on collapsed, doubled letters single."""
    table, folds = _letters()
    out = "".join(table.get(ch, ch) for ch in word.lower())
    out = "".join(ch for ch in safe_ascii(out).lower() if ch.isalpha())
    for pattern, new in folds:
        out = pattern.sub(new, out)
    return re.sub(r"(.)\1+", r"\1", out)


def compare_form(word: str) -> str:
    """The form one word of a name is compared in (Latin letters, spelling variants folded)."""
    return _form(word)


@lru_cache(maxsize=100_000)
def parse(name: str) -> NameParts:
    """The words of a person's name in compare form, its initials and its patronymic's stem."""
    words: list[str] = []
    initials: list[str] = []
    patronymic: str | None = None
    raw = fold_case(name).replace(".", ". ").split()
    for token in raw:
        letters = token.strip(".,;:()«»\"'")
        if not letters:
            continue
        if token.endswith(".") and len(letters) <= 2:
            initials.append(_form(letters)[:1] or letters[:1].lower())
            continue
        form = _form(letters)
        if not form:
            continue
        stem = _PATRONYMIC.sub("", form)
        if stem != form and len(stem) >= 3 and patronymic is None and len(raw) >= 2:
            patronymic = stem
            continue
        words.append(form)
    return NameParts(tuple(words), tuple(initials), patronymic)


def word_similarity(a: str, b: str) -> float:
    """How alike two words in compare form are, for the same person (1 = the same)."""
    if a == b:
        return 1.0
    if _gender_pair(a, b):
        return 0.5  # "tursinov" / "tursinova": a man and a woman
    if a.translate(_VOWEL_CLASS) == b.translate(_VOWEL_CLASS):
        return 0.95
    if _one_vowel_apart(a, b):
        return 0.92
    if _one_vowel_shifted(a, b):
        return 0.93
    return round(0.85 * jaro_winkler(a, b), 3)


# Vowels that Russian spelling puts for a Kazakh one besides the classes of _VOWEL_CLASS:
# ы as у ("Жақыпов"/"Джакупов"), і as е. Not а for у: "Марат" and "Мурат" are two names.
_SHIFTS = frozenset({("i", "u"), ("u", "i"), ("e", "i"), ("i", "e")})


def _one_vowel_shifted(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0] in _SHIFTS


def _gender_pair(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return long_ == short + "a" and long_.endswith(_GENDER_ENDINGS)


def _one_vowel_apart(a: str, b: str) -> bool:
    """One vowel more inside the word ("tileuberdi"/"tleuberdi"); not at its end ("Гүлнар"/
    "Гульнара", "Алин"/"Алина" are other names)."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1:
        return False
    return any(i > 0 and ch in _VOWELS and long_[:i] + long_[i + 1:] == short for i, ch in enumerate(long_[:-1]))


def compare(a: str, b: str) -> float:
    """The score in [0, 1] that names ``a`` and ``b`` are one person's (see the module doc)."""
    pa, pb = parse(a), parse(b)
    if not pa.words or not pb.words:
        return 0.0
    if pa.patronymic and pb.patronymic:
        patronymic = word_similarity(pa.patronymic, pb.patronymic)
        if patronymic < CANDIDATE_THRESHOLD:
            return round(min(patronymic, 0.6), 3)
    short, long_ = sorted((pa, pb), key=lambda p: len(p.words))
    if len(long_.words) - len(short.words) > 1 or len(long_.words) > 4:
        return 0.3
    best = 0.0
    for chosen in permutations(long_.words, len(short.words)):
        scores = [word_similarity(x, y) for x, y in zip(short.words, chosen)]
        left = [w for w in long_.words if w not in chosen] if len(long_.words) > len(short.words) else []
        score = min(scores)
        if left:
            score = min(score, _left_over(left[0], short, long_))
        best = max(best, score)
    for own, other in ((pa, pb), (pb, pa)):
        # an initial stands for a word of the other name that this name does not spell out:
        # "Б. Бейсенбаев" is not "Елнур Бейсенбаев", though the surname begins with Б
        rest = [w for w in other.words if all(word_similarity(w, x) < CANDIDATE_THRESHOLD for x in own.words)]
        fitting = rest or [*own.words, *other.words]
        for initial in own.initials:
            if not any(w[:1] == initial for w in fitting):
                best = min(best, 0.6)
    return round(best, 3)


def _left_over(word: str, short: NameParts, long_: NameParts) -> float:
    """The score a word only the longer name has allows: its patronymic on the other side
    ("Анар Фазылжан" / "Анар Фазылжанқызы") or its initial, 0.95; a given name with only a
    patronymic, or a given name alone, on the other side ("Нұрсұлтан Болатұлы" / "Нұрсұлтан
    Назарбаев", "Дархан" / "Дархан Калетаев"), 0.6; a given name left out ("Тоқаев" /
    "Қасым-Жомарт Тоқаев"), 0.9 — a candidate, the weakest."""
    if short.patronymic and word_similarity(word, short.patronymic) >= CANDIDATE_THRESHOLD:
        return 0.95
    if any(word[:1] == i for i in short.initials):
        return 0.95
    if short.patronymic or (len(short.words) == 1 and short.words[0] in _given_forms()):
        return 0.6
    return 0.9


@lru_cache(maxsize=1)
def _given_forms() -> frozenset[str]:
    """The compare forms of the given names of the Kazakh lists."""
    from qogam.nlp.kk.lexicon import NAME_FILES, entries

    return frozenset(_form(name) for file in NAME_FILES for name in entries(file))


def could_match(a: str, b: str) -> bool:
    """A cheap first test before :func:`compare`: some word of each begins with the same
    letter in compare form (no pair without one can reach the bar)."""
    first_a = {w[:1] for w in parse(a).words}
    return bool(first_a & {w[:1] for w in parse(b).words})


def is_candidate(a: str, b: str) -> bool:
    """Whether the registry offers ``a`` and ``b`` to a reviewer as one person."""
    return compare(a, b) >= CANDIDATE_THRESHOLD


# Words outside the quotation marks that make a body a part of the one named in them: a
# branch, a faction, a wing, an office ("партиясының облыстық филиалы", "фракция партии").
_PART_STEMS = {
    "филиал": "branch", "бөлімше": "branch", "отделени": "branch", "ячейк": "branch",
    "фракци": "faction", "крыл": "wing", "қанат": "wing", "өкілдіг": "office", "представительств": "office",
}
#: A name in quotation marks, its words in group 1 (organisations' names are compared by it).
QUOTED = re.compile(r"[«“\"]([^»”\"]+)[»”\"]")


def _parts_of(name: str) -> frozenset[str]:
    outside = QUOTED.sub(" ", fold_case(name))
    return frozenset(kind for stem, kind in _PART_STEMS.items() for word in outside.split() if word.startswith(stem))


def same_organization_candidate(a: str, b: str) -> bool:
    """Whether two organisation names, in Kazakh, Russian or Latin, may be one body: the same
    name in quotation marks ("«Жастар» қоғамдық бірлестігі" / "общественное объединение
    «Жастар»", "«Birgemiz» қоғамдық қоры" / "фонд «Біргеміз»") and the same kind of part
    outside it — a party and its branch are two bodies, so are a wing and its branch."""
    qa, qb = QUOTED.search(a), QUOTED.search(b)
    if not qa or not qb:
        return False
    core_a = [_form(w) for w in re.findall(r"[^\W\d_]+", qa.group(1))]
    core_b = [_form(w) for w in re.findall(r"[^\W\d_]+", qb.group(1))]
    if not core_a or core_a != core_b:
        return False
    return _parts_of(a) == _parts_of(b)
