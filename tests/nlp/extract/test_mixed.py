"""Mixed-language articles: the sentences in the article's other language are read by that
language's pipeline (qogam.nlp.extract.mixed, qogam.nlp.langid.other_language_spans)."""
from __future__ import annotations

from qogam.nlp.extract import extract
from qogam.nlp.langid import other_language_spans

KAZAKH_QUOTING_RUSSIAN = (
    "Түркістан облысында «Жастар» қоғамдық бірлестігінің төрағасы Қабиболла Жақыпов жиынды ашты. "
    "Жиынға аудан әкімі Ержан Тұрсынов қатысты.\n"
    "«Мы поддержим каждую инициативу молодёжи», — сказал аким района Ержан Турсынов."
)
RUSSIAN_WITH_KAZAKH = (
    "В Туркестане прошла встреча с молодёжью. Председатель общественного объединения «Жастар» "
    "Кабибулла Джакупов рассказал о планах на год.\n"
    "Жиында облыстық мәслихаттың депутаты Айгүл Серікова жастардың бастамаларын қолдайтынын айтты."
)


def test_a_russian_statement_in_a_kazakh_article() -> None:
    result = extract(KAZAKH_QUOTING_RUSSIAN)
    assert result.lang == "kk"
    # one person, named in both languages' spellings
    assert [p.name for p in result.persons] == ["Қабиболла Жақыпов", "Ержан Тұрсынов"]
    assert [(q.speaker, q.text) for q in result.quotes] == [("Ержан Тұрсынов", "Мы поддержим каждую инициативу молодёжи")]
    assert ("Ержан Тұрсынов", "аким", None) in [(p.person, p.role, p.organization) for p in result.posts]


def test_a_kazakh_paragraph_in_a_russian_article() -> None:
    result = extract(RUSSIAN_WITH_KAZAKH)
    assert result.lang == "ru"
    assert {p.name for p in result.persons} >= {"Кабибулла Джакупов", "Айгүл Серікова"}
    assert ("Айгүл Серікова", "депутат", "облыстық мәслихат") in [(p.person, p.role, p.organization) for p in result.posts]


def test_sentence_spans_ignore_quoted_names() -> None:
    text = "Нагрудные знаки «Қайырымдылық үшін» получили председатель фонда и волонтер Алишер Садык."
    assert other_language_spans(text, "kk") == []
    assert other_language_spans(KAZAKH_QUOTING_RUSSIAN, "ru") == [(KAZAKH_QUOTING_RUSSIAN.index("«Мы"), len(KAZAKH_QUOTING_RUSSIAN))]


def test_a_given_language_reads_the_whole_text() -> None:
    assert [q.text for q in extract(KAZAKH_QUOTING_RUSSIAN, lang="kk").quotes] != []  # no per-sentence pass
