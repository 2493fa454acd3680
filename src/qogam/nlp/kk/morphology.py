"""Kazakh nominal morphology: splitting a noun or name into stem + plural, possessive and case.

Kazakh stacks suffixes on a noun in a fixed order, stem + PL + POSS + CASE (+ ATTR), and each
suffix has several written forms (allomorphs). Which form follows a stem is decided by

* vowel harmony: a back-vowel stem (а о ұ ы) takes back forms (-дар, -ның), a front-vowel stem
  (ә е ө ү і) front forms (-дер, -нің);
* the stem's final sound: after a vowel the genitive is -ның, after л р й у ж з -дың, after a
  voiceless consonant (and б в г д) -тың;
* the possessive before a case: after -ы/-і/-сы/-сі the dative is -на/-не, the accusative -н,
  the locative -нда/-нде; after -м/-ң the dative is the bare vowel -а/-е.

The allomorph tables are data (``suffixes.json``); this module only reads them and checks every
cut against them, which is what rejects "Назарбаева" = "Назарбаев" + DAT -а (bare -а follows a
possessive only) and "Алматы" = "Алмат" + -ы (a case never has that form).

Stem alternation: before a vowel-initial possessive a final к/қ/п becomes voiced, so
"бірлестігі" is "бірлестік" + -і; :func:`lemma` undoes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from qogam.nlp.resources import load_json, load_sections, load_words

PACKAGE = "qogam.nlp.kk"
CASE_TAGS = frozenset({"GEN", "DAT", "ACC", "LOC", "ABL", "INS"})
POSS_TAGS = frozenset({"POSS1SG", "POSS2SG", "POSS2F", "POSS1PL", "POSS3"})
_SILENT = "ьъ"


@dataclass(frozen=True, slots=True)
class Analysis:
    """One segmentation of a word.

    ``stem`` is the stem as written in the input (letter case kept); ``base`` is the stem's
    dictionary form, which differs from ``stem`` only by an undone alternation
    ("бірлестіг" → "бірлестік"). ``suffixes`` and ``tags`` run in order, e.g.
    ("лар", "ы", "ның") and ("PL", "POSS3", "GEN").
    """

    stem: str
    suffixes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    base: str = ""
    score: float = 0.0

    @property
    def case(self) -> str:
        """Return the case tag (GEN, DAT, ACC, LOC, ABL, INS) or ``"NOM"`` when there is none."""
        for tag in self.tags:
            if tag in CASE_TAGS:
                return tag
        return "NOM"

    @property
    def lemma(self) -> str:
        """Return the dictionary form of the stem (``base``, or ``stem`` when no base was set)."""
        return self.base or self.stem


@dataclass(frozen=True, slots=True)
class _Allomorph:
    tag: str
    form: str
    harmony: str
    after: frozenset[str]
    contexts: frozenset[str]


def _by_last(allomorphs: tuple[_Allomorph, ...]) -> dict[str, tuple[_Allomorph, ...]]:
    index: dict[str, list[_Allomorph]] = {}
    for allomorph in allomorphs:
        index.setdefault(allomorph.form[-1:], []).append(allomorph)
    return {last: tuple(group) for last, group in index.items()}


class _Tables:
    """The suffix tables of ``suffixes.json`` in a shape fast to match."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.class_of: dict[str, str] = {}
        for name, letters in raw["classes"].items():
            for ch in letters:
                self.class_of[ch] = name
        self.harmony_of: dict[str, str] = {}
        for name, letters in raw["harmony"].items():
            for ch in letters:
                self.harmony_of[ch] = name
        self.vowels = frozenset(self.harmony_of)
        self.neutral_endings = tuple(raw["harmony_neutral_endings"])
        self.foreign_letters = frozenset(raw["foreign_letters"])
        self.alternations: dict[str, str] = dict(raw["alternations"])
        self.alternation_exceptions = frozenset(raw["alternation_exceptions"])

        def build(entries: list[dict[str, Any]], tag: str | None = None) -> tuple[_Allomorph, ...]:
            return tuple(
                _Allomorph(
                    tag=entry.get("tag", tag or ""),
                    form=entry["form"],
                    harmony=entry.get("harmony", "none"),
                    after=frozenset(entry.get("after", entry.get("after_case", ()))),
                    contexts=frozenset(entry.get("context", ("plain",))),
                )
                for entry in entries
            )

        self.plural = build(raw["plural"], "PL")
        self.possessive = build(raw["possessive"])
        self.case = build(raw["case"])
        self.attributive = build(raw["attributive"])
        # Allomorphs by their last letter: a word is only tried against suffixes it ends like.
        self.case_by_last = _by_last(self.case)
        self.possessive_by_last = _by_last(self.possessive)
        self.plural_by_last = _by_last(self.plural)
        self.attributive_by_last = _by_last(self.attributive)
        self.name_case_prior: dict[str, float] = {
            key: float(value) for key, value in raw["name_case_prior"].items() if not key.startswith("_")
        }

    def final_class(self, text: str) -> str | None:
        """Return the sound class of the last sounding letter of ``text`` (None if unknown)."""
        for ch in reversed(text):
            if ch in _SILENT:
                continue
            return self.class_of.get(ch)
        return None

    def harmony(self, text: str) -> str:
        """Return "back", "front" or "either" for the last vowel of ``text``."""
        if text.endswith(self.neutral_endings) or not self.foreign_letters.isdisjoint(text):
            return "either"
        for ch in reversed(text):
            cls = self.harmony_of.get(ch)
            if cls is not None:
                return cls
        return "either"

    def fits(self, host: str, allomorph: _Allomorph) -> bool:
        """Return True when ``allomorph`` may follow ``host`` (lower case) by harmony and sound."""
        if allomorph.harmony != "none":
            harmony = self.harmony(host)
            if harmony != "either" and harmony != allomorph.harmony:
                return False
        cls = self.final_class(host)
        if cls is None:
            return False
        if "consonant" in allomorph.after:
            return cls != "vowel"
        return cls in allomorph.after


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """Return the parsed suffix tables; raises :class:`qogam.errors.ModelError` if missing."""
    return _Tables(load_json(PACKAGE, "suffixes.json"))


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Return the lower-cased words the lexicon files list as whole nominatives.

    Used to rank segmentations: a stem that is a known word is good evidence for a cut, a whole
    word that is known is evidence against one.
    """
    words: set[str] = set()
    # post nouns and organisation types are the nouns extraction must segment best
    for name in ("first_names.txt", "given_names.txt", "places.txt", "name_lookalikes.txt", "common_nouns.txt", "post_nouns.txt",
                 "professions.txt", "org_type_phrases.txt"):
        for entry in load_words(PACKAGE, name):
            words.add(entry.lower())
            words.add(entry.lower().split()[-1])
    # the heads of org_types.json's type phrases are lemmas too ("кәсіподақ": "кәсіподағы" is
    # its possessive, not "кәсіпо" in the locative); the words before them may be plurals
    # ("ақсақалдар кеңес")
    for phrases in load_json(PACKAGE, "org_types.json")["types"].values():
        for phrase in phrases:
            words.add(phrase.lower().split()[-1])
    return frozenset(words)


def _has_vowel(text: str) -> bool:
    return not tables().vowels.isdisjoint(text)


def _plausible_stem(stem: str) -> bool:
    """A stem needs a vowel and two letters; Kazakh has no shorter nouns worth a cut."""
    return len(stem) >= 2 and _has_vowel(stem)


def _case_options(lower: str) -> list[tuple[int, tuple[_Allomorph, ...]]]:
    """Return (host end, case + attributive allomorphs) options matching the end of ``lower``."""
    tab = tables()
    options: list[tuple[int, tuple[_Allomorph, ...]]] = [(len(lower), ())]
    for attr in tab.attributive_by_last.get(lower[-1:], ()):
        if not lower.endswith(attr.form):
            continue
        end = len(lower) - len(attr.form)
        for case in tab.case_by_last.get(lower[end - 1 : end], ()):
            if case.tag == "LOC" and case.form in attr.after and lower.endswith(case.form, 0, end):
                if attr.harmony == tab.harmony(case.form):
                    options.append((end - len(case.form), (case, attr)))
    for case in tab.case_by_last.get(lower[-1:], ()):
        if lower.endswith(case.form):
            options.append((len(lower) - len(case.form), (case,)))
    return options


def _undo_alternation(stem_lower: str) -> str:
    tab = tables()
    if stem_lower in tab.alternation_exceptions or stem_lower.endswith("лог"):
        return stem_lower
    last = stem_lower[-1:]
    if last in tab.alternations and len(stem_lower) >= 3 and _has_vowel(stem_lower[-2:-1]):
        return stem_lower[:-1] + tab.alternations[last]
    return stem_lower


def _restore_case(model: str, lower: str) -> str:
    """Give ``lower`` the letter case of ``model`` (same length) letter by letter."""
    if model.lower() == lower:
        return model
    return "".join(m if m.lower() == low else (low.upper() if m.isupper() else low) for m, low in zip(model, lower))


_SUFFIX_WEIGHT = {"PL": 0.9, "POSS3": 0.9, "POSS1SG": 0.3, "POSS2SG": 0.2, "POSS2F": 0.3, "POSS1PL": 0.5, "ATTR": 0.3}


def _score(stem: str, base: str, tags: tuple[str, ...], known: frozenset[str]) -> float:
    score = 0.0
    for tag in tags:
        score += _SUFFIX_WEIGHT.get(tag, 1.0)
    if base in known or stem in known:
        score += 3.0
    if len(stem) < 3:
        score -= 1.5
    return score


# What an agent noun in -ушы/-уші is left with when its last vowel is cut off: no Kazakh stem
# ends so, so that vowel is never a possessive ending.
_AGENT_STEMS = ("уш", "юш")


@lru_cache(maxsize=200_000)
def _analyse_lower(lower: str) -> tuple[tuple[int, tuple[str, ...], tuple[str, ...], str, float], ...]:
    """Segment a lower-case word; return (stem length, suffixes, tags, base, score) tuples."""
    tab = tables()
    known = known_words()
    found: list[tuple[int, tuple[str, ...], tuple[str, ...], str, float]] = []
    whole_score = 3.5 if lower in known else 0.0
    found.append((len(lower), (), (), lower, whole_score))
    for case_end, case_chain in _case_options(lower):
        host = lower[:case_end]
        poss_options: list[tuple[int, _Allomorph | None]] = [(case_end, None)]
        for poss_form in tab.possessive_by_last.get(host[-1:], ()):
            if host.endswith(poss_form.form):
                poss_options.append((case_end - len(poss_form.form), poss_form))
        for poss_end, poss in poss_options:
            if case_chain:
                if poss is None:
                    context = "plain"
                elif poss.tag == "POSS3":
                    context = "poss3"
                elif poss.tag in ("POSS1SG", "POSS2SG"):
                    context = "poss12"
                else:
                    context = "plain"
                if context not in case_chain[0].contexts or not tab.fits(host, case_chain[0]):
                    continue
            before_poss = lower[:poss_end]
            pl_options: list[tuple[int, _Allomorph | None]] = [(poss_end, None)]
            for pl_form in tab.plural_by_last.get(before_poss[-1:], ()):
                if before_poss.endswith(pl_form.form):
                    pl_options.append((poss_end - len(pl_form.form), pl_form))
            for stem_end, pl in pl_options:
                stem = lower[:stem_end]
                if not _plausible_stem(stem):
                    continue
                if pl is None and poss is None and not case_chain:
                    continue
                if pl is not None and not tab.fits(stem, pl):
                    continue
                base = stem
                if poss is not None:
                    poss_host = before_poss
                    if poss.form in ("ы", "і") and before_poss.endswith(_AGENT_STEMS):
                        continue  # "жүргізуші", "оқытушы": the agent suffix -ушы, no possessive
                    if pl is None and poss.form[0] in "ыі":
                        base = _undo_alternation(stem)
                        poss_host = base
                    if not tab.fits(poss_host, poss):
                        continue
                parts = [p for p in (pl, poss, *case_chain) if p is not None]
                suffixes = tuple(p.form for p in parts)
                tags = tuple(p.tag for p in parts)
                found.append((stem_end, suffixes, tags, base, _score(stem, base, tags, known)))
    # Most plausible first; among equals the longer segmentation (more evidence of grammar).
    found.sort(key=lambda item: (-item[4], item[0]))
    return tuple(found)


def analyse(word: str) -> list[Analysis]:
    """Return every well-formed segmentation of ``word``, most plausible first.

    The unsegmented reading is always included (with tags ``()``, case NOM). Stems keep the
    input's letter case. Never raises; an empty word gives only the empty reading.
    """
    lower = word.lower()
    if len(lower) != len(word):
        # A letter whose lower case has another length; analyse nothing rather than misalign.
        return [Analysis(word, (), (), word, 0.0)]
    results = []
    for stem_end, suffixes, tags, base, score in _analyse_lower(lower):
        stem = word[:stem_end]
        results.append(Analysis(stem, suffixes, tags, _restore_case(stem, base), score))
    return results


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Return the common-noun lemma of ``word``: case, possessive and plural removed.

    "бірлестігінің" → "бірлестік", "төрағасы" → "төраға". The input's letter case is kept.
    Never raises.
    """
    if not word:
        return word
    lower = word.lower()
    if len(lower) != len(word):
        return word
    stem_end, _, _, base, _ = _analyse_lower(lower)[0]
    # only the best reading is needed: skip building every Analysis
    return _restore_case(word[:stem_end], base) if base else word[:stem_end]


