"""Kazakh nominal morphology: one table row per suffix allomorph and per rule."""
from __future__ import annotations

import pytest

from qogam.nlp.kk.morphology import Analysis, analyse, lemma, possessive3


def readings(word: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(a.stem, a.suffixes, a.tags) for a in analyse(word)}


# Case suffixes: every allomorph, chosen by the stem's final sound and vowel harmony.
@pytest.mark.parametrize(
    ("word", "stem", "suffix", "tag"),
    [
        # genitive: -ның/-нің after a vowel or м н ң, -дың/-дің after л р й у ж з, -тың/-тің after voiceless
        ("баланың", "бала", "ның", "GEN"),
        ("әкенің", "әке", "нің", "GEN"),
        ("адамның", "адам", "ның", "GEN"),
        ("қолдың", "қол", "дың", "GEN"),
        ("елдің", "ел", "дің", "GEN"),
        ("таудың", "тау", "дың", "GEN"),
        ("қыздың", "қыз", "дың", "GEN"),
        ("кітаптың", "кітап", "тың", "GEN"),
        ("мектептің", "мектеп", "тің", "GEN"),
        # dative: -ға/-ге after vowels and voiced, -қа/-ке after voiceless
        ("қалаға", "қала", "ға", "DAT"),
        ("үйге", "үй", "ге", "DAT"),
        ("ауылға", "ауыл", "ға", "DAT"),
        ("кітапқа", "кітап", "қа", "DAT"),
        ("мектепке", "мектеп", "ке", "DAT"),
        # accusative: -ны/-ні after a vowel, -ды/-ді after voiced, -ты/-ті after voiceless
        ("баланы", "бала", "ны", "ACC"),
        ("әкені", "әке", "ні", "ACC"),
        ("адамды", "адам", "ды", "ACC"),
        ("елді", "ел", "ді", "ACC"),
        ("кітапты", "кітап", "ты", "ACC"),
        ("мектепті", "мектеп", "ті", "ACC"),
        # locative: -да/-де, -та/-те
        ("қалада", "қала", "да", "LOC"),
        ("үйде", "үй", "де", "LOC"),
        ("кітапта", "кітап", "та", "LOC"),
        ("мектепте", "мектеп", "те", "LOC"),
        # ablative: -дан/-ден after vowels, л р й у ж з; -нан/-нен after м н ң; -тан/-тен after voiceless
        ("қаладан", "қала", "дан", "ABL"),
        ("үйден", "үй", "ден", "ABL"),
        ("адамнан", "адам", "нан", "ABL"),
        ("кеңестен", "кеңес", "тен", "ABL"),
        ("кітаптан", "кітап", "тан", "ABL"),
        ("елден", "ел", "ден", "ABL"),
        ("күннен", "күн", "нен", "ABL"),
        # instrumental: -мен after vowels and sonorants, -бен after ж з (м н ң), -пен after voiceless
        ("баламен", "бала", "мен", "INS"),
        ("қызбен", "қыз", "бен", "INS"),
        ("кітаппен", "кітап", "пен", "INS"),
        ("баламенен", "бала", "менен", "INS"),
    ],
)
def test_case_allomorphs(word: str, stem: str, suffix: str, tag: str) -> None:
    assert (stem, (suffix,), (tag,)) in readings(word)


@pytest.mark.parametrize(
    "word",
    [
        "кітапның",  # voiceless п needs -тың
        "қаладың",  # a vowel needs -ның
        "кітапда",  # voiceless needs -та
        "мектепқа",  # front stem, back suffix
        "баладе",  # back stem, front suffix
        "адамдан",  # after м the ablative is -нан
    ],
)
def test_impossible_allomorph_is_not_a_case(word: str) -> None:
    assert all(a.case == "NOM" for a in analyse(word))


# After a possessive the case has other forms: -на/-не, -н, -нда/-нде; after -м/-ң a bare -а/-е.
@pytest.mark.parametrize(
    ("word", "suffixes", "tags"),
    [
        ("қаласына", ("сы", "на"), ("POSS3", "DAT")),
        ("облысына", ("ы", "на"), ("POSS3", "DAT")),
        ("кеңесіне", ("і", "не"), ("POSS3", "DAT")),
        ("облысын", ("ы", "н"), ("POSS3", "ACC")),
        ("облысында", ("ы", "нда"), ("POSS3", "LOC")),
        ("кеңесінде", ("і", "нде"), ("POSS3", "LOC")),
        ("облысынан", ("ы", "нан"), ("POSS3", "ABL")),
        ("облысының", ("ы", "ның"), ("POSS3", "GEN")),
        ("облысымен", ("ы", "мен"), ("POSS3", "INS")),
        ("облысындағы", ("ы", "нда", "ғы"), ("POSS3", "LOC", "ATTR")),
        ("атыма", ("ым", "а"), ("POSS1SG", "DAT")),
        ("үйіме", ("ім", "е"), ("POSS1SG", "DAT")),
        ("атыңа", ("ың", "а"), ("POSS2SG", "DAT")),
    ],
)
def test_case_after_possessive(word: str, suffixes: tuple[str, ...], tags: tuple[str, ...]) -> None:
    assert any(a.suffixes == suffixes and a.tags == tags for a in analyse(word))


