"""Russian names and noun phrases in the nominative (qogam.nlp.ru.morph), as (input, expected) tables."""
from __future__ import annotations

import pytest

from qogam.nlp.ru.morph import name_nominative, phrase_nominative


@pytest.mark.parametrize(
    ("name", "nominative"),
    [
        ("Розе Ешаевой", "Роза Ешаева"),
        ("Сание Калмурзиной", "Сания Калмурзина"),  # a name pymorphy3 reads as indeclinable
        ("Кайрата Балабиева", "Кайрат Балабиев"),
        ("Айгерим ТУРСЫНОВОЙ", "Айгерим Турсынова"),  # a family name in capitals
        ("Намазбаевой", "Намазбаева"),
        ("И. Намазбаевой", "И. Намазбаева"),  # initials stay
        ("Мурзабай Куанашпаевич Ерекенов", "Мурзабай Куанашпаевич Ерекенов"),  # already nominative
        ("Галиной Бурдюг", "Галина Бурдюг"),  # a woman's family name that does not decline
        ("Ерлану Карину", "Ерлан Карин"),  # a Kazakh given name settles the gender
        ("Федора Ковалёва", "Федор Ковалёв"),  # "е" kept where the text writes no "ё"
        ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев"),  # only the last part declines
        ("Мереке Кулкенов", "Мереке Кулкенов"),  # a nominative family name keeps the given name
        ("Дархан Сатыбалды", "Дархан Сатыбалды"),  # a Kazakh family name in -ы does not decline
        ("Айгуль Сейткали", "Айгуль Сейткали"),
        ("Ерлану Сатыбалды", "Ерлан Сатыбалды"),  # the given name alone carries the case
        ("Дархана Сатыбалды", "Дархан Сатыбалды"),
        ("Гульнару Ахметову", "Гульнара Ахметова"),
        ("Никиты Михалкова", "Никита Михалков"),
    ],
)
def test_name_nominative(name: str, nominative: str) -> None:
    assert " ".join(name_nominative(name.split())) == nominative


@pytest.mark.parametrize(
    ("phrase", "head", "nominative"),
    [
        ("Общественного совета Житикаринского района", None, "Общественный совет Житикаринского района"),
        ("общественного объединения «Жастар»", None, "общественное объединение «Жастар»"),
        ("Ассамблеи народа Казахстана", None, "Ассамблея народа Казахстана"),
        ("фракции партии «Nur Otan»", None, "фракция партии «Nur Otan»"),
        ("областного маслихата", "маслихат", "областной маслихат"),  # a word pymorphy3 only guesses
    ],
)
def test_phrase_nominative(phrase: str, head: str | None, nominative: str) -> None:
    words = phrase.split()
    if head is not None:
        words = words[:2]
    assert " ".join(phrase_nominative(words, head)) == nominative


def test_lemma_lists_hold_lemmas() -> None:
    """The lists matched against a word's lemmas hold lemmas: a surface form ("говорится") never
    matches. Roles pymorphy3 reads as participles ("заведующий") are listed as synonyms too."""
    from qogam.nlp.ru.lexicon import entries, fold, pairs
    from qogam.nlp.ru.morph import lemmas

    synonyms = set(pairs("post_nouns.txt", "synonyms"))
    for name, section in (("speech_verbs.txt", "verbs"), ("post_nouns.txt", "roles")):
        surface = [e for e in entries(name, section) if fold(e) not in lemmas(e) and fold(e) not in synonyms]
        assert not surface, f"{name} [{section}] lists forms that are no lemma: {surface}"