_BACK_VOWELS = frozenset("аоұыяю")
_FRONT_VOWELS = frozenset("әеөүіиэё")
_VOICED_BEFORE_VOWEL = {"к": "г", "қ": "ғ", "п": "б"}


def possessive3(noun: str) -> str:
    """Return the third-person possessive of a nominative noun, as a name's head takes it.

    After a vowel -сы/-сі ("алқа" → "алқасы"), after a consonant -ы/-і with a final к/қ/п
    voiced ("бірлестік" → "бірлестігі", "орталық" → "орталығы", "кеңес" → "кеңесі"); back
    or front by the noun's last vowel. A noun with no vowel is returned as it is.
    """
    lower = noun.lower()
    # "у" between consonants is a back vowel ("клуб" → "клубы"); at the end it is a consonant
    # ("ту" → "туы")
    last_vowel = next((ch for ch in reversed(lower) if ch in _BACK_VOWELS or ch in _FRONT_VOWELS or ch == "у"), None)
    if last_vowel is None:
        return noun
    front = last_vowel in _FRONT_VOWELS
    if lower[-1] in _BACK_VOWELS or lower[-1] in _FRONT_VOWELS:
        return noun + ("сі" if front else "сы")
    stem = noun[:-1] + _VOICED_BEFORE_VOWEL[lower[-1]] if lower[-1] in _VOICED_BEFORE_VOWEL else noun
    return stem + ("і" if front else "ы")


def word_lists() -> dict[str, tuple[str, ...]]:
    """Return the sections of ``name_lookalikes.txt`` (used by the name lemmatiser)."""
    return load_sections(PACKAGE, "name_lookalikes.txt")
