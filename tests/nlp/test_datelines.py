from __future__ import annotations

import pytest

from qogam.nlp.datelines import dateline_outlets
from qogam.nlp.extract import extract


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a place (and a date), a full stop, the agency and a dash
        ("АСТАНА. ҚазАқпарат – Облыста жиын өтті.", ["ҚазАқпарат"]),
        ("АСТАНА, 5 мая. КАЗИНФОРМ – В столице прошла встреча.", ["КАЗИНФОРМ"]),
        ("Астана. 27 января. KAZAKHSTAN TODAY - Депутаты встретились.", ["KAZAKHSTAN TODAY"]),
        ("НҰР-СҰЛТАН. Kazinform - Жиын өтті.", ["Kazinform"]),
        ("Астана. Tengrinews.kz – Жиын өтті.", ["Tengrinews.kz"]),
        # a place and a date, a dash, the agency and a full stop
        ("АЛМАТЫ, 12 октября – Sputnik. В городе прошла встреча.", ["Sputnik"]),
        # on any line, not only the first
        ("Жаңалықтар\nТАРАЗ. ҚазАқпарат – Жиын өтті.", ["ҚазАқпарат"]),
        # a known name in plain letters; words that do not look like an agency's
        ("Астана. Казинформ – Жиын өтті.", ["Казинформ"]),
        ("ШЫМКЕНТ. Жастар – біздің болашағымыз.", []),
        ("Шымкент. Молодежь – наше будущее.", []),
        # not at a line's start
        ("Жиын өтті. Астана. ҚазАқпарат – тағы бір жиын.", []),
    ],
)
def test_dateline_outlets(text: str, names: list[str]) -> None:
    found = [text[start:end] for start, end in dateline_outlets(text, {"казинформ"})]
    assert found == names


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("ТҮРКІСТАН. ҚазАқпарат - Облыста жиын өтті.", "kk", "ҚазАқпарат"),
        ("Тараз. Ұлт ақпарат – Жиын өтті.", "kk", "Ұлт ақпарат"),
        ("АСТАНА. КАЗИНФОРМ – В столице прошла встреча.", "ru", "КАЗИНФОРМ"),
        ("Астана. Казинформ – В столице прошла встреча.", "ru", "Казинформ"),
    ],
)
def test_dateline_agency_is_a_media_organization(text: str, lang: str, name: str) -> None:
    orgs = extract(text, lang=lang).organizations
    assert [(o.name, o.type) for o in orgs if o.name == name] == [(name, "media")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a Kazakh agency's one-word name is the agency wherever it stands, inflected too
        ("Облыста жиын өтті, деп хабарлайды ҚазАқпарат тілшісі.", "ҚазАқпарат"),
        ("Бұл туралы ҚазАқпаратқа облыс әкімі айтты.", "ҚазАқпарат"),
    ],
)
def test_kazakh_agency_named_anywhere(text: str, name: str) -> None:
    assert [o.name for o in extract(text, lang="kk").organizations if o.type == "media"] == [name]
