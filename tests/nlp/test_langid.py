from __future__ import annotations

import pytest

from qogam.nlp.langid import detect_language

KAZAKH = [
    "Күні кеше үкіметтік емес ұйымдардың жетекшілері бас қосып, сайлауға қатысты өз ой-пікірлерін ортаға салды.",
    "Облыс әкімі ауданның әлеуметтік-экономикалық дамуы туралы есеп берді.",
    "Қайырымдылық қоры аз қамтылған отбасыларға көмек көрсетті.",
    "Бүгін жиын өтті.",
    "Гостиницаң бар, жатақжайың бар.",
    "Президент сайлау",
]
RUSSIAN = [
    "Вчера руководители неправительственных организаций обсудили предстоящие выборы.",
    "Аким области отчитался перед населением о работе за прошедший год.",
    "Общественный совет при акимате района рассмотрел вопросы экологии.",
    "Благотворительный фонд передал помощь малообеспеченным семьям.",
    "Сегодня состоялось заседание комиссии.",
    "Председатель объединения подчеркнул важность участия граждан.",
    # Cyrillic with no Kazakh letter that the statistical detector gives to another language
    "Мандат депутата маслихата получил Ерлан Тулегенов.",
]
OTHER = [
    "The public council met yesterday to discuss the election.",
    "12:30 — 14:00 / 2024",
    "",
    "Kazakhstan's civil society organisations signed an appeal.",
]


@pytest.mark.parametrize("text", KAZAKH)
def test_kazakh(text: str) -> None:
    assert detect_language(text).lang == "kk"


@pytest.mark.parametrize("text", RUSSIAN)
def test_russian(text: str) -> None:
    assert detect_language(text).lang == "ru"


@pytest.mark.parametrize("text", OTHER)
def test_other(text: str) -> None:
    assert detect_language(text).lang == "other"


def test_confidence_is_a_probability() -> None:
    for text in KAZAKH + RUSSIAN + OTHER:
        assert 0.0 <= detect_language(text).confidence <= 1.0


def test_kaznerd_sentences_are_kazakh(kaznerd_path) -> None:
    sentences: list[str] = []
    current: list[str] = []
    with open(kaznerd_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                current.append(line.split()[0])
            elif current:
                sentences.append(" ".join(current))
                current = []
            if len(sentences) >= 2000:
                break
    kazakh = sum(detect_language(s).lang == "kk" for s in sentences)
    assert kazakh / len(sentences) >= 0.995
