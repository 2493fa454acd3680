"""The nominative of Kazakh person and place names, and the lemma of one input line.

A name loses only its case ending, and only on its last word: "Қасым-Жомарт Тоқаевтың" →
"Қасым-Жомарт Тоқаев", "Түркістан облысының" → "Түркістан облысы" (the possessive of the
head noun of a multi-word name is part of the name), "Серікқызына" → "Серікқызы".

Whether a cut is real is decided by evidence from the data files of this package:

* the whole word is a known name or place (``first_names.txt``, ``places.txt``,
  ``name_lookalikes.txt``) → never cut ("Қызылорда", "Арыстан", "Ерден");
* the stem is a known name or place, or ends in a surname ending (``surname_endings.txt``) →
  cut readily ("Тоқаевқа", "Намазбаеваның", "Қожинның");
* otherwise a cut is believed only when the suffix is one that rarely ends a real name
  (genitive, ablative, …; ``name_case_prior`` in ``suffixes.json``) and the stem is long enough.

Every cut must first pass the phonotactic tables of :mod:`qogam.nlp.kk.morphology` (vowel
harmony, the stem's final sound, bare -а/-н only after a possessive), which keeps
"Назарбаева", "Дана", "Алматы" and "Ақтөбе" whole without any list.
"""
from __future__ import annotations

import re
from functools import lru_cache

from qogam.nlp.kk.lexicon import NAME_FILES, entries, first_names, words
from qogam.nlp.kk.morphology import Analysis, analyse, lemma, tables, word_lists
from qogam.nlp.normalize import normalize

_SEPARATORS = ".-'"
_SEPARATOR_RE = re.compile(r"[.\-']")
_TRAILING_RE = re.compile(r"[^\w]+$")
_POSS3_NAME_ENDINGS = ("ұлы", "қызы", "улы", "кызы")
# Evidence threshold for a cut on a stem that is neither known nor surname-like.
_UNKNOWN_STEM_THRESHOLD = 0.3
_STRONG = 2.0


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """Return (known single names, known phrases, surname endings, protected endings, heads)."""
    names: set[str] = set()
    phrases: set[str] = set()
    sections = word_lists()
    listed = [e for name in NAME_FILES for e in entries(name)] + list(entries("places.txt")) + list(sections.get("names", ()))
    for entry in listed:
        lower = entry.lower()
        if " " in lower:
            phrases.add(lower)
        else:
            names.add(lower)
    endings = tuple(sorted(words("surname_endings.txt"), key=len, reverse=True))
    protected = tuple(e.lower() for e in sections.get("endings", ()))
    heads = words("izafet_heads.txt")
    return frozenset(names), frozenset(phrases), endings, protected, heads


@lru_cache(maxsize=1)
def _head_bases() -> frozenset[str]:
    """Return the izafet heads without their possessive ("облыс" for "облысы")."""
    bases = set()
    for head in _lexicon()[4]:
        last = head.split()[-1]
        for analysis in analyse(last):
            if analysis.tags == ("POSS3",):
                bases.add(analysis.lemma.lower())
                break
    return frozenset(bases)


@lru_cache(maxsize=1)
def _all_case_forms() -> frozenset[str]:
    tab = tables()
    forms = {case.form for case in tab.case}
    for case in tab.case:
        if case.tag == "LOC":
            for attr in tab.attributive:
                if case.form in attr.after:
                    forms.add(case.form + attr.form)
    return frozenset(forms)


@lru_cache(maxsize=1)
def _plural_surname_endings() -> tuple[str, ...]:
    """The Russian-type family-name endings (-ов, -ева, -ин…) after which a plural is believed."""
    return tuple(entries("surname_endings.txt", "russian_type"))





