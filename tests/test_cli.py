"""The CLI contracts of the text core, its help texts and its handling of bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from qogam import __version__
from qogam.cli import main


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        found.append(prefix + (name,))
        if isinstance(command, click.Group):
            found.extend(_commands(command, prefix + (name,)))
    return found


ALL_COMMANDS = _commands(main)


def run(args: list[str], stdin: bytes | str | None = None):
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def test_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    result = run([*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_sentences_contract(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "«Біз келдік. Қолдаймыз», деді И.Намазбаева. Жиын аяқталды."
    path.write_text(text, encoding="utf-8")
    rows = [json.loads(line) for line in run(["sentences", str(path)]).output.splitlines()]
    assert [r["text"] for r in rows] == ["«Біз келдік. Қолдаймыз», деді И.Намазбаева.", "Жиын аяқталды."]
    for r in rows:
        assert set(r) == {"start", "end", "text"}
        assert text[r["start"] : r["end"]] == r["text"]


def test_tokens_contract_on_stdin() -> None:
    result = run(["tokens", "-"], "Қасым-Жомарт Тоқаевтың шешімі.")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == ["Қасым-Жомарт", "Тоқаевтың", "шешімі", "."]
    assert rows[1]["start"] == 13 and rows[1]["end"] == 22


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Намазбаеваның", "", "Қасым-Жомарт Тоқаевтың"], ["Намазбаева", "", "Қасым-Жомарт Тоқаев"]),
        (["Астанаға", "Қызылорда", "Жамалбектің", "Қожинның"], ["Астана", "Қызылорда", "Жамалбек", "Қожин"]),
        ([""], [""]),
    ],
)
def test_lemma_contract(lines: list[str], expected: list[str]) -> None:
    result = run(["lemma"], "\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert result.output.split("\n")[:-1] == expected


BAD_INPUTS = [
    (b"", "empty"),
    (b"\xff\xfe\x00\x00binary\x00\x00", "binary"),
    ("Түркістан".encode("cp1251", errors="replace") + b"\xd0", "UTF-8"),
]


@pytest.mark.parametrize("command", ["sentences", "tokens"])
@pytest.mark.parametrize(("data", "message"), BAD_INPUTS)
def test_bad_file_gives_one_line_error(tmp_path: Path, command: str, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(main, [command, str(path)])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["sentences", "tokens", "langid"])
def test_directory_and_missing_file(tmp_path: Path, command: str) -> None:
    for arg, message in [(str(tmp_path), "is a directory"), (str(tmp_path / "nope.txt"), "no such file")]:
        result = CliRunner().invoke(main, [command, arg])
        assert result.exit_code == 2 and message in result.stderr


def test_lemma_rejects_binary_stdin() -> None:
    result = CliRunner().invoke(main, ["lemma"], input=b"\x00\x01\x02\x03garbage")
    assert result.exit_code == 2 and "binary" in result.stderr


def test_real_process_exit_code_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xd0\xd0\xd0 not utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "qogam.cli", "sentences", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("qogam: error:")


def test_report_runs_on_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Жиынды Шәріпбек Жамалбек жүргізді. Инара Намазбаеваның айтуынша, бәрі жақсы.", encoding="utf-8")
    result = run(["report", str(tmp_path)])
    assert "language: kk" in result.output
    assert "Инара Намазбаева  ← Инара Намазбаеваның" in result.output


def test_report_on_empty_directory_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 2 and "no .txt articles" in result.stderr


def test_extract_file_prints_one_document(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев келді.", encoding="utf-8")
    result = run(["extract", str(path), "--no-model"])
    doc = json.loads(result.output)
    assert set(doc) >= {"lang", "persons", "organizations", "posts", "quotes", "events", "places"}
    assert doc["posts"][0]["person"] == "Жанболат Сүйінбаев"


def test_extract_directory_prints_a_line_per_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Жиынды Шәріпбек Жамалбек жүргізді.", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"text": "Ахмет Оспанов сөйледі.", "date": "2024-03-12"}), encoding="utf-8")
    (tmp_path / "b.gold.json").write_text("{}", encoding="utf-8")
    rows = [json.loads(line) for line in run(["extract", str(tmp_path), "--no-model"]).output.splitlines()]
    assert [r["source"] for r in rows] == ["a.txt", "b.json"]
    assert rows[1]["persons"][0]["name"] == "Ахмет Оспанов"


def test_extract_writes_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run(["extract", "-", "-o", str(out), "--no-model"], "Ахмет Оспанов сөйледі.")
    assert result.output == "" and json.loads(out.read_text(encoding="utf-8"))["persons"]


def test_extract_empty_text_is_a_note_not_an_error() -> None:
    result = CliRunner().invoke(main, ["extract", "-"], input="")
    assert result.exit_code == 0 and json.loads(result.stdout)["persons"] == []
    assert "empty text" in result.stderr


def test_extract_bad_json_article_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 2 and "not valid JSON" in result.stderr


# --- the crashes the reliability probe found (issue 16) -----------------------------------------

def test_extract_survives_the_inputs_that_crashed_it(tmp_path: Path) -> None:
    combining = run(["extract", "-"], "и\u0306\u0301Алдарыңызда".encode())
    assert combining.exit_code == 0 and json.loads(combining.stdout)["lang"] == "kk"
    surrogate = tmp_path / "surrogate.json"
    surrogate.write_text('{"text": "Біз \\ud800 Сайрам ауданында болдық."}', encoding="utf-8")
    result = run(["extract", str(surrogate)])
    assert result.exit_code == 0 and json.loads(result.stdout)["lang"] == "kk"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    refused = CliRunner().invoke(main, ["extract", str(deep)])
    assert refused.exit_code == 2 and "nested too deeply" in refused.stderr


def test_endless_input_is_refused_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QOGAM_MAX_INPUT_MB", "0.01")
    result = CliRunner().invoke(main, ["tokens", "-"], input=b"a" * 20_000)
    assert result.exit_code == 2 and "larger than 0.01 MB, refused" in result.stderr