@pytest.mark.parametrize(
    "word",
    ["Назарбаева", "Дана", "Шардара", "Ақтөбе", "Алматы"],
)
def test_bare_vowel_case_needs_a_possessive(word: str) -> None:
    # No reading of these as stem + DAT -а/-е or stem + bare -ы: that needs a possessive first.
    assert not any(a.tags in (("DAT",), ("ACC",)) and len(a.suffixes[0]) == 1 for a in analyse(word))


@pytest.mark.parametrize(
    ("word", "suffix", "tag"),
    [
        ("кітабым", "ым", "POSS1SG"),
        ("үйім", "ім", "POSS1SG"),
        ("балам", "м", "POSS1SG"),
        ("атың", "ың", "POSS2SG"),
        ("балаң", "ң", "POSS2SG"),
        ("атыңыз", "ыңыз", "POSS2F"),
        ("балаңыз", "ңыз", "POSS2F"),
        ("еліміз", "іміз", "POSS1PL"),
        ("баламыз", "мыз", "POSS1PL"),
        ("аты", "ы", "POSS3"),
        ("елі", "і", "POSS3"),
        ("баласы", "сы", "POSS3"),
        ("әкесі", "сі", "POSS3"),
    ],
)
def test_possessive_allomorphs(word: str, suffix: str, tag: str) -> None:
    assert any(a.suffixes == (suffix,) and a.tags == (tag,) for a in analyse(word))


@pytest.mark.parametrize(
    ("word", "suffix"),
    [("балалар", "лар"), ("әкелер", "лер"), ("үйлер", "лер"), ("қолдар", "дар"), ("елдер", "дер"),
     ("адамдар", "дар"), ("кітаптар", "тар"), ("мектептер", "тер")],
)
def test_plural_allomorphs(word: str, suffix: str) -> None:
    assert any(a.suffixes == (suffix,) and a.tags == ("PL",) for a in analyse(word))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # the brief's examples
        ("төрағасы", "төраға"),
        ("бірлестігінің", "бірлестік"),
        ("төрайымы", "төрайым"),
        ("әкімдігінің", "әкімдік"),
        ("кеңесінің", "кеңес"),
        # stem alternation before a vowel-initial possessive: г→к, ғ→қ, б→п
        ("бірлестігі", "бірлестік"),
        ("кітабы", "кітап"),
        ("кітабым", "кітап"),
        ("құқығы", "құқық"),
        ("клубы", "клуб"),  # a loan keeps its б
        # chains of plural, possessive and case
        ("балаларымыздың", "бала"),
        ("кітаптарыңызға", "кітап"),
        ("мектептеріміздегі", "мектеп"),
        ("облыстарының", "облыс"),
        ("қалаларда", "қала"),
        # nouns that only look inflected
        ("аудан", "аудан"),
        ("ауданы", "аудан"),
        ("қала", "қала"),
        ("бала", "бала"),
        ("Қазақстандағы", "Қазақстан"),
        ("ТӨРАҒАСЫНЫҢ", "ТӨРАҒА"),
        # agent nouns in -ушы/-уші end in no possessive
        ("оқытушы", "оқытушы"),
        ("жүргізуші", "жүргізуші"),
        ("оқытушысы", "оқытушы"),
        ("жүргізушілер", "жүргізуші"),
        ("", ""),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_analysis_api() -> None:
    first = analyse("бірлестігінің")[0]
    assert first == Analysis("бірлестіг", ("і", "нің"), ("POSS3", "GEN"), "бірлестік", first.score)
    assert first.case == "GEN"
    assert first.lemma == "бірлестік"
    assert any(a.suffixes == () and a.case == "NOM" for a in analyse("бірлестігінің"))
    assert analyse("") == [Analysis("", (), (), "", 0.0)]


def test_ordering_and_input_case() -> None:
    results = analyse("Облыстарының")
    assert results[0].stem == "Облыс"
    assert results[0].tags == ("PL", "POSS3", "GEN")
    assert results[0].suffixes == ("тар", "ы", "ның")


@pytest.mark.parametrize(
    ("noun", "possessed"),
    [
        ("кеңес", "кеңесі"),  # front, after a consonant
        ("қор", "қоры"),  # back
        ("алқа", "алқасы"),  # after a vowel
        ("бірлестік", "бірлестігі"),  # к voiced before the vowel
        ("орталық", "орталығы"),  # қ voiced
        ("әкімдік", "әкімдігі"),
        ("ассамблея", "ассамблеясы"),
    ],
)
def test_third_person_possessive(noun: str, possessed: str) -> None:
    assert possessive3(noun) == possessed
    assert lemma(possessed) == noun