def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _is_acronym(part: str) -> bool:
    """An acronym or number before a hyphenated case ending: "АҚШ-тың", "COVID-19-дың"."""
    if any(ch.isdigit() for ch in part):
        return True
    letters = [ch for ch in part if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 6


@lru_cache(maxsize=200_000)
def _name_cut(word: str, context: str) -> tuple[int, float]:
    """Return (length of the word to keep, evidence) for the last word of a name.

    ``context`` is the lower-cased preceding word of a multi-word name ("" when alone); it lets
    izafet heads ("облысы") and known phrases ("Төле би") count as evidence. Two steps: a word
    that needs no weighing (:func:`_settled_cut`), then the best-scored reading of the word
    (:func:`_scored_cut`, each reading weighed by :func:`_stem_evidence`).
    """
    lower = word.lower()
    if len(lower) != len(word):
        return len(word), 0.0
    tail = _SEPARATOR_RE.split(lower)[-1]
    settled = _settled_cut(word, lower, tail, context)
    if settled is not None:
        return settled
    best: tuple[float, int] = (0.0, 0)
    # The whole word is analysed so that "Нью-" can tell the harmony of "Йоркте" is foreign.
    for analysis in analyse(lower):
        scored = _scored_cut(word, lower, tail, context, analysis)
        if scored is not None and scored > best:
            best = scored
    return len(word) - best[1], best[0]


def _settled_cut(word: str, lower: str, tail: str, context: str) -> tuple[int, float] | None:
    """The cut of a word that needs no weighing: an acronym's hyphenated case ("АҚШ-тың"), a
    known name or phrase (kept whole), a part too short to cut; ``None`` for any other word."""
    names, phrases = _lexicon()[:2]
    prefix_len = len(lower) - len(tail)
    if prefix_len and lower[prefix_len - 1] in "-'" and tail in _all_case_forms():
        if _is_acronym(word[: prefix_len - 1]):
            return prefix_len - 1, _STRONG
    if lower in names or tail in names or (context and f"{context} {lower}" in phrases):
        return len(word), 0.0
    if _letters(tail) < 3:
        return len(word), 0.0
    return None


def _scored_cut(word: str, lower: str, tail: str, context: str, analysis: Analysis) -> tuple[float, int] | None:
    """(score, letters cut) of one reading of the word, or ``None`` when it cannot be a name's."""
    tags = analysis.tags
    if not tags or any(t.startswith("POSS") and t != "POSS3" for t in tags):
        return None
    # A name keeps everything up to its possessive (the izafet "облыстары" of a compound);
    # only the case after it goes.
    poss_end = tags.index("POSS3") + 1 if "POSS3" in tags else 0
    if poss_end == len(tags):
        return None
    case_tags = tags[poss_end:]
    cut_len = sum(len(s) for s in analysis.suffixes[poss_end:])
    if cut_len >= len(tail):
        return None
    namepart = tail[: len(tail) - cut_len]
    if "PL" in case_tags:
        # the plural closes a list of people only after a family name's own ending:
        # "Гулжанат Конысбаева мен Болат Дюсалиевтер сайланды", "З.Махаевалар"
        if poss_end or not any(namepart.endswith(e) and len(namepart) >= len(e) + 3 for e in _plural_surname_endings()):
            return None
    names, phrases, _, protected, heads = _lexicon()
    full = lower[: len(lower) - cut_len]
    known = namepart in names or full in names or bool(context and f"{context} {full}" in phrases)
    is_head = bool(context) and (namepart in heads or analysis.stem.lower() in _head_bases())
    if poss_end and not (known or is_head or namepart.endswith(_POSS3_NAME_ENDINGS) or (context and word[:1].islower())):
        return None
    guarded = [len(tail) - len(e) for e in protected if tail.endswith(e)]
    if guarded and not known and len(namepart) > min(guarded):
        # The cut falls inside an ending that belongs to names ("-стан", "-берді"): only
        # a known stem ("Айдос" + -тан) makes it believable.
        return None
    priors = tables().name_case_prior
    score = 1.0 if case_tags[0] == "PL" else priors.get(case_tags[-1] if case_tags[-1] == "ATTR" else case_tags[0], 0.0)
    evidence = _stem_evidence(namepart, context, known or is_head, bool(poss_end))
    if evidence is None:
        return None
    score += evidence
    if score < _UNKNOWN_STEM_THRESHOLD:
        return None
    return score, cut_len


def _stem_evidence(namepart: str, context: str, known: bool, possessed: bool) -> float | None:
    """What the part left after the cut says for it: a known name or head (+3), a family-name
    ending (+2), a possessive kept (+1), a family name after a first name (+1), a short
    unknown stem (−0.3, where real names hide: "Саида" is not "Саи" + -да); ``None`` when
    it is too short to be a name."""
    if known:
        return 3.0
    if any(namepart.endswith(e) and len(namepart) >= len(e) + 2 for e in _lexicon()[2]):
        return 2.0
    if possessed:
        return 1.0
    if _letters(namepart) < 3:
        return None
    if context in first_names():
        return 1.0  # after a first name the word is a family name, short or not ("Елена Пакқа")
    if _letters(namepart) < 4:
        return -0.3
    return 0.0


def _split_last(text: str) -> tuple[str, str, str, str]:
    """Split a line into (text before the last word, preceding word, last word, trailing marks)."""
    trailing = ""
    match = _TRAILING_RE.search(text)
    if match and match.start() > 0:
        trailing = match.group()
        text = text[: match.start()]
    head, _, last = text.rpartition(" ")
    if not head:
        return "", "", text, trailing
    previous = head.split()[-1].lower() if head.split() else ""
    return head + " ", previous, last, trailing


@lru_cache(maxsize=200_000)
def lemmatize_name(text: str) -> str:
    """Return the nominative of a person or place name of one or several words.

    Only the case ending of the last word is removed; letter case, hyphens, initials and
    izafet possessives are kept ("И.Намазбаеваның" → "И.Намазбаева"). The text is normalised
    first (Latin look-alike letters become Kazakh ones). Never raises; "" gives "".
    """
    return _lemmatize_name(normalize(text).text.strip())


@lru_cache(maxsize=200_000)
def _lemmatize_name(text: str) -> str:
    if not text:
        return ""
    head, previous, last, trailing = _split_last(text)
    keep, _ = _name_cut(last, previous)
    return head + last[:keep] + trailing


def _is_name(text: str) -> bool:
    """A line is a name when one of its words starts (after quotes or initials) upper case."""
    for word in text.split():
        for ch in word:
            if ch.isalpha():
                if ch.isupper():
                    return True
                break
    return False


@lru_cache(maxsize=200_000)
def _lemmatize(text: str) -> str:
    if not text:
        return ""
    if _is_name(text):
        return _lemmatize_name(text)
    head, previous, last, trailing = _split_last(text)
    names = _lexicon()[0]
    keep, evidence = _name_cut(last, previous)
    if evidence >= _STRONG or last.lower() in names:
        return head + last[:keep] + trailing
    if not head:
        return lemma(last) + trailing
    # Inside a phrase the last word's third-person possessive is the izafet of a compound
    # ("облысы" in "түркістан облысы"), so only the case goes; otherwise the full lemma.
    best = analyse(last)[0]
    if "POSS3" in best.tags:
        index = best.tags.index("POSS3")
        kept = best.stem + "".join(best.suffixes[: index + 1])
        return head + kept + trailing
    return head + best.lemma + trailing


@lru_cache(maxsize=200_000)
def lemmatize(text: str) -> str:
    """Return what ``qogam lemma`` prints for one input line.

    A line with a capitalised word is a name (:func:`lemmatize_name`); a single lower-case word
    gets its common-noun lemma (:func:`qogam.nlp.kk.morphology.lemma`) unless it is clearly a
    name or inflected surname; in a lower-case phrase the last word is lemmatised keeping an
    izafet possessive. Never raises; "" gives "".
    """
    return _lemmatize(normalize(text).text.strip())
