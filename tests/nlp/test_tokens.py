from __future__ import annotations

import pytest

from qogam.nlp.tokens import quote_pairs, split_sentences, tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Қасым-Жомарт Тоқаевтың", ["Қасым-Жомарт", "Тоқаевтың"]),
        ("өз ой-пікірлерін ортаға салды.", ["өз", "ой-пікірлерін", "ортаға", "салды", "."]),
        ("дейді И.Намазбаева.", ["дейді", "И.Намазбаева", "."]),
        ("Ш.Жамалбек", ["Ш.Жамалбек"]),
        ("Ш. Жамалбек", ["Ш.", "Жамалбек"]),
        ("Қ.-Ж.Тоқаев", ["Қ.", "-", "Ж.Тоқаев"]),
        ("кітап, дәптер т.б. заттар", ["кітап", ",", "дәптер", "т.б.", "заттар"]),
        ("2024 ж. наурыз", ["2024", "ж.", "наурыз"]),
        ("2,5 млн. теңге", ["2,5", "млн.", "теңге"]),
        ("2024-жылы 11-інші", ["2024-жылы", "11-інші"]),
        ("ҚР ҮЕҰ.", ["ҚР", "ҮЕҰ", "."]),
        ("«Жайылма» ҚБ", ["«", "Жайылма", "»", "ҚБ"]),
        ("“Жайылма”", ["“", "Жайылма", "”"]),
        ("сайлау – басты", ["сайлау", "–", "басты"]),
        ("Не? Иә! Жоқ...", ["Не", "?", "Иә", "!", "Жоқ", "..."]),
        ("www.gov.kz сайтында.", ["www.gov.kz", "сайтында", "."]),
        ("info@qogam.kz-ке", ["info@qogam.kz", "-", "ке"]),
        ("50%-ы", ["50", "%", "-", "ы"]),
        ("Тоқaевтың", ["Тоқaевтың"]),
        # two words a lost line break glued; a brand's inner capitals stay
        ("төрағаларыАйбын Арынғазинов", ["төрағалары", "Айбын", "Арынғазинов"]),
        ("КазМунайГаз iPhone eGov", ["КазМунайГаз", "iPhone", "eGov"]),
        ("Ernst&Young компаниясы", ["Ernst&Young", "компаниясы"]),  # one name
        ("", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("И.Намазбаева Ш. Жамалбек", ["initials", "initial", "word"]),
        ("т.б. млн. 2024", ["abbrev", "abbrev", "number"]),
        ("сөз, www.gov.kz", ["word", "punct", "url"]),
        # a news outlet's address is one token and ends no sentence
        ("деп жазды Egemen.kz тілшісі", ["word", "word", "url", "word"]),
        ("WWW.AQ-QARA.KZ сайты", ["url", "word"]),
        ("qazaqstan.tv.", ["url", "punct"]),
        # a Cyrillic word with a dot is no address
        ("т.б. Алматы.", ["abbrev", "word", "punct"]),
    ],
)
def test_token_kinds(text: str, kinds: list[str]) -> None:
    assert [t.kind for t in tokenize(text)] == kinds


@pytest.mark.parametrize(
    "text", ["Жа\u00adйылма «Эко Атамекен» Тоқaев", "аи\u0306ран\u200b бір", "\ufeffМәтін – мәтін"]
)
def test_token_offsets_point_into_original(text: str) -> None:
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


