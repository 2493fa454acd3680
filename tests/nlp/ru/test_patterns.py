"""The Russian extraction rules, one table per kind of fact (qogam.nlp.ru).

Each row is a short sentence written for the test in the shapes the Russian development set
showed (never a sentence taken from it) and what the conventions of
``shared/data/news/README.md`` say it holds.
"""
from __future__ import annotations

import pytest

from qogam.nlp.extract import extract


def run(text: str):
    result = extract(text, lang="ru")
    assert result.lang == "ru"
    return result


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("Грамоты вручили Айгуль Сейтовой и Бахыту Жумабаеву.", ["Айгуль Сейтова", "Бахыт Жумабаев"]),
        ("Слово взяла Дана Ержанова. Ержанова поблагодарила коллег.", ["Дана Ержанова"]),
        ("Выступил Ерлан Сейтов. Позже Е. Сейтов ответил на вопросы.", ["Ерлан Сейтов"]),
        ("Исаев Марат Болатович назначен акимом района.", ["Исаев Марат Болатович"]),
    ],
)
def test_persons(text: str, persons: list[str]) -> None:
    assert [p.name for p in run(text).persons] == persons


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        ("На заседании общественного совета Аральского района обсудили бюджет.", ["общественный совет Аральского района"]),
        ("Помощь оказало общественное объединение «Мейірім».", ["общественное объединение «Мейірім»"]),
        ("Сессия районного маслихата прошла в среду.", ["районный маслихат"]),
        ("Договор подписало ТОО «Арай Строй».", ["ТОО «Арай Строй»"]),
        ("Акиматы районов получили новые задачи.", []),  # bodies in general
    ],
)
def test_organizations(text: str, organizations: list[str]) -> None:
    assert [o.name for o in run(text).organizations] == organizations


@pytest.mark.parametrize(
    ("text", "posts"),
    [
        ("Председатель общественного объединения «Мейірім» Айгуль Сейтова открыла встречу.",
         [("Айгуль Сейтова", "председатель", "общественное объединение «Мейірім»")]),
        ("На встрече выступил аким Аральского района Бахыт Жумабаев.", [("Бахыт Жумабаев", "аким", None)]),
        ("Слово дали заместителю акима области Дане Ержановой.", [("Дана Ержанова", "заместитель", None)]),
        ("Встречу провела Айгуль Сейтова, руководитель фонда «Ниет».", [("Айгуль Сейтова", "руководитель", "фонд «Ниет»")]),
        ("Бахыт Жумабаев назначен акимом Аральского района.", [("Бахыт Жумабаев", "аким", None)]),
        # a parenthesis or a name set off by commas between the role and its holder
        ("Выступил руководитель фонда «Ниет» (Шымкент) Бахыт Жумабаев.", [("Бахыт Жумабаев", "руководитель", "фонд «Ниет»")]),
        ("Руководитель фонда «Ниет», Айгуль Сейтова, открыла встречу.", [("Айгуль Сейтова", "руководитель", "фонд «Ниет»")]),
        # a post noun inside a body's name is no role; "глава" of a body is no territorial post
        ("Пришёл сотрудник Администрации Президента Бахыт Жумабаев.", []),
        ("Выступил глава Аральской ассоциации предпринимателей Бахыт Жумабаев.",
         [("Бахыт Жумабаев", "глава", "Аральская ассоциация предпринимателей")]),
        # roles listed before one holder, a board inside a role, modifiers between role nouns
        ("Рассказывает руководитель, соучредитель фонда «Ниет» Айгуль Сейтова.",
         [("Айгуль Сейтова", "руководитель", "фонд «Ниет»"), ("Айгуль Сейтова", "соучредитель", "фонд «Ниет»")]),
        ("Встретился с председателем правления фонда «Ниет» Айгуль Сейтовой.",
         [("Айгуль Сейтова", "председатель", "фонд «Ниет»")]),
        ("Выступил заместитель генерального директора ТОО «Арай» Бахыт Жумабаев.",
         [("Бахыт Жумабаев", "заместитель", "ТОО «Арай»")]),
        # a foundation named after a person
        ("Говорит Айгуль Сейтова, официальный представитель фонда Бахыта Жумабаева.",
         [("Айгуль Сейтова", "представитель", "фонд Бахыта Жумабаева")]),
    ],
)
def test_posts(text: str, posts: list[tuple[str, str, str | None]]) -> None:
    assert [(p.person, p.role, p.organization) for p in run(text).posts] == posts


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("«Мы поможем каждой семье», — сказала Айгуль Сейтова.", [("Айгуль Сейтова", "Мы поможем каждой семье")]),
        ("Выступил Бахыт Жумабаев.\n— Работа продолжится, — подчеркнул он.", [("Бахыт Жумабаев", "Работа продолжится")]),
        ("Айгуль Сейтова отметила: «Волонтёров стало больше».", [("Айгуль Сейтова", "Волонтёров стало больше")]),
        ("Бахыт Жумабаев отметил, что работа продолжится.", []),  # indirect speech
        # a noun standing for the person named just before, and a dash line after a paragraph
        # whose person speaks
        ("Выступила Айгуль Сейтова. Затем депутат отметила: «Закон нужно менять».", [("Айгуль Сейтова", "Закон нужно менять")]),
        ("Бахыт Жумабаев напомнил о сроках работ.\n— Мы закончим дамбу к маю.", [("Бахыт Жумабаев", "Мы закончим дамбу к маю")]),
        ("— Я вырос в этом селе, — вспоминает Бахыт Жумабаев.", [("Бахыт Жумабаев", "Я вырос в этом селе")]),
    ],
)
def test_quotes(text: str, quotes: list[tuple[str | None, str]]) -> None:
    assert [(q.speaker, q.text) for q in run(text).quotes] == quotes


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Аким Туркестанской области посетил село.", [("Туркестанская область", "region")]),
        ("Сессия прошла в Житикаринском районе.", [("Житикаринский район", "district")]),
    ],
)
def test_places(text: str, places: list[tuple[str, str]]) -> None:
    assert [(p.name, p.kind) for p in run(text).places] == places


def test_persons_without_the_model() -> None:
    result = extract("Встречу открыла председатель фонда Айгуль Сейтовой. Фото автора.", lang="ru", use_model=False)
    assert [p.name for p in result.persons] == ["Айгуль Сейтова"]
