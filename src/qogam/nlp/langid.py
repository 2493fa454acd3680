"""Language identification for routing: Kazakh (kk), Russian (ru) or anything else (other).

Kazakh-specific letters (ә ғ қ ң ө ұ ү һ і) are decisive: they make up about a tenth of the
letters of running Kazakh and are absent from Russian except in Kazakh names. Where they give
no clear answer (short text, Cyrillic without them) the statistical detector of
``lingua-language-detector`` decides among a fixed set of languages; its models ship in the
wheel, so nothing is downloaded.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from qogam.nlp.kk.alphabet import KAZAKH_SPECIFIC, is_cyrillic
from qogam.nlp.normalize import normalize

# Russian letters that Kazakh spelling uses only in Russian loanwords and names.
_RUSSIAN_LEANING = frozenset("ёъэщЁЪЭЩ")
# Share of Kazakh-specific letters above which a Cyrillic text is Kazakh without further ado.
_KAZAKH_SHARE = 0.02
_MIN_LETTERS_FOR_RULES = 40


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language of a text: ``lang`` is "kk", "ru" or "other"; ``method`` says how."""

    lang: str
    confidence: float
    method: str


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.KAZAKH, Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN,
        Language.BULGARIAN, Language.MACEDONIAN, Language.SERBIAN, Language.MONGOLIAN,
        Language.ENGLISH, Language.TURKISH, Language.GERMAN, Language.FRENCH,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _statistical(text: str) -> LanguageGuess:
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return LanguageGuess("other", 0.0, "lingua")
    best = values[0]
    code = {"KAZAKH": "kk", "RUSSIAN": "ru"}.get(best.language.name, "other")
    return LanguageGuess(code, float(best.value), "lingua")


def detect_language(text: str) -> LanguageGuess:
    """Return the language of ``text`` (a document or one sentence). Never raises.

    Text with no letters, or mostly in a non-Cyrillic script, is "other".
    """
    norm = normalize(text[:20000]).text
    letters = cyrillic = kazakh = russian = 0
    for ch in norm:
        if ch.isalpha():
            letters += 1
            if is_cyrillic(ch):
                cyrillic += 1
                if ch in KAZAKH_SPECIFIC:
                    kazakh += 1
                elif ch in _RUSSIAN_LEANING:
                    russian += 1
    if letters == 0:
        return LanguageGuess("other", 1.0, "no-letters")
    if cyrillic < letters / 2:
        guess = _statistical(norm)
        if guess.lang == "other":
            return guess
        # Latin text the detector still calls Kazakh or Russian (names, transliteration).
        return LanguageGuess(guess.lang, guess.confidence * cyrillic / letters, "lingua")
    share = kazakh / cyrillic
    if cyrillic >= _MIN_LETTERS_FOR_RULES and _russian_by_function_words(norm):
        # a Russian text quoting Kazakh names has their letters but Russian grammar words
        return LanguageGuess("ru", 0.9, "function-words")
    if cyrillic >= _MIN_LETTERS_FOR_RULES:
        if share >= _KAZAKH_SHARE:
            return LanguageGuess("kk", min(1.0, 0.9 + share), "letters")
        if kazakh == 0 and russian > 0:
            return LanguageGuess("ru", 0.95, "letters")
    guess = _statistical(norm)
    if kazakh and (guess.lang == "other" or (guess.lang == "ru" and share >= _KAZAKH_SHARE)):
        # A short Cyrillic phrase with Kazakh letters that the detector gives to another
        # language: no other language it knows writes ә, ғ, қ, ң, ө, ұ, ү, һ or і together.
        return LanguageGuess("kk", 0.6, "letters")
    if guess.lang == "other" and not kazakh:
        # Cyrillic with no Kazakh letter that the detector gives to Bulgarian, Serbian or
        # Mongolian ("Мандат депутата маслихата получил Ерлан Тулегенов."): in Kazakhstan's
        # news it is Russian
        return LanguageGuess("ru", min(guess.confidence, 0.5), "cyrillic")
    return guess


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _function_words(found: Iterable[str]) -> tuple[int, int]:
    """(Russian, Kazakh) function words (``nlp/ru/function_words.txt``) among lower-case ``found``."""
    from qogam.nlp.ru.lexicon import words

    russian, kazakh = words("function_words.txt", "russian"), words("function_words.txt", "kazakh")
    ru = kk = 0
    for word in found:
        ru += word in russian
        kk += word in kazakh
    return ru, kk


def _russian_by_function_words(text: str) -> bool:
    """Whether Russian function words outnumber the Kazakh ones at least three to one, with
    three or more of them."""
    ru, kk = _function_words(m.group(0) for m in _WORD.finditer(text.lower()))
    return ru >= 3 and ru >= 3 * kk


def other_language_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The (start, end) of the sentences of ``text`` written in ``lang`` ("kk" or "ru") by
    Kazakh letters, function words and the detector — for a mixed article.

    A sentence counts with five words or more: Russian with no Kazakh letters and Russian
    function words (or the statistical detector's word), Kazakh with Kazakh letters and more
    Kazakh function words than Russian ones (or many Kazakh letters, no Russian function word
    and the detector's word); words in quotation marks do not count."""
    from qogam.nlp.tokens import split_sentences

    spans: list[tuple[int, int]] = []
    for sentence in split_sentences(text):
        # names in quotation marks are no evidence: «Қайырымдылық үшін» in a Russian sentence
        plain = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", " ", sentence.text)
        found = [m.group(0) for m in _WORD.finditer(plain.lower())]
        if len(found) < 5:
            continue
        letters = [ch for ch in plain if ch.isalpha()]
        share = sum(ch in KAZAKH_SPECIFIC for ch in letters) / max(1, len(letters))
        ru, kk = _function_words(found)
        # a sentence of five words with no Kazakh letter is Russian when the detector agrees;
        # one with Kazakh letters and Kazakh function words is Kazakh
        is_ru = lang == "ru" and share < 0.01 and ru >= kk and (ru >= 2 or _statistical(sentence.text).lang == "ru")
        is_kk = lang == "kk" and share >= 0.03 and (
            (kk >= 1 and kk > ru) or (ru == 0 and share >= 0.05 and _statistical(plain).lang == "kk"))
        if (lang == "ru" and is_ru) or (lang == "kk" and is_kk):
            spans.append((sentence.start, sentence.end))
    return spans
