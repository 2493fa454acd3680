"""Whether two organisation names may be one body (qogam.nlp.org_match): (name, name, reason) tables."""
from __future__ import annotations

import pytest

from qogam.nlp.org_match import compare, core, signs

# (A, B, the reason compare gives, offered at the queue's 0.9)
PAIRS = [
    ("«Жастар» қоғамдық бірлестігі", "общественное объединение «Жастар»", "same-quoted", True),
    ("«Birgemiz» қоғамдық қоры", "фонд «Birgemiz»", "same-quoted", True),
    ("Шымкент қаласы мәслихаты", "маслихат города Шымкента", "same-core", True),
    ("Атырау облыстық мәслихаты", "маслихат Атырауской области", "same-core", True),
    ("облыстық ардагерлер кеңесі", "облыстық ардагерлер кеңесі", "same-generic", True),
    ("«Нұр Отан» ХДП облыстық филиалы", "«Nur Otan» партиясының облыстық филиалы", "same-quoted-local", True),
    ("Түркістан облысы әкімдігі", "Түркістан облыстық мәслихаты", "other-kind", False),
    ("Түркістан қалалық мәслихаты", "Түркістан облыстық мәслихаты", "other-level", False),
    ("қалалық Қазақстан халқы ассамблеясы", "Қазақстан халқы Ассамблеясы", "other-level", False),
    ("«Нұр Отан» партиясының Сайрам аудандық филиалы", "«Нұр Отан» партиясы", "part-of", False),
    ("«Amanat» партиясының аудандық филиалы", "партия AMANAT", "part-of", False),
    ("Совет Акмолинской ассамблеи народа Казахстана", "Акмолинская ассамблея народа Казахстана", "part-of", False),
    ("«Nur Otan» партиясы", "ВКОФ партии «Нұр Отан»", "part-of", False),
    ("«Ынтымақ» этносаралық мәдени бірлестігі", "«Ынтымақ» депутаттар тобы", "other-kind", False),
    ("Алматы облыстық ҚХА", "Almaty.tv", "other-kind", False),
    ("«Нұр Отан» партиясы Келес аудандық филиалы", "«Nur Otan» партиясы Ордабасы аудандық филиалы", "same-quoted-elsewhere", False),
    ("Сайрам аудандық ақпараттық-ресурстық орталығы", "Сарыағаш аудандық ақпараттық-ресурстық орталығы", "different", False),
    ("ақсақалдар алқасы", "алқабилер кеңесі", "other-kind", False),
]


@pytest.mark.parametrize(("a", "b", "reason", "offered"), PAIRS)
def test_compare(a: str, b: str, reason: str, offered: bool) -> None:
    score, why = compare(a, b)
    assert why == reason
    assert (score >= 0.9) is offered
    assert compare(b, a) == (score, why)


@pytest.mark.parametrize(("name", "expected"), [
    ("Шымкент қаласы мәслихаты", {"simke"}),
    ("облыстық ардагерлер кеңесі", set()),
    ("«Жастар» қоғамдық бірлестігі", {"jasta"}),  # a word in quotation marks is never generic
    ("Жамбыл облысы әкімдігінің тілдерді дамыту басқармасы", {"jambi", "tilde", "damit"}),
])
def test_core(name: str, expected: set[str]) -> None:
    assert core(name) == expected


def test_signs_are_read_outside_the_quotation_marks() -> None:
    assert signs("«Қазақстан халқына» қоры") == {"kind": {"foundation"}, "level": set()}
    assert signs("Павлодар облысы Қазақстан халқы Ассамблеясы")["level"] == {"region", "republic"}
