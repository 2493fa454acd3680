"""One person across Kazakh, Russian and Latin spellings (qogam.nlp.name_match, `qogam names compare`)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qogam.nlp.name_match import CANDIDATE_THRESHOLD, compare, is_candidate

DATA = Path(__file__).parent / "data"


def _pairs(name: str) -> list[tuple[str, str, bool, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b, label, origin = line.split("\t")
            rows.append((a, b, label == "same", origin))
    return rows


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Шәріпбек Жамалбек", "Шарипбек Жамалбек", True),
        ("Жақыпов Қабиболла Қабенұлы", "Джакупов Кабибулла Кабенович", True),
        ("Жақыпов Қабиболла Қабенұлы", "ZHAKUPOV KABIBOLLA", True),  # official Latin, no patronymic
        ("Назарбаев Нұрсұлтан", "NAZARBAYEV NURSULTAN", True),
        ("Мұхтар Тілеуберді", "Мухтар Тлеуберди", True),  # a vowel Russian spelling drops
        ("Бақыт Сұлтанов", "Бахыт Султанов", True),  # қ written х
        ("Инара Намазбаева", "И. Намазбаева", True),
        ("Ержан Тұрсынов", "Ерлан Тұрсынов", False),  # two people
        ("Ержан Тұрсынов", "Ержан Тұрсынова", False),  # a man and a woman
        ("Ерлан Серікұлы Қарин", "Ерлан Болатович Карин", False),  # other fathers
        ("Ерлан Қошанов", "Ерлан Қосанов", False),  # ш is no с
        ("Марат Оспанов", "Мурат Оспанов", False),
        ("Нұрсұлтан Болатұлы", "Нұрсұлтан Назарбаев", False),
        ("Т. Намазбаева", "Инара Намазбаева", False),  # the initial does not fit
    ],
)
def test_pairs(a: str, b: str, same: bool) -> None:
    assert is_candidate(a, b) is same
    assert is_candidate(b, a) is same  # symmetric


@pytest.mark.parametrize("name", ["name_pairs.tsv", "name_pairs_unseen.tsv"])
def test_precision_and_recall_of_candidates(name: str) -> None:
    rows = _pairs(name)
    tp = sum(1 for a, b, same, _ in rows if same and is_candidate(a, b))
    fp = sum(1 for a, b, same, _ in rows if not same and is_candidate(a, b))
    fn = sum(1 for a, b, same, _ in rows if same and not is_candidate(a, b))
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9


def test_scores_are_in_range() -> None:
    for a, b, _, _ in _pairs("name_pairs.tsv"):
        assert 0.0 <= compare(a, b) <= 1.0
    assert compare("", "Инара Намазбаева") == 0.0


def _cli(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qogam.cli", "names", "compare"], input=stdin,
                          capture_output=True, text=True, encoding="utf-8")


def test_cli_contract() -> None:
    done = _cli("Жақыпов Қабиболла Қабенұлы\tДжакупов Кабибулла Кабенович\n\nЕржан Тұрсынов\tЕрлан Тұрсынов\n")
    assert done.returncode == 0
    lines = done.stdout.split("\n")
    score, verdict = lines[0].split("\t")
    assert verdict == "candidate" and float(score) >= CANDIDATE_THRESHOLD
    assert lines[1] == ""  # an empty line keeps its place
    assert lines[2].split("\t")[1] == "different"


def test_cli_refuses_a_line_without_a_tab() -> None:
    done = _cli("Инара Намазбаева\tИ. Намазбаева\nno tab here\n")
    assert done.returncode == 2 and done.stdout == ""
    assert "line 2" in done.stderr


def test_organization_pairs() -> None:
    from qogam.nlp.name_match import same_organization_candidate

    rows = _pairs("org_pairs.tsv")
    tp = sum(1 for a, b, same, _ in rows if same and same_organization_candidate(a, b))
    fp = sum(1 for a, b, same, _ in rows if not same and same_organization_candidate(a, b))
    fn = sum(1 for a, b, same, _ in rows if same and not same_organization_candidate(a, b))
    assert (tp, fp, fn) == (sum(1 for r in rows if r[2]), 0, 0), (tp, fp, fn)
