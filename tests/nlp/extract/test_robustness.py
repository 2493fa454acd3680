"""Bad input never crashes extraction: it gives an empty or partial result and says why."""
from __future__ import annotations

from qogam.nlp.extract import extract


def test_empty_text() -> None:
    result = extract("   \n ")
    assert result.persons == [] and result.quotes == []
    assert any("empty" in w for w in result.warnings)


def test_text_with_no_kazakh() -> None:
    result = extract("The public council met yesterday to discuss the election.")
    assert result.lang == "other" and result.persons == []
    assert any("only Kazakh" in w for w in result.warnings)


def test_russian_text_goes_to_the_russian_pipeline() -> None:
    result = extract("Вчера руководители неправительственных организаций обсудили предстоящие выборы с Розой Ешаевой.")
    assert result.lang == "ru"
    assert [p.name for p in result.persons] == ["Роза Ешаева"]


def test_unbalanced_quote_gives_partial_result() -> None:
    text = "«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев: «Біз дайынбыз. Сайлауға барамыз."
    result = extract(text, use_model=False)
    assert [p.name for p in result.persons] == ["Жанболат Сүйінбаев"]
    assert [o.name for o in result.organizations] == ["«Жайылма» қоғамдық бірлестігі"]
    assert result.quotes == []
    assert any("unbalanced" in w for w in result.warnings)


def test_five_megabytes_on_one_line(seed_text: str) -> None:
    line = " ".join(seed_text.split())
    text = (line + " ") * (5_000_000 // (len(line) + 1) + 1)
    assert "\n" not in text and len(text) >= 5_000_000
    result = extract(text, use_model=False)
    assert {p.name for p in result.persons} >= {"Инара Намазбаева", "Шәріпбек Жамалбек"}
    assert len(result.quotes) >= 2


def test_binary_looking_and_control_characters() -> None:
    result = extract("Жиын\x00 өтті \x07 «»«« »» — — ,,, .", use_model=False)
    assert result.lang in ("kk", "other")
