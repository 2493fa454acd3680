from __future__ import annotations

import io
from pathlib import Path

import pytest

from qogam.errors import InputError
from qogam.ingest.files import decode_text, read_text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xd0\x90\xd0", "not valid UTF-8"),
        ("Қазақстан".encode("cp1251", errors="replace"), "not valid UTF-8"),
        ("Сәлем".encode("utf-16"), "binary"),
    ],
)
def test_decode_rejects_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_text(data, "x.txt")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Сәлем, әлем!".encode(), "Сәлем, әлем!"),
        ("\ufeffСәлем".encode(), "Сәлем"),
        (b"tab\there\r\nline", "tab\there\r\nline"),
    ],
)
def test_decode_accepts_text(data: bytes, text: str) -> None:
    assert decode_text(data, "x.txt") == text


def test_empty_is_allowed_when_asked() -> None:
    assert decode_text(b"", "<stdin>", allow_empty=True) == ""


def test_read_text_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")


def test_read_text_from_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Түркістан", encoding="utf-8")
    assert read_text(path) == (str(path), "Түркістан")
    assert read_text("-", io.BytesIO("Шымкент".encode())) == ("<stdin>", "Шымкент")


@pytest.mark.parametrize(
    ("text", "normal"),
    [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\n\r\nb\r", "a\n\nb\n"), ("a\nb", "a\nb"), ("", "")],
)
def test_normalize_newlines(text: str, normal: str) -> None:
    from qogam.ingest.files import normalize_newlines

    assert normalize_newlines(text) == normal


def test_sidecar_gives_title_outlet_url_and_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from qogam.ingest.articles import read_article_meta

    (tmp_path / "a.txt").write_text("Мәтін.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({
        "title": "Тақырып", "outlet": "ontustik.kz", "url": "https://ontustik.kz/a", "date": "2024-03-12",
        "unknown": "kept out"}), encoding="utf-8")
    name, text, meta = read_article_meta(tmp_path / "a.txt")
    assert text == "Мәтін." and meta == {"title": "Тақырып", "outlet": "ontustik.kz",
                                         "url": "https://ontustik.kz/a", "date": "2024-03-12"}


def test_bad_sidecar_is_an_input_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from qogam.errors import InputError
    from qogam.ingest.articles import read_article_meta

    (tmp_path / "a.txt").write_text("Мәтін.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="sidecar must be a JSON object"):
        read_article_meta(tmp_path / "a.txt")


# --- limits and hostile input (issue 16) --------------------------------------------------------

def test_a_nul_byte_anywhere_is_refused() -> None:
    from qogam.ingest.encodings import decode

    late = "Қазақстан ".encode() * 2000 + b"\x00 end"  # past the first 8 KiB
    with pytest.raises(InputError, match="NUL byte at byte 38000"):
        decode_text(late, "x.txt")
    with pytest.raises(InputError, match="NUL character"):
        decode("a\x00b".encode("utf-16"), "x.txt")  # UTF-16 holds NUL bytes; a NUL character is refused


def test_input_is_read_up_to_the_limit_and_refused_past_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from qogam.ingest.files import max_bytes, read_limited

    assert max_bytes() == 5 * 1024 * 1024
    monkeypatch.setenv("QOGAM_MAX_INPUT_MB", "0.001")
    assert read_limited(io.BytesIO(b"a" * 1000), "x") == b"a" * 1000

    class Endless(io.RawIOBase):  # /dev/zero: answers any read in full, for ever
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"\0" * len(buffer)
            return len(buffer)

    with pytest.raises(InputError, match="larger than 0.001 MB, refused"):
        read_limited(io.BufferedReader(Endless()), "/dev/zero")
    big = tmp_path / "big.txt"
    big.write_text("сөз " * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="big.txt: larger than"):
        read_text(big)
    monkeypatch.setenv("QOGAM_MAX_INPUT_MB", "many")
    with pytest.raises(InputError, match="give a number of megabytes"):
        max_bytes()


@pytest.mark.parametrize(("text", "expected"), [
    ('{"text": "Біз \\ud800 бардық"}', {"text": "Біз \ufffd бардық"}),
    ('{"text": "😀 \\ud83d\\ude00", "\\udc00": ["\\udfff", {"a": "\\ud800"}]}',
     {"text": "😀 😀", "\ufffd": ["\ufffd", {"a": "\ufffd"}]}),
])
def test_json_lone_surrogates_become_replacement_characters(text: str, expected: object) -> None:
    from qogam.ingest.files import parse_json

    assert parse_json(text, "x.json") == expected


def test_json_nested_too_deep_is_a_clean_error() -> None:
    from qogam.ingest.files import parse_json

    with pytest.raises(InputError, match="nested too deeply"):
        parse_json("[" * 100_000 + "]" * 100_000, "deep.json")
    with pytest.raises(InputError, match="not valid JSON"):
        parse_json('{"text": ', "cut.json")
