from __future__ import annotations

import pytest

from qogam.nlp.kk.alphabet import CYRILLIC_LOOKALIKES
from qogam.nlp.normalize import fold_case, normalize, without_invisible

_LOOKALIKES = str.maketrans(CYRILLIC_LOOKALIKES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Latin look-alikes inside Cyrillic words become Kazakh letters
        ("Aлматы", "Алматы"),
        ("бiрлестiгi", "бірлестігі"),
        ("Бıрлестік", "Бірлестік"),
        ("əкімі", "әкімі"),
        ("Əлем", "Әлем"),
        ("hаким", "һаким"),
        ("Тоқaев", "Тоқаев"),
        ("OСПАНОВ", "ОСПАНОВ"),
        ("Cүйінбаев", "Сүйінбаев"),
        ("Нұрcұлтан", "Нұрсұлтан"),
        ("ɵзгеріс", "өзгеріс"),
        ("ҟала", "қала"),
        ("ӈыз", "ңыз"),
        # whole Latin words are left alone
        ("Facebook", "Facebook"),
        ("Qogam", "Qogam"),
        ("Instagram-да", "Instagram-да"),
        # quotes and dashes unified
        ("“Жайылма”", "«Жайылма»"),
        ("„Жайылма“", "«Жайылма»"),
        ("ол: “Біз келдік”.", "ол: «Біз келдік»."),
        ('"Жайылма" ҚБ', "«Жайылма» ҚБ"),
        ("<<Жайылма>> ҚБ", "« Жайылма » ҚБ"),
        ("≪Жайылма≫", "«Жайылма»"),
        ("сайлау – басты", "сайлау — басты"),
        ("сайлау - басты", "сайлау — басты"),
        ("ой-пікір", "ой-пікір"),
        ("Ахмет’тің", "Ахмет'тің"),
        # invisible characters and odd spaces
        ("Жа\u00adйылма", "Жайылма"),
        ("Са¬паров", "Сапаров"),  # a soft hyphen in the wrong code page
        # Kazakh letters in the KZ-1048 code page read as Windows-1251
        ("Ќазаќстан", "Қазақстан"),
        ("кеѕесі", "кеңесі"),
        ("Јлімов", "Әлімов"),
        ("ўйым", "ұйым"),
        ("төрєасы", "төрғасы"),
        ("Їміт", "Үміт"),
        ("ҮЕҰ\u00a0өкілі", "ҮЕҰ өкілі"),
        ("\ufeffМәтін", "Мәтін"),
        # NFC
        ("и\u0306", "й"),
        ("", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "text",
    ["Жа\u00adйылма қоғамдық", "и\u0306ә\u200bбір Тоқaев", "\ufeff«Әлем»\u00ad, — деді", "жай мәтін", "Са¬паров Ќайрат"],
)
def test_offsets_map_back_to_original(text: str) -> None:
    norm = normalize(text)
    for start in range(len(norm.text)):
        for end in range(start + 1, len(norm.text) + 1):
            o_start, o_end = norm.span_to_original(start, end)
            assert 0 <= o_start < o_end <= len(text)
            # the original slice normalises to the same characters (a look-alike letter cut
            # off from its Cyrillic word stays Latin, hence the table on both sides)
            visible = normalize(text[o_start:o_end]).text.translate(_LOOKALIKES)
            assert visible == norm.text[start:end].translate(_LOOKALIKES)


def test_composed_cluster_maps_to_whole_original_cluster() -> None:
    norm = normalize("аи\u0306ран")  # the й is written as и + combining breve
    assert norm.text == "айран"
    assert norm.span_to_original(1, 2) == (1, 3)
    assert norm.span_to_original(0, 5) == (0, 6)
    assert norm.to_normalized(3) == 2


def test_fold_case() -> None:
    assert fold_case("  Түркістан   ОБЛЫСЫ\n") == "түркістан облысы"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Сапа\u00adров", "Сапаров"), ("Са¬паров", "Сапаров"), ("вы\u200bступил", "выступил"), ("\u00ad", "\u00ad"), ("слово", "слово")],
)
def test_without_invisible(word: str, expected: str) -> None:
    assert without_invisible(word) == expected