def test_token_norm_fixes_lookalikes_but_text_keeps_surface() -> None:
    (tok,) = tokenize("Тоқaевтың")
    assert tok.text == "Тоқaевтың" and tok.norm == "Тоқаевтың"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Бірінші сөйлем. Екінші сөйлем.", ["Бірінші сөйлем.", "Екінші сөйлем."]),
        ("Жиынға И.Намазбаева қатысты. Ол сөз алды.", ["Жиынға И.Намазбаева қатысты.", "Ол сөз алды."]),
        ("Жиынды Ш. Жамалбек жүргізді.", ["Жиынды Ш. Жамалбек жүргізді."]),
        ("Кітап, дәптер т.б. заттар берілді.", ["Кітап, дәптер т.б. заттар берілді."]),
        ("1991 ж. Желтоқсанда болды.", ["1991 ж. Желтоқсанда болды."]),
        ("Қаржы 5 млн. теңге. Бұл көп.", ["Қаржы 5 млн. теңге.", "Бұл көп."]),
        ("ҚР Президенті келді.", ["ҚР Президенті келді."]),
        # a quotation of several sentences stays one unit with its attribution
        (
            "«Біз келдік. Сайлауға барамыз. Қолдаймыз», деді ол. Жиын аяқталды.",
            ["«Біз келдік. Сайлауға барамыз. Қолдаймыз», деді ол.", "Жиын аяқталды."],
        ),
        ("«Біз келдік. Жақсы.» Бұл сөз.", ["«Біз келдік. Жақсы.»", "Бұл сөз."]),
        ("Ол: «Келдік. Көрдік». Бітті.", ["Ол: «Келдік. Көрдік».", "Бітті."]),
        # nested quotes
        ("«Ол «Жайылма» ҚБ. Біз де», деді. Иә.", ["«Ол «Жайылма» ҚБ. Біз де», деді.", "Иә."]),
        # an unbalanced « does not swallow the rest of the paragraph
        ("«Ашық тырнақша. Келесі сөйлем. Тағы бір.", ["«Ашық тырнақша.", "Келесі сөйлем.", "Тағы бір."]),
        # dash-introduced speech
        ("— Иә, — деді ол. — Жоқ.", ["— Иә, — деді ол.", "— Жоқ."]),
        # a lower-case start after a full stop is no new sentence
        ("Саны 5. оның ішінде", ["Саны 5. оның ішінде"]),
        # a line break ends a sentence; a wrapped lower-case line goes on
        ("Бірінші абзац\nЕкінші абзац", ["Бірінші абзац", "Екінші абзац"]),
        ("Сөйлем жалғасып\nкеледі.", ["Сөйлем жалғасып\nкеледі."]),
        ("«Абзацтан\nшыққан тырнақша.» Жоқ", ["«Абзацтан\nшыққан тырнақша.»", "Жоқ"]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_sentence_offsets_slice_the_original() -> None:
    text = "\ufeffБірінші\u00ad сөйлем. «Екінші. Үшінші», деді Тоқaев."
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.tokens[0].start == s.start and s.tokens[-1].end == s.end


def test_seed_article_sentences(seed_text: str, seed_gold: dict) -> None:
    sentences = split_sentences(seed_text)
    texts = [s.text for s in sentences]
    # no sentence boundary right after an initial
    assert not any(t.endswith("И.") for t in texts)
    assert any("дейді И.Намазбаева." in t for t in texts)
    # each gold quote lies whole inside one sentence
    for quote in seed_gold["quotes"]:
        holders = [s for s in sentences if quote["text"] in s.text]
        assert len(holders) == 1, quote["text"][:40]
    assert len(sentences) == 10
    for s in sentences:
        assert seed_text[s.start : s.end] == s.text


def test_seed_article_tokens(seed_text: str) -> None:
    tokens = tokenize(seed_text)
    surfaces = [t.text for t in tokens]
    for expected in ["И.Намазбаева", "Қасым-Жомарт", "Тоқаевтың", "ой-пікірлерін", "Ата-бабамыз", "қоғамдық-саяси"]:
        assert expected in surfaces
    for tok in tokens:
        assert seed_text[tok.start : tok.end] == tok.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("— Жаңарту қашан аяқталады? — деп сұрады ол. — Шілдеде.", ["— Жаңарту қашан аяқталады? — деп сұрады ол.", "— Шілдеде."]),
        ("Неге? — Себебі белгісіз.", ["Неге?", "— Себебі белгісіз."]),
        ("«Қашан?» — деп сұрады ол.", ["«Қашан?» — деп сұрады ол."]),
    ],
)
def test_dialogue_dash_after_question(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Жайылма» бірлестігі", [(0, 2, 0)]),
        # nested: the inner pair closes first and lies one level down
        ("«Таза «Бадам»» одағы", [(2, 4, 1), (0, 5, 0)]),
        # a » with nothing open, and a « never closed, pair with nothing
        ("» «а» «б", [(1, 3, 0)]),
        # a pair inside a « never closed is not outermost
        ("« а «б» в", [(2, 4, 1)]),
        ("мұнда тырнақша жоқ", []),
    ],
)
def test_quote_pairs(text: str, expected: list[tuple[int, int, int]]) -> None:
    assert quote_pairs([t.norm for t in tokenize(text)]) == expected
